package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code truenorth lint} runs offline: no server, no Spring, just the file. */
class LintCommandTest {

    static final Path EXAMPLE = Path.of("docs/roadmap.yaml");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    Path write(String yaml) throws Exception {
        Path file = dir.resolve("roadmap.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void lintIsACommandSoNoServerStarts() {
        assertThat(Cli.handles(new String[] {"lint", "roadmap.yaml"})).isTrue();
    }

    @Test
    void theDocumentedExampleHasWarningsButNoErrors() throws Exception {
        var result = run("lint", EXAMPLE.toString(), "--today", "2026-11-20");
        assertThat(result.code()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("docs/roadmap.yaml:" + lineOf(EXAMPLE, "- key: sso") + ": warning [death-by-dates]")
                .contains("sso: Single sign-on with SAML")
                .contains("warning [wishful-thinking]")
                .contains("warning [orphaned-initiative]").contains("driver-breaks")
                .doesNotContain("error [")
                .contains("Atlas Fleet: score");
    }

    @Test
    void sarifPointsEachFindingAtTheLinesOfItsInitiatives() throws Exception {
        var result = run("lint", EXAMPLE.toString(), "--format", "sarif", "--today", "2026-11-20");
        assertThat(result.code()).isZero();
        JsonNode sarif = JSON.readTree(result.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("truenorth-lint");
        JsonNode dates = null;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("death-by-dates")) {
                dates = r;
            }
        }
        assertThat(dates).isNotNull();
        assertThat(dates.get("level").asText()).isEqualTo("warning");
        assertThat(dates.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(lineOf(EXAMPLE, "- key: sso"));
        assertThat(dates.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("docs/roadmap.yaml");
    }

    @Test
    void jsonCarriesScoreFindingsAndEvidenceKeys() throws Exception {
        var result = run("lint", EXAMPLE.toString(), "--format", "json", "--today", "2026-11-20");
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("score").asInt()).isBetween(1, 99);
        assertThat(json.get("findings").findValuesAsText("initiative")).contains("sso", "driver-breaks");
    }

    @Test
    void anErrorFindingExitsWithOne() throws Exception {
        Path file = write("""
                version: 1
                product: Beacon
                antiGoals:
                  - Build a custom integration for every large customer
                initiatives:
                  - key: acme
                    title: Custom integration for our large customer Acme
                    horizon: now
                """);
        var result = run("lint", file.toString(), "--today", "2026-11-20");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains(file + ":6: error [anti-goal]");
    }

    @Test
    void theRetiredAntiGoalThresholdIsANoticeOnItsLineAndFailsNothing() throws Exception {
        Path file = write("""
                version: 1
                product: Beacon
                thresholds:
                  antiGoalSimilarityPercent: 60
                initiatives:
                  - key: setup
                    title: Guided setup
                    horizon: now
                """);
        var result = run("lint", file.toString(), "--today", "2026-11-20");
        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains(file + ":4: notice: /thresholds/antiGoalSimilarityPercent: antiGoalSimilarityPercent (60) is retired")
                .contains("Read as antiGoalMatchPercent");
        JsonNode sarif = JSON.readTree(run("lint", file.toString(), "--format", "sarif", "--today", "2026-11-20").out());
        assertThat(sarif.at("/runs/0/results").findValuesAsText("ruleId")).contains("retired-field");
        JsonNode json = JSON.readTree(run("lint", file.toString(), "--format", "json", "--today", "2026-11-20").out());
        assertThat(json.at("/warnings/0/line").asInt()).isEqualTo(4);
    }

    @Test
    void anInvalidFileExitsWithTwoAndNamesTheLines() throws Exception {
        Path file = write("""
                version: 1
                product: Beacon
                initiatives:
                  - key: one
                    title: First
                    horizon: soon
                  - key: two
                    horizon: now
                    theme: missing
                """);
        var result = run("lint", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).contains(file + ":6: invalid: /initiatives/0/horizon")
                .contains(file + ":7: invalid: /initiatives/1").contains("title");
    }

    @Test
    void referencesThatDoNotResolveAreReportedWithTheirLines() throws Exception {
        Path file = write("""
                version: 1
                product: Beacon
                initiatives:
                  - key: one
                    title: First
                    horizon: now
                    dependsOn: [two]
                    start: 2026-05-01
                    end: 2026-04-01
                """);
        var result = run("lint", file.toString(), "--format", "json");
        assertThat(result.code()).isEqualTo(2);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("no initiative has the key “two”"));
        assertThat(json.get("problems").findValues("line")).extracting(JsonNode::asInt).contains(7, 9);
    }

    @Test
    void brokenYamlAndMissingFilesExitWithTwo() throws Exception {
        Path file = write("version: 1\nproduct: [unclosed\ninitiatives: []\n");
        var broken = run("lint", file.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.out()).contains("not valid YAML").containsPattern(":[23]: invalid");
        var missing = run("lint", dir.resolve("nope.yaml").toString(), "--format", "sarif");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(JSON.readTree(missing.out()).at("/runs/0/results/0/ruleId").asText()).isEqualTo("invalid-roadmap");
        assertThat(run("lint", file.toString(), "--format", "xml").code()).isEqualTo(2);
    }

    @Test
    void theSchemaInDocsIsTheOneTheLinterUses() throws Exception {
        assertThat(Files.readString(Path.of("docs/roadmap.schema.json")))
                .isEqualTo(Files.readString(Path.of("src/main/resources/health/roadmap.schema.json")));
    }
}
