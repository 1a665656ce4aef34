package app.truenorth.roadmap.web;

import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters every roadmap format shares, read from and written back to the URL so a filtered view
 * can be bookmarked and switching format keeps the filter.
 */
public record RoadmapFilter(Long theme, String team, Long objective, Horizon horizon, Stage stage, Visibility visibility) {

    public static final RoadmapFilter NONE = new RoadmapFilter(null, null, null, null, null, null);

    /** Reads request parameters leniently: an unknown value means "no filter", never an error page. */
    public static RoadmapFilter of(String theme, String team, String objective, String horizon, String stage, String visibility) {
        return new RoadmapFilter(number(theme), blank(team) ? null : team.trim(), number(objective),
                parse(Horizon.class, horizon), parse(Stage.class, stage), parse(Visibility.class, visibility));
    }

    public boolean matches(Initiative i) {
        return (theme == null || (theme == 0 ? i.themeId() == null : theme.equals(i.themeId())))
                && (team == null || team.equalsIgnoreCase(i.team()))
                && (objective == null || i.objectiveIds().contains(objective))
                && (horizon == null || horizon == i.horizon())
                && (stage == null || stage == i.stage())
                && (visibility == null || visibility == i.visibility());
    }

    public boolean active() {
        return !equals(NONE);
    }

    /** "?theme=3&stage=BUILDING" (or "" without filters), for links between formats. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "theme", theme == null ? null : theme.toString());
        add(parts, "team", team);
        add(parts, "objective", objective == null ? null : objective.toString());
        add(parts, "horizon", horizon == null ? null : horizon.name());
        add(parts, "stage", stage == null ? null : stage.name());
        add(parts, "visibility", visibility == null ? null : visibility.name());
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Long number(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
