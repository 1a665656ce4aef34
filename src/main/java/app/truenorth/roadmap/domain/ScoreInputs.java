package app.truenorth.roadmap.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The prioritisation inputs of one initiative, any of which may be missing. RICE takes its
 * confidence and effort from the initiative itself (confidence %, effort midpoint), so they are never
 * kept twice and can never disagree.
 *
 * @param reach           RICE: people or accounts reached per quarter, zero or more
 * @param impact          RICE: 3 (massive), 2 (high), 1 (medium), 0.5 (low), 0.25 (minimal)
 * @param iceImpact       ICE: 1–10
 * @param iceConfidence   ICE: 1–10
 * @param iceEase         ICE: 1–10
 * @param businessValue   WSJF: Fibonacci 1, 2, 3, 5, 8, 13, 20
 * @param timeCriticality WSJF: Fibonacci
 * @param riskReduction   WSJF: risk reduction or opportunity enablement, Fibonacci
 * @param jobSize         WSJF: Fibonacci
 * @param value           value/effort: 1–10
 */
public record ScoreInputs(BigDecimal reach, BigDecimal impact, Integer iceImpact, Integer iceConfidence, Integer iceEase,
        Integer businessValue, Integer timeCriticality, Integer riskReduction, Integer jobSize, Integer value) {

    public static final ScoreInputs NONE = new ScoreInputs(null, null, null, null, null, null, null, null, null, null);

    /** The RICE impact scale. */
    public static final Set<BigDecimal> RICE_IMPACTS = Set.of(new BigDecimal("3"), new BigDecimal("2"), BigDecimal.ONE,
            new BigDecimal("0.5"), new BigDecimal("0.25"));

    /** The modified Fibonacci scale WSJF estimates on. */
    public static final Set<Integer> FIBONACCI = Set.of(1, 2, 3, 5, 8, 13, 20);

    private static final BigDecimal MAX_REACH = new BigDecimal("1000000000");

    /** Problems with the inputs that are present, keyed by field; empty when valid. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (reach != null && (reach.signum() < 0 || reach.compareTo(MAX_REACH) > 0)) {
            problems.put("reach", "must be from 0 to 1,000,000,000");
        }
        if (impact != null && RICE_IMPACTS.stream().noneMatch(i -> i.compareTo(impact) == 0)) {
            problems.put("impact", "must be one of 3 (massive), 2 (high), 1 (medium), 0.5 (low), 0.25 (minimal)");
        }
        oneToTen(problems, "iceImpact", iceImpact);
        oneToTen(problems, "iceConfidence", iceConfidence);
        oneToTen(problems, "iceEase", iceEase);
        fibonacci(problems, "businessValue", businessValue);
        fibonacci(problems, "timeCriticality", timeCriticality);
        fibonacci(problems, "riskReduction", riskReduction);
        fibonacci(problems, "jobSize", jobSize);
        oneToTen(problems, "value", value);
        return problems;
    }

    private static void oneToTen(Map<String, String> problems, String field, Integer v) {
        if (v != null && (v < 1 || v > 10)) {
            problems.put(field, "must be a whole number from 1 to 10");
        }
    }

    private static void fibonacci(Map<String, String> problems, String field, Integer v) {
        if (v != null && !FIBONACCI.contains(v)) {
            problems.put(field, "must be on the Fibonacci scale 1, 2, 3, 5, 8, 13, 20");
        }
    }

    /** The word for a RICE impact value. */
    public static String impactWord(BigDecimal impact) {
        if (impact == null) {
            return "";
        }
        return switch (impact.stripTrailingZeros().toPlainString()) {
            case "3" -> "massive";
            case "2" -> "high";
            case "1" -> "medium";
            case "0.5" -> "low";
            case "0.25" -> "minimal";
            default -> "off the scale";
        };
    }
}
