package app.truenorth.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.health.rules.Thresholds;
import app.truenorth.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anti-goal threshold's change of scale: migration V602 converts every stored word-overlap value
 * exactly as {@link Thresholds#matchPercentFromWordOverlap} converts one found in a roadmap file, on
 * this database (H2, or PostgreSQL when the suite runs there), and the conversion keeps the order of
 * values and the default's place.
 */
@IntegrationTest
class ThresholdUpgradeTest {

    static final Path V602 = Path.of("src/main/resources/db/migration/health/V602__anti_goal_match_threshold.sql");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMigrationConvertsEveryStoredValueLikeTheFileReaderDoes() throws Exception {
        Matcher update = Pattern.compile("update health_thresholds set (.*?);", Pattern.DOTALL).matcher(Files.readString(V602));
        assertThat(update.find()).as("V602 converts with one update statement").isTrue();
        jdbc.sql("create table upgrade_probe (anti_goal_similarity_percent int, anti_goal_match_percent int)").update();
        try {
            for (int old = 1; old <= 100; old++) {
                jdbc.sql("insert into upgrade_probe (anti_goal_similarity_percent) values (:v)").param("v", old).update();
            }
            jdbc.sql("update upgrade_probe set " + update.group(1)).update();
            var rows = jdbc.sql("select anti_goal_similarity_percent, anti_goal_match_percent from upgrade_probe")
                    .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).list();
            assertThat(rows).hasSize(100).allSatisfy(r -> assertThat(r[1]).as("old %d", r[0])
                    .isEqualTo(Thresholds.matchPercentFromWordOverlap(r[0])));
        } finally {
            jdbc.sql("drop table upgrade_probe").update();
        }
    }

    @Test
    void theConversionKeepsTheOrderAndTheDefaultsPlace() {
        assertThat(Thresholds.matchPercentFromWordOverlap(Thresholds.OLD_DEFAULT_WORD_OVERLAP_PERCENT))
                .isEqualTo(Thresholds.DEFAULTS.antiGoalMatchPercent());
        assertThat(Thresholds.matchPercentFromWordOverlap(100)).isEqualTo(100);
        assertThat(Thresholds.matchPercentFromWordOverlap(1)).isEqualTo(1);
        for (int old = 2; old <= 100; old++) {
            int converted = Thresholds.matchPercentFromWordOverlap(old);
            assertThat(converted).isBetween(1, 100).isGreaterThanOrEqualTo(Thresholds.matchPercentFromWordOverlap(old - 1));
        }
        // stricter than the old default stays stricter than the new one, looser stays looser
        assertThat(Thresholds.matchPercentFromWordOverlap(80)).isGreaterThan(Thresholds.DEFAULTS.antiGoalMatchPercent());
        assertThat(Thresholds.matchPercentFromWordOverlap(40)).isLessThan(Thresholds.DEFAULTS.antiGoalMatchPercent());
    }

    @Test
    void theStoredColumnIsTheNewOneOnly() {
        var columns = jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'health_thresholds'")
                .query(String.class).list();
        assertThat(columns).contains("anti_goal_match_percent").doesNotContain("anti_goal_similarity_percent");
    }
}
