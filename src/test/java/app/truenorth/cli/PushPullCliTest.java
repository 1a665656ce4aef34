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
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code truenorth push} and {@code truenorth pull} against a running server. */
@IntegrationTest
class PushPullCliTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    long initiatives(long productId) {
        return jdbc.sql("select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    @Test
    void pushThenPullGivesBackTheSameRoadmap() throws Exception {
        var owner = fixtures.owner();
        String token = fixtures.token(owner);
        long productId = fixtures.product(owner, "Harbor").id();
        String server = "http://localhost:" + port;
        Path file = dir.resolve("roadmap.json");
        Files.writeString(file, """
                {"format": "truenorth-roadmap", "version": 1,
                 "themes": [{"name": "Trust", "description": "Make admins sleep at night"}],
                 "initiatives": [
                   {"title": "Audit trail", "theme": "Trust", "horizon": "NOW", "stage": "BUILDING", "team": "Core",
                    "effortLow": 2, "effortHigh": 3.5, "confidence": 80, "quarter": "2026-Q1", "visibility": "EXTERNAL"},
                   {"title": "Role templates", "theme": "Trust", "horizon": "LATER", "effortLow": 1, "effortHigh": 2,
                    "confidence": 30}
                 ]}
                """);

        var dryRun = run("push", file.toString(), "--product", String.valueOf(productId), "--dry-run", "--server", server,
                "--token", token);
        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Would push 2 initiatives and 1 new themes");
        assertThat(initiatives(productId)).isZero();

        var pushed = run("push", file.toString(), "--product", String.valueOf(productId), "--server", server, "--token", token);
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("Pushed 2 initiatives");

        Path pulled = dir.resolve("pulled.json");
        var pull = run("pull", "--product", String.valueOf(productId), "-o", pulled.toString(), "--server", server, "--token", token);
        assertThat(pull.code()).as(pull.err()).isZero();
        String text = Files.readString(pulled);
        assertThat(text).contains("\"Audit trail\"").contains("\"effortHigh\" : 3.5").contains("Make admins sleep at night")
                .contains("\"visibility\" : \"EXTERNAL\"");

        long copy = fixtures.product(owner, "Harbor copy").id();
        assertThat(run("push", pulled.toString(), "--product", String.valueOf(copy), "--server", server, "--token", token).code())
                .isZero();
        var again = run("pull", "--product", String.valueOf(copy), "--server", server, "--token", token);
        assertThat(again.out().replaceFirst("\"product\" : \"[^\"]*\"", ""))
                .isEqualTo(text.replaceFirst("\"product\" : \"[^\"]*\"", ""));
    }

    @Test
    void decisionsArePushedAndPulledWithTheInitiativesTheyConcern() throws Exception {
        var owner = fixtures.owner();
        String token = fixtures.token(owner);
        long productId = fixtures.product(owner, "Harbor").id();
        String server = "http://localhost:" + port;
        Path file = dir.resolve("decided.json");
        Files.writeString(file, """
                {"format": "truenorth-roadmap", "version": 1,
                 "initiatives": [{"title": "Audit trail", "horizon": "NOW", "effortLow": 2, "effortHigh": 3, "confidence": 80}],
                 "decisions": [{"title": "Keep audit records for seven years", "rationale": "What regulated fleets must show",
                                "decidedOn": "2025-03-02", "decidedBy": "Compliance board", "keyDecision": true,
                                "initiatives": ["Audit trail"]}]}
                """);
        var pushed = run("push", file.toString(), "--product", String.valueOf(productId), "--server", server, "--token", token);
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("Pushed 1 initiatives and 1 decisions");
        var pull = run("pull", "--product", String.valueOf(productId), "--server", server, "--token", token);
        assertThat(pull.out()).contains("\"Keep audit records for seven years\"", "\"decidedBy\" : \"Compliance board\"",
                "\"initiatives\" : [ \"Audit trail\" ]");
    }

    @Test
    void aRefusedPushNamesEveryBadLineAndWritesNothing() throws Exception {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Harbor").id();
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"format": "truenorth-roadmap", "version": 1, "themes": [],
                 "initiatives": [
                   {"title": "Fine", "horizon": "NOW", "effortLow": 1, "effortHigh": 2, "confidence": 50},
                   {"title": "Backwards", "horizon": "NOW", "effortLow": 5, "effortHigh": 2, "confidence": 50},
                   {"title": "", "horizon": "SOON", "effortLow": 1, "effortHigh": 2, "confidence": 50}
                 ]}
                """);
        var result = run("push", file.toString(), "--product", String.valueOf(productId), "--server",
                "http://localhost:" + port, "--token", fixtures.token(owner));
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("line 4: effortHigh").contains("line 5: horizon");
        assertThat(initiatives(productId)).isZero();
    }
}
