package app.truenorth.health.rules;

import app.truenorth.health.rules.RoadmapFileException.Problem;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roadmap-as-code YAML format (docs/roadmap-as-code.md) into the roadmap domain model. The
 * file is first checked against its JSON Schema ({@value #SCHEMA}), then for what a schema cannot say
 * (keys that are unique and resolve, end dates after start dates, targets beyond baselines); every
 * problem names its line, so a CI log points straight at it. Plain Java: the CLI uses it offline.
 */
public final class RoadmapYaml {

    /** The schema, on the classpath; docs/roadmap.schema.json is the same file. */
    public static final String SCHEMA = "/health/roadmap.schema.json";

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchema SCHEMA_VALIDATOR = loadSchema();

    private RoadmapYaml() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = RoadmapYaml.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("roadmap schema missing from the classpath: " + SCHEMA);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's text, for serving it and for docs. */
    public static String schemaText() {
        try (InputStream in = RoadmapYaml.class.getResourceAsStream(SCHEMA)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a roadmap file from disk. A file that cannot be read, or is not UTF-8 text, is one problem
     * on its line 0, so every command reports it the way it reports a file that is not valid.
     */
    public static RoadmapFile read(Path file) throws RoadmapFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new RoadmapFileException(List.of(new Problem(0, "", "is not UTF-8 text")));
        } catch (IOException e) {
            throw new RoadmapFileException(List.of(new Problem(0, "", "cannot be read ("
                    + (Files.exists(file) ? e.getClass().getSimpleName() : "no such file") + ")")));
        }
        return read(text);
    }

    public static RoadmapFile read(String text) throws RoadmapFileException {
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try (JsonParser parser = YAML.createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() == null) {
                throw new RoadmapFileException(List.of(new Problem(1, "", "the file is empty")));
            }
            root = tree(parser, "", lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RoadmapFileException(List.of(new Problem(Math.max(line, 0), "", "not valid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new RoadmapFileException(List.of(new Problem(0, "", "cannot be read: " + e.getMessage())));
        }
        if (root.isObject() && root.has("format")) {
            // a roadmap file as truenorth pull writes it (JSON is YAML): its own format, read for what it carries
            return RoadmapJsonFile.read(root, lines);
        }
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : SCHEMA_VALIDATOR.validate(root)) {
            String path = pointer(m.getInstanceLocation());
            String message = m.getError() != null ? m.getError() : m.getMessage();
            problems.add(new Problem(lineOf(lines, path), path.isEmpty() ? "/" : path, message));
        }
        if (!problems.isEmpty()) {
            throw new RoadmapFileException(sorted(problems));
        }
        return new Builder(root, lines).build();
    }

    static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().distinct().sorted(Comparator.comparingInt(Problem::line).thenComparing(Problem::path)).toList();
    }

    /** Builds the tree by hand so every value's line is kept, keyed by its JSON pointer. */
    private static JsonNode tree(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode node = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                    p.nextToken();
                    node.set(name, tree(p, child, lines));
                }
                return node;
            }
            case START_ARRAY -> {
                ArrayNode node = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    node.add(tree(p, path + "/" + i++, lines));
                }
                return node;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(p.getText());
            }
        }
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** The line of a path, or of its nearest ancestor that has one. */
    static int lineOf(Map<String, Integer> lines, String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /**
     * The anti-goal threshold of a {@code thresholds} object: {@code antiGoalMatchPercent}, else the retired
     * {@code antiGoalSimilarityPercent} converted (with a warning), else the default. A retired value beside a
     * new one is ignored, also with a warning: an old value is never read on the new scale unannounced.
     */
    static int anti(JsonNode t, String path, Map<String, Integer> lines, List<Problem> warnings) {
        Integer given = t.hasNonNull("antiGoalMatchPercent") ? Integer.valueOf(t.get("antiGoalMatchPercent").asInt()) : null;
        if (t.hasNonNull(Thresholds.RETIRED_FIELD)) {
            int old = t.get(Thresholds.RETIRED_FIELD).asInt();
            String at = path + "/" + Thresholds.RETIRED_FIELD;
            warnings.add(new Problem(lineOf(lines, at), at, Thresholds.retiredFieldWarning(old, given)));
            if (given == null) {
                return Thresholds.matchPercentFromWordOverlap(old);
            }
        }
        return given != null ? given : Thresholds.DEFAULTS.antiGoalMatchPercent();
    }

    /** Turns the schema-valid tree into the domain model, collecting what the schema cannot check. */
    private static final class Builder {

        private final JsonNode root;
        private final Map<String, Integer> lines;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();

        Builder(JsonNode root, Map<String, Integer> lines) {
            this.root = root;
            this.lines = lines;
        }

        private void problem(String path, String message) {
            problems.add(new Problem(lineOf(lines, path), path, message));
        }

        RoadmapFile build() throws RoadmapFileException {
            JsonNode settings = root.path("settings");
            int cadence = settings.path("reviewCadenceDays").asInt(30);
            LocalDate lastReviewed = date(settings, "/settings", "lastReviewed");
            LocalDate lastSnapshot = date(settings, "/settings", "lastSnapshot");
            ScoringMethod scoring = settings.has("scoring") ? ScoringMethod.valueOf(settings.get("scoring").asText())
                    : ScoringMethod.RICE;
            Thresholds thresholds = thresholds(root.path("thresholds"));

            List<Theme> themes = new ArrayList<>();
            Map<String, Long> themeIds = new HashMap<>();
            each("themes", (node, path, id) -> {
                unique(themeIds, node, path, id, "theme");
                themes.add(new Theme(id, node.get("name").asText(), text(node, "description")));
            });

            List<Objective> objectives = new ArrayList<>();
            Map<String, Long> objectiveIds = new HashMap<>();
            each("objectives", (node, path, id) -> {
                unique(objectiveIds, node, path, id, "objective");
                Direction direction = Direction.valueOf(node.get("direction").asText().toUpperCase(Locale.ROOT));
                BigDecimal baseline = node.get("baseline").decimalValue();
                BigDecimal target = node.get("target").decimalValue();
                Map<String, String> wrong = Objective.problems(direction, baseline, target);
                wrong.forEach((field, message) -> problem(path + "/" + field, field + " " + message));
                if (wrong.isEmpty()) {
                    objectives.add(new Objective(id, node.get("title").asText(), node.get("metric").asText(), text(node, "unit"),
                            direction, baseline, target, node.has("current") ? node.get("current").decimalValue() : null,
                            date(node, path, "due")));
                }
            });

            Map<String, Long> initiativeIds = new HashMap<>();
            Map<Long, String> keys = new LinkedHashMap<>();
            Map<Long, Integer> initiativeLines = new HashMap<>();
            each("initiatives", (node, path, id) -> {
                unique(initiativeIds, node, path, id, "initiative");
                keys.put(id, node.get("key").asText());
                initiativeLines.put(id, lineOf(lines, path));
            });
            List<Initiative> initiatives = new ArrayList<>();
            List<Dependency> dependencies = new ArrayList<>();
            Map<Long, LocalDate> activity = new HashMap<>();
            long[] dependencyId = {0};
            each("initiatives", (node, path, id) -> {
                Long themeId = null;
                if (node.has("theme")) {
                    themeId = resolve(themeIds, node.get("theme").asText(), path + "/theme", "theme");
                }
                List<Long> objectiveRefs = new ArrayList<>();
                int o = 0;
                for (JsonNode ref : node.path("objectives")) {
                    Long oid = resolve(objectiveIds, ref.asText(), path + "/objectives/" + o++, "objective");
                    if (oid != null) {
                        objectiveRefs.add(oid);
                    }
                }
                int d = 0;
                for (JsonNode ref : node.path("dependsOn")) {
                    String refPath = path + "/dependsOn/" + d++;
                    Long required = resolve(initiativeIds, ref.asText(), refPath, "initiative");
                    if (required != null && required == id) {
                        problem(refPath, "an initiative cannot depend on itself");
                    } else if (required != null) {
                        dependencies.add(Dependency.between(++dependencyId[0], id, required));
                    }
                }
                EffortRange effort = null;
                if (node.has("effort")) {
                    BigDecimal low = node.get("effort").get("low").decimalValue();
                    BigDecimal high = node.get("effort").get("high").decimalValue();
                    Map<String, String> wrong = EffortRange.problems(low, high);
                    wrong.forEach((field, message) -> problem(path + "/effort/" + (field.equals("effortLow") ? "low" : "high"),
                            "effort " + message));
                    effort = wrong.isEmpty() ? new EffortRange(low, high) : null;
                }
                LocalDate start = date(node, path, "start");
                LocalDate end = date(node, path, "end");
                String title = node.get("title").asText();
                int confidence = node.path("confidence").asInt(50);
                Initiative.problems(title, confidence, start, end).forEach((field, message) -> problem(
                        path + "/" + (field.equals("startDate") ? "start" : field.equals("endDate") ? "end" : field),
                        message));
                Quarter quarter = node.has("quarter") ? Quarter.parse(node.get("quarter").asText()).orElse(null) : null;
                StrategicLink link = null;
                if (node.has("serves")) {
                    JsonNode serves = node.get("serves");
                    LinkKind kind = serves.get("kind").asText().equals("differentiator") ? LinkKind.DIFFERENTIATOR
                            : LinkKind.PROBLEM_STATEMENT;
                    link = new StrategicLink(kind, 0, serves.get("label").asText());
                }
                LocalDate last = date(node, path, "lastActivity");
                if (last != null) {
                    activity.put(id, last);
                }
                boolean datesValid = (start == null) == (end == null) && (start == null || !end.isBefore(start));
                initiatives.add(new Initiative(id, title, text(node, "description"), themeId, objectiveRefs,
                        Horizon.valueOf(node.get("horizon").asText().toUpperCase(Locale.ROOT)),
                        Stage.valueOf(node.path("stage").asText("idea").toUpperCase(Locale.ROOT)), text(node, "team"), effort,
                        confidence, quarter, datesValid ? start : null, datesValid ? end : null,
                        Visibility.valueOf(node.path("visibility").asText("internal").toUpperCase(Locale.ROOT)), link, null));
            });

            List<Risk> risks = new ArrayList<>();
            each("risks", (node, path, id) -> {
                Long initiativeId = node.has("initiative")
                        ? resolve(initiativeIds, node.get("initiative").asText(), path + "/initiative", "initiative") : null;
                risks.add(new Risk(id, initiativeId, node.get("title").asText(), node.get("likelihood").asInt(),
                        node.get("impact").asInt(), text(node, "mitigation"), text(node, "owner")));
            });

            List<Decision> decisions = new ArrayList<>();
            each("decisions", (node, path, id) -> {
                List<Long> initiativeRefs = refs(node, path, "initiatives", initiativeIds, "initiative");
                List<Long> themeRefs = refs(node, path, "themes", themeIds, "theme");
                List<Long> objectiveRefs = refs(node, path, "objectives", objectiveIds, "objective");
                LocalDate decided = date(node, path, "decided");
                // a missing or unreadable date is already reported (by the schema or by date())
                Decision.problems(node.get("title").asText(), node.get("rationale").asText(), decided, node.get("decidedBy").asText(), null)
                        .forEach((field, message) -> {
                            if (!field.equals("decidedOn")) {
                                problem(path + "/" + field, message);
                            }
                        });
                decisions.add(new Decision(id, node.get("title").asText(), node.get("rationale").asText(), decided,
                        node.get("decidedBy").asText(), null, node.path("keyDecision").asBoolean(false),
                        Visibility.valueOf(node.path("visibility").asText("internal").toUpperCase(Locale.ROOT)), initiativeRefs,
                        themeRefs, objectiveRefs));
            });

            List<AudienceLinks> audiences = new ArrayList<>();
            for (JsonNode a : root.path("audiences")) {
                audiences.add(new AudienceLinks(a.get("audience").asText(), a.get("view").asText(), a.path("external").asBoolean(false),
                        a.path("customers").asBoolean(false), a.get("links").asInt()));
            }
            List<String> antiGoals = new ArrayList<>();
            root.path("antiGoals").forEach(g -> antiGoals.add(g.asText()));

            if (!problems.isEmpty()) {
                throw new RoadmapFileException(sorted(problems));
            }
            return new RoadmapFile(root.get("product").asText(), scoring, cadence, lastReviewed, lastSnapshot, thresholds, themes,
                    objectives, initiatives, dependencies, risks, activity, audiences, antiGoals, keys, initiativeLines, decisions,
                    List.of(), warnings, null);
        }

        /** The ids of a list of keys, each reported at its own line when nothing has it. */
        private List<Long> refs(JsonNode node, String path, String field, Map<String, Long> ids, String kind) {
            List<Long> found = new ArrayList<>();
            int i = 0;
            for (JsonNode ref : node.path(field)) {
                Long id = resolve(ids, ref.asText(), path + "/" + field + "/" + i++, kind);
                if (id != null) {
                    found.add(id);
                }
            }
            return found;
        }

        private Thresholds thresholds(JsonNode t) {
            Thresholds d = Thresholds.DEFAULTS;
            BigDecimal featureSize = t.has("featureSizeWeeks") ? t.get("featureSizeWeeks").decimalValue() : d.featureSizeWeeks();
            BigDecimal capacity = t.has("nowCapacityWeeks") ? t.get("nowCapacityWeeks").decimalValue() : d.nowCapacityWeeks();
            int match = anti(t, "/thresholds", lines, warnings);
            return new Thresholds(featureSize, t.path("maxFeatureSizedPercent").asInt(d.maxFeatureSizedPercent()), capacity,
                    t.path("maxNowPercent").asInt(d.maxNowPercent()), match);
        }

        interface Item {
            void accept(JsonNode node, String path, long id);
        }

        /** Visits a top-level list; ids are positions counted from 1, so they are stable for the same file. */
        private void each(String list, Item item) {
            int i = 0;
            for (JsonNode node : root.path(list)) {
                item.accept(node, "/" + list + "/" + i, i + 1);
                i++;
            }
        }

        private void unique(Map<String, Long> ids, JsonNode node, String path, long id, String kind) {
            String key = node.get("key").asText();
            if (ids.putIfAbsent(key, id) != null) {
                problem(path + "/key", "another " + kind + " already has the key “" + key + "”");
            }
        }

        private Long resolve(Map<String, Long> ids, String key, String path, String kind) {
            Long id = ids.get(key);
            if (id == null) {
                problem(path, "no " + kind + " has the key “" + key + "”" + suggestion(ids.keySet(), key));
            }
            return id;
        }

        private static String suggestion(Set<String> keys, String key) {
            return keys.stream().filter(k -> k.startsWith(key.substring(0, Math.min(3, key.length())))).findFirst()
                    .map(k -> " (did you mean “" + k + "”?)").orElse("");
        }

        private LocalDate date(JsonNode node, String path, String field) {
            if (!node.has(field)) {
                return null;
            }
            try {
                return LocalDate.parse(node.get(field).asText());
            } catch (DateTimeParseException e) {
                problem(path + "/" + field, "“" + node.get(field).asText() + "” is not a calendar date");
                return null;
            }
        }

        private static String text(JsonNode node, String field) {
            return node.has(field) && !node.get(field).isNull() ? node.get(field).asText() : null;
        }
    }
}
