package app.truenorth.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's signals on the database the suite runs on (H2, or PostgreSQL in CI). */
@IntegrationTest
class ChangeSignalsTest {

    @Autowired
    ChangeSignals signals;
    @Autowired
    DataSource dataSource;

    @Test
    void aChangeAnnouncedByAnotherNodeEmptiesThisNodesCache() throws Exception {
        var hikari = (HikariDataSource) dataSource;
        boolean postgres = hikari.getJdbcUrl().startsWith("jdbc:postgresql:");
        assertThat(signals.mode()).isEqualTo(postgres ? ChangeSignals.Mode.POSTGRES : ChangeSignals.Mode.LOCAL);
        assertThat(eventually(signals::trusted)).as("listening for other nodes").isTrue();

        NodeCache<String> cache = signals.cache("test-topic", 10, Duration.ofMinutes(1));
        var reads = new AtomicInteger();
        cache.get("k", () -> "v" + reads.incrementAndGet());
        assertThat(cache.get("k", () -> "v" + reads.incrementAndGet())).isEqualTo("v1");

        if (postgres) {
            // another node: a plain connection of its own sending what ChangeSignals sends at commit
            try (var other = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                    var statement = other.prepareStatement("select pg_notify(?, ?)")) {
                statement.setString(1, ChangeSignals.CHANNEL);
                statement.setString(2, "test-topic\nk");
                statement.execute();
            }
        } else {
            var other = ChangeSignals.forOneProcess();
            other.changed("test-topic", "k");
            other.destroy();
        }
        assertThat(eventually(() -> cache.peek("k") == null)).as("the other node's change is heard").isTrue();
        assertThat(cache.get("k", () -> "v" + reads.incrementAndGet())).isEqualTo("v2");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static boolean eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
