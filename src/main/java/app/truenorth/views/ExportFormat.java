package app.truenorth.views;

import java.util.Arrays;
import java.util.Optional;

/** The formats a view exports to. */
public enum ExportFormat {
    MARKDOWN("md", "text/markdown;charset=UTF-8", "Markdown"),
    CSV("csv", "text/csv;charset=UTF-8", "CSV"),
    JSON("json", "application/json", "JSON"),
    PDF("pdf", "application/pdf", "PDF"),
    SVG("svg", "image/svg+xml", "Timeline SVG"),
    PNG("png", "image/png", "Timeline PNG");

    private final String extension;
    private final String contentType;
    private final String label;

    ExportFormat(String extension, String contentType, String label) {
        this.extension = extension;
        this.contentType = contentType;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public String label() {
        return label;
    }

    public static Optional<ExportFormat> byExtension(String ext) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(ext == null ? "" : ext)).findFirst();
    }
}
