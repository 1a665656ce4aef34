package app.truenorth.text;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.platform.cluster.ChangeSignals;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index on the embedded database across restarts: it lives in the data folder, is reopened rather
 * than rebuilt, catches up with what changed while it was closed, and rebuilds itself from the stored
 * vectors when its folder is missing or corrupt, answering from the stored vectors meanwhile.
 */
class TextIndexRestartTest {

    private static final String KIND = "initiative";

    @TempDir
    Path data;

    HikariDataSource dataSource;
    DataSourceTransactionManager transactions;
    ChangeSignals signals;
    TextIndex index;

    @BeforeEach
    void database() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + data.resolve("truenorth")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUsername("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/text").load().migrate();
        transactions = new DataSourceTransactionManager(dataSource);
        signals = ChangeSignals.forOneProcess();
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.stop();
        }
        signals.destroy();
        dataSource.close();
    }

    private TextIndex start() {
        var jdbc = JdbcClient.create(dataSource);
        index = new TextIndex(new TextStore(jdbc, Clock.systemUTC()), signals, transactions, dataSource, Clock.systemUTC(),
                data.toString(), "", "", false);
        index.start();
        return index;
    }

    private void restart() {
        index.stop();
        start();
    }

    private void put(String id, String title) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> index.index(new TextDoc(KIND, 7, id, title, "")));
    }

    private List<String> similar(String text) {
        return index.similar(7, KIND, text, 3).stream().map(Match::id).toList();
    }

    @Test
    void aRestartReopensTheIndexAndCatchesUpWithoutRebuilding() {
        start();
        assertThat(TextIndexTest.eventually(Duration.ofSeconds(20), index::ready)).isTrue();
        put("a", "Self-hosted installer for customer data centres");
        assertThat(similar("We will not offer on-premise deployment")).startsWith("a");
        Path folder = index.folder();
        index.stop();

        // written while this node was down (by another process sharing the data): only the log tells
        var other = start();
        put("b", "On-premise edition for a regional bank");
        index.stop();

        start();
        assertThat(TextIndexTest.eventually(Duration.ofSeconds(20), index::ready)).isTrue();
        assertThat(index.folder()).isEqualTo(folder);
        assertThat(index.status().builtAt()).as("reopened, not rebuilt").isNull();
        assertThat(similar("We will not offer on-premise deployment")).containsExactlyInAnyOrder("a", "b");
        assertThat(other).isNotSameAs(index);
    }

    @Test
    void aCorruptIndexFolderIsRebuiltAndQueriesAnswerMeanwhile() throws IOException {
        start();
        assertThat(TextIndexTest.eventually(Duration.ofSeconds(20), index::ready)).isTrue();
        put("a", "Self-hosted installer for customer data centres");
        put("c", "Crypto wallet payments at checkout");
        Path folder = index.folder();
        index.stop();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals("write.lock")) {
                    Files.write(f, "not an index".getBytes());
                }
            }
        }

        start();
        // at once, before any rebuild could finish: the stored vectors answer
        assertThat(similar("No cryptocurrency payments")).startsWith("c");
        assertThat(TextIndexTest.eventually(Duration.ofSeconds(30), index::ready)).isTrue();
        assertThat(index.status().builtAt()).as("rebuilt").isNotNull();
        assertThat(index.folder()).isNotEqualTo(folder);
        assertThat(Files.exists(folder)).as("the corrupt generation is gone").isFalse();
        assertThat(similar("No cryptocurrency payments")).startsWith("c");
        assertThat(similar("We will not offer on-premise deployment")).startsWith("a");
    }

    @Test
    void aMissingIndexFolderIsRebuilt() {
        start();
        assertThat(TextIndexTest.eventually(Duration.ofSeconds(20), index::ready)).isTrue();
        put("a", "Self-hosted installer for customer data centres");
        Path folder = index.folder();
        index.stop();
        TextIndex.deleteTree(folder.getParent());

        start();
        assertThat(TextIndexTest.eventually(Duration.ofSeconds(30), index::ready)).isTrue();
        assertThat(index.status().builtAt()).isNotNull();
        assertThat(similar("We will not offer on-premise deployment")).startsWith("a");
        assertThat(index.status().documents()).isEqualTo(1);
    }
}
