package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A roadmap's anti-goals survive {@code truenorth pull} and {@code truenorth push}, and the server's health then judges by them. */
@IntegrationTest
class PushPullAntiGoalsCliTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path dir;

    String run(int expectedCode, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(expectedCode);
        return out.toString();
    }

    @Test
    void antiGoalsMakeTheRoundTripAndTheCopyIsJudgedTheSame() throws Exception {
        var owner = fixtures.owner();
        String token = fixtures.token(owner);
        String server = "http://localhost:" + port;
        long productId = fixtures.product(owner, "Harbor").id();
        Path file = dir.resolve("roadmap.json");
        Files.writeString(file, """
                {"format": "truenorth-roadmap", "version": 1,
                 "antiGoals": ["Build a custom integration for every large customer"],
                 "initiatives": [
                   {"title": "Globex integration", "description": "A custom integration for Globex, our largest customer.",
                    "horizon": "NEXT", "effortLow": 3, "effortHigh": 5, "confidence": 40}
                 ]}
                """);
        assertThat(run(0, "push", file.toString(), "--product", String.valueOf(productId), "--server", server, "--token", token))
                .contains("Pushed 1 initiatives and 1 new anti-goals");

        Path pulled = dir.resolve("pulled.json");
        run(0, "pull", "--product", String.valueOf(productId), "-o", pulled.toString(), "--server", server, "--token", token);
        String text = Files.readString(pulled);
        assertThat(text).contains("\"antiGoals\" : [ \"Build a custom integration for every large customer\" ]");

        long copy = fixtures.product(owner, "Harbor copy").id();
        run(0, "push", pulled.toString(), "--product", String.valueOf(copy), "--server", server, "--token", token);
        String again = run(0, "pull", "--product", String.valueOf(copy), "--server", server, "--token", token);
        assertThat(again.replaceFirst("\"product\" : \"[^\"]*\"", "")).isEqualTo(text.replaceFirst("\"product\" : \"[^\"]*\"", ""));

        // the copy's health flags the same initiative against the same anti-goal
        var api = new ApiClient(server, token);
        for (long id : new long[] {productId, copy}) {
            var health = api.get("/api/v1/products/" + id + "/health");
            assertThat(health.path("findings").valueStream().filter(f -> f.path("rule").asString().equals("anti-goal"))
                    .map(f -> f.path("evidence").get(0).path("label").asString()).toList())
                    .singleElement().satisfies(label -> assertThat(label).startsWith("Globex integration"));
        }
    }
}
