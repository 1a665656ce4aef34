package app.truenorth.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The four prioritisation methods, computed exactly (BigDecimal, two decimals, half-up) so the number
 * shown is the number ranked on, and each score reads as a sentence a stakeholder can check by hand.
 */
public final class Scoring {

    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Scoring() {
    }

    /** A ranked initiative. Equal scores share a rank (1, 1, 3). */
    public record Ranked(int rank, long initiativeId, String title, BigDecimal score, String explanation) {
    }

    /** An initiative that cannot be scored under the method yet, and what it is missing. */
    public record Unscored(long initiativeId, String title, String missing) {
    }

    public record Ranking(ScoringMethod method, List<Ranked> ranked, List<Unscored> unscored) {
    }

    /** RICE: reach × impact × confidence ÷ effort. */
    public static Score rice(BigDecimal reach, BigDecimal impact, int confidencePercent, BigDecimal effort) {
        if (effort.signum() <= 0) {
            throw new IllegalArgumentException("RICE needs an effort above zero");
        }
        BigDecimal value = reach.multiply(impact).multiply(BigDecimal.valueOf(confidencePercent))
                .divide(HUNDRED.multiply(effort), SCALE, RoundingMode.HALF_UP);
        String text = "reach " + plain(reach) + " × impact " + plain(impact) + " (" + ScoreInputs.impactWord(impact)
                + ") × confidence " + confidencePercent + " % ÷ effort " + plain(effort) + " person-weeks = " + value.toPlainString();
        return new Score(ScoringMethod.RICE, value, text);
    }

    /** ICE: impact × confidence × ease, each 1–10. */
    public static Score ice(int impact, int confidence, int ease) {
        BigDecimal value = BigDecimal.valueOf((long) impact * confidence * ease).setScale(SCALE, RoundingMode.UNNECESSARY);
        String text = "impact " + impact + " × confidence " + confidence + " × ease " + ease + " = " + value.toPlainString();
        return new Score(ScoringMethod.ICE, value, text);
    }

    /** WSJF: cost of delay ÷ job size, where cost of delay = business value + time criticality + risk reduction. */
    public static Score wsjf(int businessValue, int timeCriticality, int riskReduction, int jobSize) {
        int costOfDelay = businessValue + timeCriticality + riskReduction;
        BigDecimal value = BigDecimal.valueOf(costOfDelay).divide(BigDecimal.valueOf(jobSize), SCALE, RoundingMode.HALF_UP);
        String text = "(business value " + businessValue + " + time criticality " + timeCriticality + " + risk reduction "
                + riskReduction + ") = cost of delay " + costOfDelay + " ÷ job size " + jobSize + " = " + value.toPlainString();
        return new Score(ScoringMethod.WSJF, value, text);
    }

    /** Value ÷ effort (value 1–10, effort as the midpoint of the range in person-weeks). */
    public static Score valueEffort(int value, BigDecimal effort) {
        if (effort.signum() <= 0) {
            throw new IllegalArgumentException("value/effort needs an effort above zero");
        }
        BigDecimal score = BigDecimal.valueOf(value).divide(effort, SCALE, RoundingMode.HALF_UP);
        String text = "value " + value + " ÷ effort " + plain(effort) + " person-weeks = " + score.toPlainString();
        return new Score(ScoringMethod.VALUE_EFFORT, score, text);
    }

    /** The initiative's score under the method, or empty when an input is missing (see {@link #missing}). */
    public static Optional<Score> score(ScoringMethod method, Initiative initiative) {
        if (!missing(method, initiative).isEmpty()) {
            return Optional.empty();
        }
        ScoreInputs in = initiative.scores();
        return Optional.of(switch (method) {
            case RICE -> rice(in.reach(), in.impact(), initiative.confidence(), initiative.effort().midpoint());
            case ICE -> ice(in.iceImpact(), in.iceConfidence(), in.iceEase());
            case WSJF -> wsjf(in.businessValue(), in.timeCriticality(), in.riskReduction(), in.jobSize());
            case VALUE_EFFORT -> valueEffort(in.value(), initiative.effort().midpoint());
        });
    }

    /** What the initiative still needs to be scored under the method, in words; empty when complete. */
    public static String missing(ScoringMethod method, Initiative initiative) {
        ScoreInputs in = initiative.scores();
        List<String> missing = new ArrayList<>();
        switch (method) {
            case RICE -> {
                add(missing, in.reach() == null, "reach");
                add(missing, in.impact() == null, "impact");
                add(missing, initiative.effort() == null || initiative.effort().midpoint().signum() <= 0, "an effort above zero");
            }
            case ICE -> {
                add(missing, in.iceImpact() == null, "ICE impact");
                add(missing, in.iceConfidence() == null, "ICE confidence");
                add(missing, in.iceEase() == null, "ease");
            }
            case WSJF -> {
                add(missing, in.businessValue() == null, "business value");
                add(missing, in.timeCriticality() == null, "time criticality");
                add(missing, in.riskReduction() == null, "risk reduction");
                add(missing, in.jobSize() == null, "job size");
            }
            case VALUE_EFFORT -> {
                add(missing, in.value() == null, "value");
                add(missing, initiative.effort() == null || initiative.effort().midpoint().signum() <= 0, "an effort above zero");
            }
        }
        return missing.isEmpty() ? "" : "needs " + String.join(", ", missing);
    }

    /** Ranks the initiatives by score, highest first; ties keep title order and share a rank. */
    public static Ranking rank(ScoringMethod method, List<Initiative> initiatives) {
        record Scored(Initiative initiative, Score score) {
        }
        List<Scored> scored = new ArrayList<>();
        List<Unscored> unscored = new ArrayList<>();
        for (Initiative initiative : initiatives) {
            score(method, initiative).ifPresentOrElse(s -> scored.add(new Scored(initiative, s)),
                    () -> unscored.add(new Unscored(initiative.id(), initiative.title(), missing(method, initiative))));
        }
        scored.sort(Comparator.comparing((Scored s) -> s.score().value()).reversed()
                .thenComparing(s -> s.initiative().title(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(s -> s.initiative().id()));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0 && ranked.get(i - 1).score().compareTo(s.score().value()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, s.initiative().id(), s.initiative().title(), s.score().value(), s.score().explanation()));
        }
        unscored.sort(Comparator.comparing(Unscored::title, String.CASE_INSENSITIVE_ORDER));
        return new Ranking(method, List.copyOf(ranked), List.copyOf(unscored));
    }

    private static void add(List<String> missing, boolean absent, String what) {
        if (absent) {
            missing.add(what);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
