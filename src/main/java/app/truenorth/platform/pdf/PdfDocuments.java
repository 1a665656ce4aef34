package app.truenorth.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Printable documents (strategy briefs, roadmap exports) as PDF, through openhtmltopdf with the fonts
 * shipped in the jar and inline SVG drawn by Batik, so a chart looks the same on the page and on paper.
 */
public final class PdfDocuments {

    private static final String FAMILY = "DejaVu Sans";
    private static final Map<String, Path> FONTS = new ConcurrentHashMap<>();

    private PdfDocuments() {
    }

    /**
     * Prints one XHTML document made by a template (see {@link app.truenorth.platform.html.Templates}; the
     * {@code layout/print.jte} layout gives the document its head and style sheet).
     *
     * @param xhtml a well-formed XHTML document, whose style sheet uses font-family "DejaVu Sans"
     */
    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font("DejaVuSans.ttf").toFile(), FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(font("DejaVuSans-Bold.ttf").toFile(), FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The fonts ship inside the jar; the renderer wants files, so each is copied out once per process. */
    private static Path font(String name) {
        Path cached = FONTS.get(name);
        if (cached != null && Files.exists(cached)) {
            return cached;
        }
        synchronized (FONTS) {
            try {
                Path file = Files.createTempFile("truenorth-", "-" + name);
                file.toFile().deleteOnExit();
                try (InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + name)) {
                    if (in == null) {
                        throw new IOException("Font " + name + " is missing from the application");
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                FONTS.put(name, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
