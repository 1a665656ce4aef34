package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Dismissals;
import app.truenorth.health.Health;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.DemoContributors;
import app.truenorth.workspace.DemoWorkspace;
import app.truenorth.workspace.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline parity of the anti-goal rule: the demo roadmap pulled as a file and linted with no server gives
 * the server's anti-goal findings one to one — the same anti-goals, initiatives, scores and evidence, and
 * the same dismissed matches — because the score depends only on the two texts and the file carries the
 * threshold, the anti-goals and the dismissals.
 */
@IntegrationTest
class LintParityTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DemoContributors contributors;
    @Autowired
    AntiGoals antiGoals;
    @Autowired
    Dismissals dismissals;
    @Autowired
    Health health;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    JsonMapper json;
    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** One anti-goal finding reduced to what both sides must agree on. */
    record Seen(String message, List<String> evidence) {
    }

    static List<Seen> antiGoalFindings(JsonNode report) {
        List<Seen> seen = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asString().equals("anti-goal")) {
                List<String> evidence = new ArrayList<>();
                for (JsonNode e : f.path("evidence")) {
                    evidence.add(e.path("label").asString() + " | " + e.path("match").toString());
                }
                seen.add(new Seen(f.path("message").asString(), evidence));
            }
        }
        return seen;
    }

    @Test
    void theDemoRoadmapPulledAsAFileLintsToTheServersAntiGoalFindings() throws Exception {
        var owner = fixtures.owner();
        var people = Map.of("OWNER", owner.userId(), "EDITOR", fixtures.member(owner, Role.EDITOR).userId(),
                "CONTRIBUTOR", fixtures.member(owner, Role.CONTRIBUTOR).userId(), "VIEWER", fixtures.member(owner, Role.VIEWER).userId());
        long atlas = fixtures.product(owner, "Atlas Fleet").id();
        long beacon = fixtures.product(owner, "Beacon Driver App").id();
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contributors.contribute(new DemoWorkspace(owner.workspaceId(), owner.userId(), people, List.of(
                new DemoWorkspace.DemoProduct("atlas", atlas, "Atlas Fleet"),
                new DemoWorkspace.DemoProduct("beacon", beacon, "Beacon Driver App"))));
        // a second anti-goal that catches more than one initiative, and one of its matches dismissed, so the
        // comparison covers several findings, several items per finding and a dismissal
        long broad = antiGoals.add(atlas, "Dispatch screens rebuilt for every customer's own workflow").id();
        var check = health.check(atlas);
        var flagged = check.report().findings().stream().filter(f -> f.rule().id().equals("anti-goal"))
                .flatMap(f -> f.evidence().stream()).filter(e -> e.match().antiGoal().startsWith("Dispatch screens")).toList();
        if (!flagged.isEmpty()) {
            dismissals.dismiss(atlas, broad, flagged.getFirst().initiativeId(), "Configuration, not a rebuild per customer");
        }
        SecurityContextHolder.clearContext();

        String token = fixtures.token(owner);
        String server = "http://localhost:" + port;
        Path file = dir.resolve("atlas.json");
        assertThat(CliRun.run("pull", "--product", String.valueOf(atlas), "-o", file.toString(), "--server", server, "--token", token)
                .code()).isZero();
        assertThat(Files.readString(file)).contains("\"antiGoalMatchPercent\"").contains("\"dismissals\"");

        JsonNode online = new ApiClient(server, token).get("/api/v1/products/" + atlas + "/health");
        var lint = CliRun.run("lint", file.toString(), "--format", "json");
        assertThat(lint.code()).as(lint.out() + lint.err()).isEqualTo(1); // the demo's anti-goal finding is an error
        JsonNode offline = json.readTree(lint.out());

        List<Seen> server1 = antiGoalFindings(online);
        assertThat(server1).as("the demo flags at least its idle-time report").isNotEmpty();
        assertThat(antiGoalFindings(offline)).containsExactlyElementsOf(server1);

        List<String> dismissedOnline = new ArrayList<>();
        online.path("dismissed").forEach(d -> dismissedOnline.add(d.path("antiGoal").asString() + " | " + d.path("label").asString()
                + " | " + d.path("match").toString() + " | " + d.path("reason").asString()));
        List<String> dismissedOffline = new ArrayList<>();
        offline.path("dismissed").forEach(d -> dismissedOffline.add(d.path("antiGoal").asString() + " | "
                + d.path("evidence").path("label").asString() + " | " + d.path("evidence").path("match").toString() + " | "
                + d.path("reason").asString()));
        assertThat(dismissedOffline).containsExactlyElementsOf(dismissedOnline);
        assertThat(dismissedOnline).hasSize(flagged.isEmpty() ? 0 : 1);
        // the rules the file cannot feed are named, not guessed
        assertThat(offline.path("unchecked").valueStream().map(JsonNode::asString).toList()).contains("orphaned-initiative")
                .doesNotContain("anti-goal");
    }
}
