package app.truenorth.health.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes lint results as text for people, JSON for scripts, or SARIF 2.1.0 for CI code-scanning. */
public final class LintOutput {

    public enum Format {
        TEXT, JSON, SARIF
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintOutput() {
    }

    public static String report(Format format, String file, RoadmapFile roadmap, HealthReport report) {
        return switch (format) {
            case TEXT -> text(file, roadmap, report);
            case JSON -> write(json(file, roadmap, report));
            case SARIF -> write(sarif(file, roadmap, report, List.of()));
        };
    }

    /** The file could not be read or is not valid: problems with their lines, in the chosen format. */
    public static String invalid(Format format, String file, List<RoadmapFileException.Problem> problems) {
        return switch (format) {
            case TEXT -> {
                StringBuilder sb = new StringBuilder();
                for (RoadmapFileException.Problem p : problems) {
                    sb.append(file).append(':').append(Math.max(p.line(), 1)).append(": invalid: ")
                            .append(p.path().isEmpty() ? "" : p.path() + ": ").append(p.message()).append('\n');
                }
                yield sb.append(problems.size()).append(" problem").append(problems.size() == 1 ? "" : "s")
                        .append(": the file is not a valid roadmap\n").toString();
            }
            case JSON -> {
                ObjectNode root = JSON.createObjectNode().put("file", file).put("valid", false);
                ArrayNode list = root.putArray("problems");
                problems.forEach(p -> list.addObject().put("line", p.line()).put("path", p.path()).put("message", p.message()));
                yield write(root);
            }
            case SARIF -> write(sarif(file, null, null, problems));
        };
    }

    private static String text(String file, RoadmapFile roadmap, HealthReport report) {
        StringBuilder sb = new StringBuilder();
        for (RoadmapFileException.Problem w : roadmap.warnings()) {
            sb.append(file).append(':').append(Math.max(w.line(), 1)).append(": notice: ").append(w.path()).append(": ")
                    .append(w.message()).append('\n');
        }
        for (Finding f : report.findings()) {
            sb.append(file).append(':').append(line(roadmap, f)).append(": ").append(f.severity().name().toLowerCase())
                    .append(" [").append(f.rule().id()).append("] ").append(f.message()).append('\n');
            for (Evidence e : f.evidence()) {
                sb.append("    - ").append(e.initiativeId() == null ? "" : roadmap.initiativeKeys().get(e.initiativeId()) + ": ")
                        .append(e.label()).append('\n');
            }
            sb.append("    fix: ").append(f.fix()).append('\n');
        }
        for (HealthReport.Dismissed d : report.dismissed()) {
            sb.append(file).append(':').append(roadmap.initiativeLines().getOrDefault(d.evidence().initiativeId(), 1))
                    .append(": dismissed [").append(Rule.ANTI_GOAL.id()).append("] ")
                    .append(roadmap.initiativeKeys().get(d.evidence().initiativeId())).append(": ").append(d.evidence().label())
                    .append(" against “").append(d.antiGoal()).append("”; reason: ").append(d.reason()).append('\n');
        }
        if (!roadmap.unchecked().isEmpty()) {
            sb.append("not checked (the file does not carry what they read): ")
                    .append(String.join(", ", roadmap.unchecked().stream().map(Rule::id).toList())).append('\n');
        }
        sb.append(roadmap.product()).append(": score ").append(report.score()).append("/100 (").append(report.verdict()).append("), ")
                .append(report.count(Severity.ERROR)).append(" errors, ").append(report.count(Severity.WARNING)).append(" warnings, ")
                .append(report.count(Severity.NOTE)).append(" notes on ").append(report.initiativeCount()).append(" initiatives\n");
        return sb.toString();
    }

    private static ObjectNode json(String file, RoadmapFile roadmap, HealthReport report) {
        ObjectNode root = JSON.createObjectNode().put("file", file).put("valid", true).put("product", roadmap.product())
                .put("score", report.score()).put("verdict", report.verdict()).put("initiatives", report.initiativeCount());
        ArrayNode warnings = root.putArray("warnings");
        roadmap.warnings().forEach(w -> warnings.addObject().put("line", w.line()).put("path", w.path()).put("message", w.message()));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject().put("rule", f.rule().id()).put("title", f.rule().title())
                    .put("severity", f.severity().name().toLowerCase()).put("message", f.message()).put("fix", f.fix())
                    .put("line", line(roadmap, f));
            ArrayNode evidence = o.putArray("evidence");
            for (Evidence e : f.evidence()) {
                evidence(evidence.addObject(), roadmap, e);
            }
        }
        ArrayNode dismissed = root.putArray("dismissed");
        for (HealthReport.Dismissed d : report.dismissed()) {
            ObjectNode o = dismissed.addObject().put("rule", Rule.ANTI_GOAL.id()).put("antiGoal", d.antiGoal()).put("reason", d.reason());
            evidence(o.putObject("evidence"), roadmap, d.evidence());
        }
        ArrayNode unchecked = root.putArray("unchecked");
        roadmap.unchecked().forEach(r -> unchecked.add(r.id()));
        return root;
    }

