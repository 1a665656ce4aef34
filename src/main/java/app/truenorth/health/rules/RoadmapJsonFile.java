package app.truenorth.health.rules;

import app.truenorth.health.rules.RoadmapFileException.Problem;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roadmap file {@code truenorth pull} writes (format {@code truenorth-roadmap}, version 1; the
 * transfer module's {@code RoadmapJson} describes it) for the linter, so a pulled roadmap is checked
 * offline exactly as the server checked it, as far as the file carries the inputs: its initiatives, themes,
 * declared anti-goals, thresholds and dismissed anti-goal findings. It holds no objectives, strategy links,
 * dependencies, last activity, review dates or share links, so only the rules that need none of those run
 * on it ({@link #RULES}); the others are reported as not checked rather than guessed.
 */
final class RoadmapJsonFile {

    static final String FORMAT = "truenorth-roadmap";
    static final int VERSION = 1;

    /** The rules a roadmap file carries everything for. */
    static final Set<Rule> RULES = EnumSet.of(Rule.DEATH_BY_DATES, Rule.WISHFUL_THINKING, Rule.ANTI_GOAL);

    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private RoadmapJsonFile(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    static RoadmapFile read(JsonNode root, Map<String, Integer> lines) throws RoadmapFileException {
        return new RoadmapJsonFile(root, lines).build();
    }

    private void problem(String path, String message) {
        problems.add(new Problem(RoadmapYaml.lineOf(lines, path), path.isEmpty() ? "/" : path, message));
    }

    private RoadmapFile build() throws RoadmapFileException {
        if (!FORMAT.equals(root.path("format").asText())) {
            problem("/format", "expected \"" + FORMAT + "\" (a roadmap file written by truenorth pull) or no format at all "
                    + "(roadmap-as-code YAML)");
        } else if (!root.path("version").isIntegralNumber() || root.path("version").asInt() != VERSION) {
            problem("/version", "this linter reads version " + VERSION + " of the roadmap file");
        }
        if (!problems.isEmpty()) {
            throw new RoadmapFileException(RoadmapYaml.sorted(problems));
        }
        String product = root.path("product").isTextual() && !root.path("product").asText().isBlank() ? root.path("product").asText()
                : "Roadmap";

        List<Theme> themes = new ArrayList<>();
        Map<String, Long> themeIds = new HashMap<>();
        int t = 0;
        for (JsonNode theme : list("themes")) {
            String name = theme.path("name").asText("").strip();
            if (name.isEmpty()) {
                problem("/themes/" + t, "a theme needs a name");
            } else if (!themeIds.containsKey(name)) {
                long id = themes.size() + 1;
                themeIds.put(name, id);
                themes.add(new Theme(id, name, text(theme, "description")));
            }
            t++;
        }

        List<Initiative> initiatives = new ArrayList<>();
        Map<Long, String> keys = new LinkedHashMap<>();
        Map<Long, Integer> initiativeLines = new HashMap<>();
        Map<String, List<Initiative>> byTitle = new HashMap<>();
        int n = 0;
        for (JsonNode node : list("initiatives")) {
            String path = "/initiatives/" + n;
            long id = ++n;
            Initiative initiative = initiative(node, path, id, themes, themeIds);
            if (initiative != null) {
                initiatives.add(initiative);
                keys.put(id, "#" + id);
                initiativeLines.put(id, RoadmapYaml.lineOf(lines, path));
                byTitle.computeIfAbsent(initiative.title(), k -> new ArrayList<>()).add(initiative);
            }
        }

        List<String> antiGoals = new ArrayList<>();
        int g = 0;
        for (JsonNode goal : list("antiGoals")) {
            if (!goal.isTextual() || goal.asText().isBlank()) {
                problem("/antiGoals/" + g, "an anti-goal is a sentence of text");
            } else {
                antiGoals.add(goal.asText());
            }
            g++;
        }

        Thresholds thresholds = thresholds(root.path("thresholds"));

        List<Dismissal> dismissals = new ArrayList<>();
        int d = 0;
        for (JsonNode node : list("dismissals")) {
            String path = "/dismissals/" + d++;
            String goal = node.path("antiGoal").asText("");
            String title = node.path("initiative").asText("");
            String fingerprint = node.path("textsFingerprint").asText("");
            if (goal.isBlank() || title.isBlank() || fingerprint.isBlank()) {
                problem(path, "a dismissal names its antiGoal, its initiative (by title) and the textsFingerprint it was made for");
                continue;
            }
            // titles need not be unique: the fingerprint (title and description) tells the initiatives apart
            for (Initiative i : byTitle.getOrDefault(title, List.of())) {
                dismissals.add(new Dismissal(goal, i.id(), node.path("reason").asText(""), fingerprint));
            }
        }

        if (!problems.isEmpty()) {
            throw new RoadmapFileException(RoadmapYaml.sorted(problems));
        }
        return new RoadmapFile(product, ScoringMethod.RICE, 30, null, null, thresholds, themes, List.of(), initiatives, List.of(),
                List.of(), Map.of(), List.of(), antiGoals, keys, initiativeLines, List.of(), dismissals, warnings, RULES);
    }

    private Iterable<JsonNode> list(String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem("/" + field, "must be a list");
            return List.of();
        }
        return node;
    }

    private Initiative initiative(JsonNode node, String path, long id, List<Theme> themes, Map<String, Long> themeIds) {
        int before = problems.size();
        if (!node.isObject()) {
            problem(path, "an initiative is an object with at least a title and a horizon");
            return null;
        }
        String title = node.path("title").asText("");
        Horizon horizon = choice(Horizon.class, node, path, "horizon", true);
        Stage stage = choice(Stage.class, node, path, "stage", false);
        Visibility visibility = choice(Visibility.class, node, path, "visibility", false);
        BigDecimal low = number(node, path, "effortLow");
        BigDecimal high = number(node, path, "effortHigh");
        EffortRange effort = null;
        if (low != null && high != null) {
            Map<String, String> wrong = EffortRange.problems(low, high);
            wrong.forEach((field, message) -> problem(path + "/" + field, "effort " + message));
            effort = wrong.isEmpty() ? new EffortRange(low, high) : null;
        }
        int confidence = node.hasNonNull("confidence") ? node.get("confidence").asInt(50) : 50;
        LocalDate start = date(node, path, "startDate");
        LocalDate end = date(node, path, "endDate");
        Initiative.problems(title, confidence, start, end).forEach((field, message) -> problem(path + "/" + field, message));
        Quarter quarter = node.hasNonNull("quarter") ? Quarter.parse(node.get("quarter").asText()).orElse(null) : null;
        Long themeId = null;
        String theme = text(node, "theme");
        if (theme != null && !theme.isBlank()) {
            // a theme may be one already on the roadmap rather than listed in the file
            themeId = themeIds.computeIfAbsent(theme.strip(), name -> {
                long themeNumber = themes.size() + 1;
                themes.add(new Theme(themeNumber, name, null));
                return themeNumber;
            });
        }
        if (problems.size() > before) {
            return null;
        }
        boolean dated = start != null && end != null;
        return new Initiative(id, title, text(node, "description"), themeId, List.of(), horizon, stage == null ? Stage.IDEA : stage,
                text(node, "team"), effort, confidence, quarter, dated ? start : null, dated ? end : null,
                visibility == null ? Visibility.INTERNAL : visibility, null, null);
    }

    private Thresholds thresholds(JsonNode t) {
        Thresholds d = Thresholds.DEFAULTS;
        if (t.isMissingNode() || t.isNull()) {
            return d;
        }
        if (!t.isObject()) {
            problem("/thresholds", "must be an object");
            return d;
        }
        BigDecimal featureSize = t.hasNonNull("featureSizeWeeks") ? number(t, "/thresholds", "featureSizeWeeks") : d.featureSizeWeeks();
        BigDecimal capacity = t.hasNonNull("nowCapacityWeeks") ? number(t, "/thresholds", "nowCapacityWeeks") : d.nowCapacityWeeks();
        Integer maxFeature = t.hasNonNull("maxFeatureSizedPercent") ? t.get("maxFeatureSizedPercent").asInt() : d.maxFeatureSizedPercent();
        Integer maxNow = t.hasNonNull("maxNowPercent") ? t.get("maxNowPercent").asInt() : d.maxNowPercent();
        int match = RoadmapYaml.anti(t, "/thresholds", lines, warnings);
        Map<String, String> wrong = Thresholds.problems(featureSize, maxFeature, capacity, maxNow, match);
        wrong.forEach((field, message) -> problem("/thresholds/" + field, message));
        return wrong.isEmpty() ? new Thresholds(featureSize, maxFeature, capacity, maxNow, match) : d;
    }

    private <E extends Enum<E>> E choice(Class<E> type, JsonNode node, String path, String field, boolean required) {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty()) {
            if (required) {
                problem(path + "/" + field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(path + "/" + field, "“" + value + "” is not one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    private BigDecimal number(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            problem(path + "/" + field, "“" + value.asText() + "” is not a number");
            return null;
        }
    }

    private LocalDate date(JsonNode node, String path, String field) {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty() || node.path(field).isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(path + "/" + field, "“" + value + "” is not a calendar date");
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
