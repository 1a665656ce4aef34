package app.truenorth.health.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The anti-goal threshold in roadmap files: the new {@code antiGoalMatchPercent} is read as written; the
 * retired {@code antiGoalSimilarityPercent} is converted by the upgrade's rule or, beside a new value,
 * ignored — each time with a warning on its line — in roadmap-as-code YAML and in the pulled JSON file.
 * The JSON file's dismissals hold while the texts they were made for are unchanged.
 */
class RoadmapFileThresholdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    static String yaml(String thresholds) {
        return """
                version: 1
                product: Beacon
                thresholds:
                %s
                initiatives:
                  - key: one
                    title: Guided setup
                    horizon: now
                """.formatted(thresholds);
    }

    @Test
    void theNewFieldIsReadAsWrittenWithoutWarnings() throws Exception {
        RoadmapFile file = RoadmapYaml.read(yaml("  antiGoalMatchPercent: 72"));
        assertThat(file.thresholds().antiGoalMatchPercent()).isEqualTo(72);
        assertThat(file.warnings()).isEmpty();
        assertThat(RoadmapYaml.read(yaml("  maxNowPercent: 40")).thresholds().antiGoalMatchPercent())
                .isEqualTo(Thresholds.DEFAULT_ANTI_GOAL_MATCH_PERCENT);
    }

    @Test
    void theRetiredFieldIsConvertedWithAWarningOnItsLine() throws Exception {
        RoadmapFile file = RoadmapYaml.read(yaml("  antiGoalSimilarityPercent: 80"));
        assertThat(file.thresholds().antiGoalMatchPercent()).isEqualTo(Thresholds.matchPercentFromWordOverlap(80))
                .isNotEqualTo(80);
        assertThat(file.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.path()).isEqualTo("/thresholds/antiGoalSimilarityPercent");
            assertThat(w.message()).contains("retired").contains("Read as antiGoalMatchPercent "
                    + Thresholds.matchPercentFromWordOverlap(80));
        });
    }

    @Test
    void theRetiredFieldBesideTheNewOneIsIgnoredWithAWarning() throws Exception {
        RoadmapFile file = RoadmapYaml.read(yaml("  antiGoalSimilarityPercent: 90\n  antiGoalMatchPercent: 45"));
        assertThat(file.thresholds().antiGoalMatchPercent()).isEqualTo(45);
        assertThat(file.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("ignored"));
    }

    static final String PULLED = """
            {
              "format" : "truenorth-roadmap",
              "version" : 1,
              "product" : "Harbor",
              "thresholds" : { "featureSizeWeeks" : 2, "maxFeatureSizedPercent" : 20, "nowCapacityWeeks" : null,
                               "maxNowPercent" : 40, "antiGoalSimilarityPercent" : 60 },
              "antiGoals" : [ "Build a custom integration for every large customer" ],
              "dismissals" : [ { "antiGoal" : "Build a custom integration for every large customer",
                                 "initiative" : "Globex integration", "reason" : "A one-off, paid for",
                                 "textsFingerprint" : "%s" } ],
              "themes" : [ ],
              "initiatives" : [
                { "title" : "Globex integration", "description" : "%s", "horizon" : "NEXT", "stage" : "IDEA",
                  "effortLow" : 3, "effortHigh" : 5, "confidence" : 40 },
                { "title" : "Self-serve onboarding", "description" : "Fleets start without talking to sales.", "horizon" : "NOW",
                  "effortLow" : 3, "effortHigh" : 5, "confidence" : 60 }
              ],
              "decisions" : [ ]
            }
            """;

    static final String GOAL = "Build a custom integration for every large customer";
    static final String DESCRIPTION = "Build a custom integration for our largest customer, Globex.";

    @Test
    void aPulledFileIsLintedWithItsThresholdAndItsDismissals() throws Exception {
        String fingerprint = Dismissal.fingerprint(GOAL, "Globex integration", DESCRIPTION);
        RoadmapFile file = RoadmapYaml.read(PULLED.formatted(fingerprint, DESCRIPTION));
        assertThat(file.product()).isEqualTo("Harbor");
        assertThat(file.initiatives()).extracting(i -> i.title()).containsExactly("Globex integration", "Self-serve onboarding");
        assertThat(file.initiativeLines().get(1L)).isEqualTo(13);
        assertThat(file.thresholds().antiGoalMatchPercent()).isEqualTo(Thresholds.DEFAULT_ANTI_GOAL_MATCH_PERCENT);
        assertThat(file.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(6));
        assertThat(file.unchecked()).contains(Rule.ORPHANED_INITIATIVE, Rule.SET_AND_FORGET).doesNotContain(Rule.ANTI_GOAL);

        HealthReport dismissed = file.check(TODAY);
        assertThat(flagged(dismissed)).doesNotContain(1L);
        assertThat(dismissed.dismissed()).singleElement().satisfies(d -> {
            assertThat(d.evidence().initiativeId()).isEqualTo(1L);
            assertThat(d.reason()).isEqualTo("A one-off, paid for");
        });

        // the file's description edited after the pull: the dismissal no longer holds, the finding is back
        RoadmapFile edited = RoadmapYaml.read(PULLED.formatted(fingerprint, DESCRIPTION + " Then Initech."));
        HealthReport back = edited.check(TODAY);
        assertThat(back.dismissed()).isEmpty();
        assertThat(flagged(back)).contains(1L);
    }

    /** The initiatives the anti-goal findings name. */
    static java.util.List<Long> flagged(HealthReport report) {
        return report.findings().stream().filter(f -> f.rule() == Rule.ANTI_GOAL).flatMap(f -> f.evidence().stream())
                .map(Evidence::initiativeId).toList();
    }

    @Test
    void aPulledFileThatIsNotOneIsRefusedWithItsLines() {
        var refused = catchThrowableOfType(RoadmapFileException.class, () -> RoadmapYaml.read("""
                {"format": "truenorth-roadmap", "version": 1,
                 "initiatives": [
                   {"title": "", "horizon": "SOON"}
                 ]}
                """));
        assertThat(refused.problems()).extracting(RoadmapFileException.Problem::path)
                .contains("/initiatives/0/horizon", "/initiatives/0/title");
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(3));
        var other = catchThrowableOfType(RoadmapFileException.class, () -> RoadmapYaml.read("{\"format\": \"something-else\"}"));
        assertThat(other.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("/format"));
    }
}
