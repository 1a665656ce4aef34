package app.truenorth.roadmap.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The five ways the roadmap is shown over the same data; the slug is the page's path and the CLI's name. */
public enum RoadmapFormat {
    TIMELINE("Timeline"),
    HORIZON("Now / Next / Later"),
    THEME("By theme"),
    GOAL("By goal"),
    KANBAN("Kanban");

    private final String label;

    RoadmapFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RoadmapFormat> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }

    /** "timeline, horizon, theme, goal, kanban", for messages that list the valid values. */
    public static String names() {
        return Arrays.stream(values()).map(RoadmapFormat::slug).collect(Collectors.joining(", "));
    }
}
