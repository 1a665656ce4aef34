package app.truenorth.text;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.text.AntiGoalPairs.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scorer's precision and recall on the held-out half of the labelled pairs, at the threshold chosen
 * on the calibration half ({@link TextCalibration}); the figures are those in docs/health.md, and a
 * change that makes them worse fails here.
 */
class AntiGoalQualityTest {

    @Test
    void heldOutPrecisionAndRecallAreAtLeastThoseReported() {
        List<Pair> heldOut = AntiGoalPairs.split().heldOut();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Pair p : heldOut) {
            boolean alike = PairScorer.get().score(p.antiGoal(), p.title(), p.description()).reaches(PairScorer.THRESHOLD);
            if (alike && p.match()) {
                tp++;
            } else if (alike) {
                fp++;
            } else if (p.match()) {
                fn++;
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        assertThat(precision).as("precision on the held-out half").isGreaterThanOrEqualTo(0.74);
        assertThat(recall).as("recall on the held-out half").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void theCanonicalLookAlikeIsNotAMatchAndSaysWhy() {
        PairScore score = PairScorer.get().score("No dark patterns in sign-up", "Dark mode for the dashboard");
        assertThat(score.score()).isLessThan(PairScorer.THRESHOLD);
        assertThat(score.evidence().sharedTerms()).containsExactly("Dark");
        assertThat(score.evidence().signal()).isEqualTo(Signal.SHARED_WORDS);
    }
}
