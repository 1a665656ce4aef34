package app.truenorth.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The multi-node harness itself: two processes, one database, a node killed and started again. */
class ServerProcessesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static ServerProcesses cluster;

    @BeforeAll
    static void startTwoNodes() {
        ServerProcesses.assumePostgres();
        cluster = ServerProcesses.start(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoProcessesShareOneDatabaseAndANodeSurvivesKillAndRestart() {
        var a = cluster.node("A");
        var b = cluster.node("B");
        JsonNode fromA = JSON.readTree(a.get("/probe/node").body());
        JsonNode fromB = JSON.readTree(b.get("/probe/node").body());
        assertThat(fromA.get("node").asString()).isEqualTo("A");
        assertThat(fromB.get("node").asString()).isEqualTo("B");
        assertThat(fromA.get("pid").asLong()).isNotEqualTo(fromB.get("pid").asLong())
                .isNotEqualTo(ProcessHandle.current().pid());
        String database = cluster.jdbc().sql("select current_database()").query(String.class).single();
        assertThat(fromA.get("database").asString()).isEqualTo(database);
        assertThat(fromB.get("database").asString()).isEqualTo(database);
        // probes are open in these processes only; the application itself still asks for a sign-in
        assertThat(a.get("/account").statusCode()).isEqualTo(302);

        int port = a.port();
        a.kill();
        assertThat(a.alive()).isFalse();
        assertThat(b.get("/healthz").statusCode()).isEqualTo(200);

        a.start();
        assertThat(a.port()).isEqualTo(port);
        assertThat(a.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(a.get("/probe/node").body()).get("pid").asLong())
                .isNotEqualTo(fromA.get("pid").asLong());
    }
}
