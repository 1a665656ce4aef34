package app.truenorth.roadmap.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a decision of the log must have, checked without a database. */
class DecisionRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void aDecisionSaysWhatWhyWhenAndWho() {
        assertThat(Decision.problems("Build the adapter", "Two makes of box per fleet", TODAY, "Dana", TODAY)).isEmpty();
        assertThat(Decision.problems(" ", "", null, null, TODAY)).containsOnlyKeys("title", "rationale", "decidedOn", "decidedBy");
        assertThat(Decision.problems("x".repeat(201), "y".repeat(4001), TODAY, "z".repeat(101), TODAY))
                .containsEntry("title", "must be at most 200 characters")
                .containsEntry("rationale", "must be at most 4000 characters")
                .containsEntry("decidedBy", "must be at most 100 characters");
    }

    @Test
    void aDecisionIsRecordedOnceTakenNotAhead() {
        assertThat(Decision.problems("Ship", "Because", TODAY.plusDays(1), "Dana", TODAY)).containsOnlyKeys("decidedOn");
        assertThat(Decision.problems("Ship", "Because", TODAY.minusYears(3), "Dana", TODAY)).isEmpty();
        // offline (a roadmap file) there is no today to compare with
        assertThat(Decision.problems("Ship", "Because", TODAY.plusYears(1), "Dana", null)).isEmpty();
    }

    @Test
    void internalIsTheDefaultAndLinksAreNeverNull() {
        Decision d = new Decision(1, "Ship", "Because", TODAY, "Dana", null, false, null, null, null, null);
        assertThat(d.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(d.isExternal()).isFalse();
        assertThat(d.initiativeIds()).isEmpty();
        assertThat(new Decision(2, "Ship", "Because", TODAY, "Dana", 7L, true, Visibility.EXTERNAL, List.of(3L), List.of(), List.of())
                .isExternal()).isTrue();
    }
}
