package app.truenorth.transfer;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.RoadmapData;
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
 *   "antiGoals": [ "Build a custom integration for every large customer" ],
 *   "themes": [ { "name": "Self-serve onboarding", "description": "..." } ],
 *   "initiatives": [ { "title": "...", "description": "...", "theme": "Self-serve onboarding",
 *       "horizon": "NOW|NEXT|LATER", "stage": "IDEA|DISCOVERY|BUILDING|RELEASED|MEASURED", "team": "...",
 *       "effortLow": 2, "effortHigh": 4, "confidence": 60, "quarter": "2026-Q3",
 *       "startDate": "2026-07-01", "endDate": "2026-09-30", "visibility": "INTERNAL|EXTERNAL" } ] }
 * </pre>
 *
 * Themes are matched by name; an initiative's theme must be listed in {@code themes} or already be on the
 * roadmap. {@code antiGoals} (optional; the roadmap's declared anti-goals, kept by the health module) are
 * added when not listed yet. Dependencies, risks, objectives and scores are not part of version 1.
 */
public final class RoadmapJson {

    public static final String FORMAT = "truenorth-roadmap";
    public static final int VERSION = 1;

    public record Document(String format, int version, String product, List<String> antiGoals, List<ThemeEntry> themes,
            List<InitiativeEntry> initiatives) {
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

    private RoadmapJson() {
    }

    /** The roadmap as a version-1 document, initiatives in the roadmap's order. */
    public static Document of(RoadmapData data) {
        return of(data, List.of());
    }

    /** The roadmap and its declared anti-goals as a version-1 document. */
    public static Document of(RoadmapData data, List<String> antiGoals) {
        List<ThemeEntry> themes = data.themeList().stream().map(t -> new ThemeEntry(t.name(), t.description())).toList();
        List<InitiativeEntry> initiatives = data.initiativeList().stream().map(i -> entry(data, i)).toList();
        return new Document(FORMAT, VERSION, data.productName(), List.copyOf(antiGoals), themes, initiatives);
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
        JsonNode root;
        List<Integer> lines = new ArrayList<>();
        try {
            root = json.readTree(text);
            try (JsonParser p = json.createParser(text)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("initiatives".equals(name) && value == JsonToken.START_ARRAY) {
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
        List<ParsedRow> rows = new ArrayList<>();
        JsonNode initiatives = root.path("initiatives");
        for (int i = 0; i < initiatives.size(); i++) {
            rows.add(row(lines.size() > i ? lines.get(i) : 0, initiatives.get(i)));
        }
        return rows;
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
