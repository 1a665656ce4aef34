package app.truenorth.transfer;

import app.truenorth.health.rules.Thresholds;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapInputs.BulkDecision;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TrueNorth's own roadmap file, what {@code truenorth pull} writes and {@code truenorth push} and the
 * import read. Version 1:
 *
 * <pre>
 * { "format": "truenorth-roadmap", "version": 1, "product": "Atlas",
 *   "thresholds": { "featureSizeWeeks": 2, "maxFeatureSizedPercent": 20, "nowCapacityWeeks": 12, "maxNowPercent": 40,
 *       "antiGoalMatchPercent": 50 },
 *   "antiGoals": [ "Build a custom integration for every large customer" ],
 *   "dismissals": [ { "antiGoal": "Build a custom integration for every large customer", "initiative": "Globex integration",
 *       "reason": "...", "textsFingerprint": "9f2c..." } ],
 *   "themes": [ { "name": "Self-serve onboarding", "description": "..." } ],
 *   "initiatives": [ { "title": "...", "description": "...", "theme": "Self-serve onboarding",
 *       "horizon": "NOW|NEXT|LATER", "stage": "IDEA|DISCOVERY|BUILDING|RELEASED|MEASURED", "team": "...",
 *       "effortLow": 2, "effortHigh": 4, "confidence": 60, "quarter": "2026-Q3",
 *       "startDate": "2026-07-01", "endDate": "2026-09-30", "visibility": "INTERNAL|EXTERNAL" } ],
 *   "decisions": [ { "title": "...", "rationale": "...", "decidedOn": "2026-05-04", "decidedBy": "Leadership team",
 *       "keyDecision": true, "visibility": "INTERNAL|EXTERNAL", "initiatives": ["initiative title"],
 *       "themes": ["theme name"], "objectives": ["objective title"] } ] }
 * </pre>
 *
 * Themes are matched by name; an initiative's theme must be listed in {@code themes} or already be on the
 * roadmap. {@code antiGoals} (optional; the roadmap's declared anti-goals, kept by the health module) are
 * added when not listed yet. Decisions (latest first) name what they concern: initiatives by title (in the
 * file or on the roadmap), themes by name, objectives by title (only those already on the roadmap are
 * linked, since objectives are not in the file). {@code antiGoals} and {@code decisions} may be left out:
 * files written before they existed read as before. Dependencies, risks, objectives and scores are not
 * part of version 1.
 *
 * <p>{@code thresholds} and {@code dismissals} record how the health checks judged the roadmap when it was
 * pulled (the health module's thresholds, and the anti-goal findings dismissed for one initiative, each with
 * the digest of the texts it was made for), so {@code truenorth lint} on the file finds what the server
 * found. A push leaves the roadmap's own thresholds and dismissals as they are; the retired
 * {@code thresholds.antiGoalSimilarityPercent} is reported as a warning, never read on the new scale.
 */
public final class RoadmapJson {

    public static final String FORMAT = "truenorth-roadmap";
    public static final int VERSION = 1;

    public record Document(String format, int version, String product, ThresholdsEntry thresholds, List<String> antiGoals,
            List<DismissalEntry> dismissals, List<ThemeEntry> themes, List<InitiativeEntry> initiatives, List<DecisionEntry> decisions) {
    }

    /** The health thresholds the roadmap is judged by (the names and scales of the health API and roadmap-as-code). */
    public record ThresholdsEntry(BigDecimal featureSizeWeeks, int maxFeatureSizedPercent, BigDecimal nowCapacityWeeks,
            int maxNowPercent, int antiGoalMatchPercent) {

        public static ThresholdsEntry of(Thresholds t) {
            return new ThresholdsEntry(plain(t.featureSizeWeeks()), t.maxFeatureSizedPercent(),
                    t.nowCapacityWeeks() == null ? null : plain(t.nowCapacityWeeks()), t.maxNowPercent(), t.antiGoalMatchPercent());
        }
    }

    /** An anti-goal finding dismissed for one initiative (named by title), with the digest of the texts it holds for. */
    public record DismissalEntry(String antiGoal, String initiative, String reason, String textsFingerprint) {
    }

    /** An entry of the file's {@code antiGoals} with the line it is on; {@code text} is null when it is not a string. */
    public record AntiGoalEntry(int line, String text) {
    }

    public record ThemeEntry(String name, String description) {
    }

    public record InitiativeEntry(String title, String description, String theme, String horizon, String stage, String team,
            BigDecimal effortLow, BigDecimal effortHigh, Integer confidence, String quarter, LocalDate startDate,
            LocalDate endDate, String visibility) {
    }

    public record DecisionEntry(String title, String rationale, LocalDate decidedOn, String decidedBy, boolean keyDecision,
            String visibility, List<String> initiatives, List<String> themes, List<String> objectives) {
    }

    /** A decision of an uploaded file: ready to be checked by the roadmap's rules, or refused while reading. */
    record DecisionRow(int line, String title, BulkDecision decision, List<ParsedRow.Problem> problems) {
    }

    private RoadmapJson() {
    }

    /** The roadmap as a version-1 document, initiatives in the roadmap's order. */
    public static Document of(RoadmapData data) {
        return of(data, List.of());
    }

    /** The roadmap and its declared anti-goals as a version-1 document. */
    public static Document of(RoadmapData data, List<String> antiGoals) {
        return of(data, Thresholds.DEFAULTS, antiGoals, List.of());
    }

    /** The roadmap with what its health checks judge it by: thresholds, declared anti-goals and dismissed findings. */
    public static Document of(RoadmapData data, Thresholds thresholds, List<String> antiGoals, List<DismissalEntry> dismissals) {
        List<ThemeEntry> themes = data.themeList().stream().map(t -> new ThemeEntry(t.name(), t.description())).toList();
        List<InitiativeEntry> initiatives = data.initiativeList().stream().map(i -> entry(data, i)).toList();
        List<DecisionEntry> decisions = data.decisionList().stream().map(d -> new DecisionEntry(d.title(), d.rationale(), d.decidedOn(),
                d.decidedBy(), d.keyDecision(), d.visibility().name(), d.initiativeIds().stream().map(data::initiativeTitle).toList(),
                d.themeIds().stream().map(data::themeName).toList(),
                d.objectiveIds().stream().map(id -> data.objective(id).map(o -> o.title()).orElse("#" + id)).toList())).toList();
        return new Document(FORMAT, VERSION, data.productName(), ThresholdsEntry.of(thresholds), List.copyOf(antiGoals),
                List.copyOf(dismissals), themes, initiatives, decisions);
    }

    /**
     * The anti-goals a document declares, each with its line; call after {@link #parse}, which checks the
     * shape. An {@code antiGoals} that is not a list counts as one entry that is not a string.
     */
    static List<AntiGoalEntry> antiGoals(String text, JsonMapper json) {
        List<AntiGoalEntry> entries = new ArrayList<>();
        try (JsonParser p = json.createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"antiGoals".equals(name) || value == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    entries.add(new AntiGoalEntry(p.currentTokenLocation().getLineNr(), null));
                    p.skipChildren();
                } else {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int line = p.currentTokenLocation().getLineNr();
                        entries.add(new AntiGoalEntry(line, p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null));
                        p.skipChildren();
                    }
                }
            }
        }
        return entries;
    }

    /**
     * What a push reads but does not apply as written: the retired word-overlap threshold
     * ({@code thresholds.antiGoalSimilarityPercent}), each with its line. A push never changes the roadmap's
     * thresholds, so the warning says how the linter reads the value and what to write instead.
     */
    static List<String> warnings(String text, JsonMapper json) {
        List<String> warnings = new ArrayList<>();
        try (JsonParser p = json.createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"thresholds".equals(name) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                Integer retired = null;
                Integer current = null;
                int line = 0;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (Thresholds.RETIRED_FIELD.equals(field) && p.currentToken().isNumeric()) {
                        retired = p.getIntValue();
                        line = p.currentTokenLocation().getLineNr();
                    } else if ("antiGoalMatchPercent".equals(field) && p.currentToken().isNumeric()) {
                        current = p.getIntValue();
                    }
                    p.skipChildren();
                }
                if (retired != null) {
                    warnings.add("line " + line + ": thresholds." + Thresholds.retiredFieldWarning(retired, current)
                            + " A push does not change the roadmap's thresholds; set them on the Health page.");
                }
            }
        }
        return warnings;
    }

    private static InitiativeEntry entry(RoadmapData data, Initiative i) {
        return new InitiativeEntry(i.title(), i.description(), data.theme(i.themeId()).map(t -> t.name()).orElse(null),
                i.horizon().name(), i.stage().name(), i.team(), plain(i.effort().low()), plain(i.effort().high()), i.confidence(), i.quarter() == null ? null : i.quarter().toString(),
                i.startDate(), i.endDate(), i.visibility().name());
    }

    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString()); // 10, not 1E+1
    }

    /** The themes a document declares, with their descriptions; call after {@link #parse}, which checks the shape. */
    static List<app.truenorth.roadmap.RoadmapInputs.ThemeInput> themes(String text, JsonMapper json) {
        List<app.truenorth.roadmap.RoadmapInputs.ThemeInput> themes = new ArrayList<>();
        for (JsonNode t : json.readTree(text).path("themes")) {
            themes.add(new app.truenorth.roadmap.RoadmapInputs.ThemeInput(t.path("name").asString(""), t.path("description").asString("")));
        }
        return themes;
    }

    static List<ParsedRow> parse(String text, JsonMapper json) {
        return parse(text, json, "initiatives").stream().map(n -> row(n.line(), n.node())).toList();
    }

    /** The file's decisions (none when it has no {@code decisions}); call after {@link #parse}, which checks the file. */
    static List<DecisionRow> decisions(String text, JsonMapper json) {
        return parse(text, json, "decisions").stream().map(n -> decision(n.line(), n.node())).toList();
    }

    private record Located(int line, JsonNode node) {
    }

    /** The elements of one of the document's top-level lists, each with the line it starts on. */
    private static List<Located> parse(String text, JsonMapper json, String list) {
        JsonNode root;
        List<Integer> lines = new ArrayList<>();
        try {
            root = json.readTree(text);
            try (JsonParser p = json.createParser(text)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (list.equals(name) && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            lines.add(p.currentTokenLocation().getLineNr());
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JacksonException e) {
            throw new InvalidInputException("file", "This is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asString(""))) {
            throw new InvalidInputException("file", "This is not a TrueNorth roadmap file: expected \"format\": \"" + FORMAT + "\".");
        }
        int version = root.path("version").asInt(0);
        if (version != VERSION) {
            throw new InvalidInputException("file", "This file is version " + root.path("version") + " of the roadmap format; "
                    + "this server reads version " + VERSION + ".");
        }
        List<Located> rows = new ArrayList<>();
        JsonNode elements = root.path(list);
        if (!elements.isMissingNode() && !elements.isNull() && !elements.isArray()) {
            throw new InvalidInputException("file", "\"" + list + "\" must be a list.");
        }
        for (int i = 0; i < elements.size(); i++) {
            rows.add(new Located(lines.size() > i ? lines.get(i) : 0, elements.get(i)));
        }
        return rows;
    }

    private static DecisionRow decision(int line, JsonNode node) {
        List<ParsedRow.Problem> problems = new ArrayList<>();
        String title = node.path("title").asString("");
        Visibility visibility = choice(Visibility.class, node, "visibility", false, problems);
        LocalDate decidedOn = date(node, "decidedOn", problems);
        JsonNode key = node.get("keyDecision");
        if (key != null && !key.isNull() && !key.isBoolean()) {
            problems.add(new ParsedRow.Problem("keyDecision", "must be true or false"));
        }
        List<String> initiatives = names(node, "initiatives", problems);
        List<String> themes = names(node, "themes", problems);
        List<String> objectives = names(node, "objectives", problems);
        if (!problems.isEmpty()) {
            return new DecisionRow(line, title, null, problems);
        }
        return new DecisionRow(line, title, new BulkDecision(line, title, node.path("rationale").asString(""), decidedOn,
                node.path("decidedBy").asString(""), key != null && key.asBoolean(false), visibility, initiatives, themes, objectives),
                List.of());
    }

    private static List<String> names(JsonNode node, String field, List<ParsedRow.Problem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (!value.isArray()) {
            problems.add(new ParsedRow.Problem(field, "must be a list of names"));
            return names;
        }
        for (JsonNode n : value) {
            if (!n.isString() || n.asString().isBlank()) {
                problems.add(new ParsedRow.Problem(field, "must be a list of names"));
                return names;
            }
            names.add(n.asString());
        }
        return names;
    }

    private static ParsedRow row(int line, JsonNode node) {
        List<ParsedRow.Problem> problems = new ArrayList<>();
        String title = node.path("title").asString("");
        Horizon horizon = choice(Horizon.class, node, "horizon", true, problems);
        Stage stage = choice(Stage.class, node, "stage", false, problems);
        Visibility visibility = choice(Visibility.class, node, "visibility", false, problems);
        BigDecimal low = decimal(node, "effortLow", problems);
        BigDecimal high = decimal(node, "effortHigh", problems);
        Integer confidence = node.hasNonNull("confidence") ? (node.get("confidence").canConvertToInt()
                ? Integer.valueOf(node.get("confidence").asInt()) : null) : null;
        if (node.hasNonNull("confidence") && confidence == null) {
            problems.add(new ParsedRow.Problem("confidence", "must be a whole number from 0 to 100"));
        }
        LocalDate start = date(node, "startDate", problems);
        LocalDate end = date(node, "endDate", problems);
        if (!problems.isEmpty()) {
            return ParsedRow.rejected(line, "", title, problems);
        }
        String theme = node.path("theme").asString("");
        InitiativeInput input = new InitiativeInput(title, node.path("description").asString(""), null, List.of(), horizon, stage,
                node.path("team").asString(""), low, high, confidence, node.path("quarter").asString(""), start, end, visibility,
                null, null, null, null);
        return ParsedRow.ready(line, "", title, theme.isBlank() ? null : theme, input, "");
    }

    private static <E extends Enum<E>> E choice(Class<E> type, JsonNode node, String field, boolean required,
            List<ParsedRow.Problem> problems) {
        String value = node.path(field).asString("").trim();
        if (value.isEmpty()) {
            if (required) {
                problems.add(new ParsedRow.Problem(field, "is required: one of " + names(type)));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ParsedRow.Problem(field, "\"" + value + "\" is not one of " + names(type)));
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static BigDecimal decimal(JsonNode node, String field, List<ParsedRow.Problem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null; // the roadmap's rules say it is required
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asString().trim());
        } catch (NumberFormatException e) {
            problems.add(new ParsedRow.Problem(field, "\"" + value.asString() + "\" is not a number (person-weeks)"));
            return null;
        }
    }

    private static LocalDate date(JsonNode node, String field, List<ParsedRow.Problem> problems) {
        String value = node.path(field).asString("").trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new ParsedRow.Problem(field, "\"" + value + "\" is not a date like 2026-07-01"));
            return null;
        }
    }
}