    private static void evidence(ObjectNode ev, RoadmapFile roadmap, Evidence e) {
        if (e.initiativeId() != null) {
            ev.put("initiative", roadmap.initiativeKeys().get(e.initiativeId()))
                    .put("line", roadmap.initiativeLines().getOrDefault(e.initiativeId(), 1));
        }
        ev.put("label", e.label());
        AntiGoalMatch m = e.match();
        if (m != null) {
            ObjectNode match = ev.putObject("match").put("percent", m.percent()).put("signal", m.signal());
            ArrayNode terms = match.putArray("sharedTerms");
            m.sharedTerms().forEach(terms::add);
            match.put("closestPhrase", m.closestPhrase()).put("explanation", m.explanation());
        }
    }

    private static ObjectNode sarif(String file, RoadmapFile roadmap, HealthReport report, List<RoadmapFileException.Problem> problems) {
        List<Finding> findings = report == null ? List.of() : report.findings();
        ObjectNode root = JSON.createObjectNode().put("$schema", SARIF_SCHEMA).put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver").put("name", "truenorth-lint")
                .put("informationUri", "https://truenorth.app/docs/health").put("version", "0.1.0");
        ArrayNode rules = driver.putArray("rules");
        for (Rule r : Rule.values()) {
            rules.addObject().put("id", r.id()).put("name", r.title()).putObject("shortDescription").put("text", r.explanation());
        }
        rules.addObject().put("id", "invalid-roadmap").put("name", "Invalid roadmap file").putObject("shortDescription")
                .put("text", "The file is not valid YAML or does not follow the roadmap schema.");
        rules.addObject().put("id", "retired-field").put("name", "Retired field").putObject("shortDescription")
                .put("text", "The file uses a field that is no longer read as written; the message says how it was read instead.");
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject().put("ruleId", f.rule().id()).put("level", f.severity().sarifLevel());
            r.putObject("message").put("text", f.message() + " Fix: " + f.fix());
            ArrayNode locations = r.putArray("locations");
            location(locations.addObject(), file, line(roadmap, f));
            ArrayNode related = r.putArray("relatedLocations");
            int id = 0;
            for (Evidence e : f.evidence()) {
                if (e.initiativeId() != null) {
                    ObjectNode loc = related.addObject().put("id", id++);
                    location(loc, file, roadmap.initiativeLines().getOrDefault(e.initiativeId(), 1));
                    loc.putObject("message").put("text", e.label());
                }
            }
        }
        if (report != null) {
            // dismissed anti-goal matches stay visible to code scanning as suppressed results, with the reason
            for (HealthReport.Dismissed d : report.dismissed()) {
                ObjectNode r = results.addObject().put("ruleId", Rule.ANTI_GOAL.id()).put("level", Severity.ERROR.sarifLevel());
                r.putObject("message").put("text", d.evidence().label() + " resembles the anti-goal “" + d.antiGoal() + "”.");
                location(r.putArray("locations").addObject(), file,
                        roadmap.initiativeLines().getOrDefault(d.evidence().initiativeId(), 1));
                r.putArray("suppressions").addObject().put("kind", "external").put("justification", d.reason());
            }
            for (RoadmapFileException.Problem w : roadmap.warnings()) {
                ObjectNode r = results.addObject().put("ruleId", "retired-field").put("level", "warning");
                r.putObject("message").put("text", w.path() + ": " + w.message());
                location(r.putArray("locations").addObject(), file, Math.max(w.line(), 1));
            }
        }
        for (RoadmapFileException.Problem p : problems) {
            ObjectNode r = results.addObject().put("ruleId", "invalid-roadmap").put("level", "error");
            r.putObject("message").put("text", (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
            location(r.putArray("locations").addObject(), file, Math.max(p.line(), 1));
        }
        return root;
    }

    private static void location(ObjectNode location, String file, int line) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", file.replace('\\', '/'));
        physical.putObject("region").put("startLine", line);
    }

    /** A finding's line: its first initiative's, else the top of the file. */
    private static int line(RoadmapFile roadmap, Finding f) {
        Map<Long, Integer> lines = roadmap == null ? Map.of() : roadmap.initiativeLines();
        return f.evidence().stream().filter(e -> e.initiativeId() != null).map(e -> lines.getOrDefault(e.initiativeId(), 1))
                .findFirst().orElse(1);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
