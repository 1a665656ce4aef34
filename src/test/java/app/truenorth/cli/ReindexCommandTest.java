package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code truenorth reindex}: through a running server's API with an owner's token, following the job's
 * progress to its end; refused to other roles; and with {@code --data} on a stopped instance's database.
 */
@IntegrationTest
class ReindexCommandTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path dir;

    @Test
    void anOwnersTokenRebuildsThroughTheServerAndTheProgressIsShown() {
        var owner = fixtures.owner();
        String server = "http://localhost:" + port;
        var run = CliRun.run("reindex", "--server", server, "--token", fixtures.token(owner), "--poll-ms", "100");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("%").contains("Rebuilt the text index:");

        var editor = fixtures.member(owner, Role.EDITOR);
        var refused = CliRun.run("reindex", "--server", server, "--token", fixtures.token(editor));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).containsIgnoringCase("forbidden");
        assertThat(CliRun.run("reindex", "--server", server, "--token", "").code()).isEqualTo(2);
    }

    @Test
    void aStoppedInstancesDatabaseIsRebuiltDirectly() throws Exception {
        assertThat(Cli.handles(new String[] {"reindex", "--data", dir.toString()})).isTrue();
        var empty = CliRun.run("reindex", "--data", dir.toString());
        assertThat(empty.code()).isEqualTo(3);
        assertThat(empty.err()).contains("holds no TrueNorth database");

        // a data folder as a fresh instance leaves it: the database file exists (the rebuild brings its schema up to date)
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("truenorth")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            assertThat(connection.isValid(1)).isTrue();
        }
        var run = CliRun.run("reindex", "--data", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Rebuilt the text index: 0 documents");
    }
}
