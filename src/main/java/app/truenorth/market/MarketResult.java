package app.truenorth.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of a market model with every step of the arithmetic as data, so a page, the Markdown
 * brief and the PDF can show how each number was reached.
 */
public record MarketResult(MarketModel model, Sized topDown, Sized bottomUp, Valued valueTheory,
        Reconciliation reconciliation, List<ScenarioSom> scenarios, GateAssessment gate) {

    /** One line of the math: "SAM = TAM × reachable share", "€1,800,000,000 × 40 %", result. */
    public record Step(String label, String formula, Money result) {
    }

    /** A TAM/SAM/SOM figure with the steps that produced it. */
    public record Sized(String method, MarketSize size, List<Step> steps) {
    }

    /** The value-theory figure: what the problem is worth to customers that we could capture per year. */
    public record Valued(Money value, List<Step> steps) {
    }

    /**
     * Top-down against bottom-up SOM. The difference is |a − b| / max(a, b), so it does not matter
     * which method is "a"; above 20 % the two models disagree enough that one of them is wrong.
     */
    public record Reconciliation(Money topDownSom, Money bottomUpSom, BigDecimal difference, boolean warning) {

        public static final BigDecimal THRESHOLD = new BigDecimal("0.20");

        public String differencePercent() {
            return difference.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
        }
    }

    /** The base SOM scaled by a scenario's multiplier. */
    public record ScenarioSom(String name, BigDecimal multiplier, Money som, Money sam) {
    }

    /** Does the SOM reach the threshold the team set for going ahead? */
    public record GateAssessment(Money threshold, Money som, boolean meets) {
    }

    /** The figure the gate and scenarios use: bottom-up when the team counted customers, else top-down. */
    public Sized primary() {
        return bottomUp != null ? bottomUp : topDown;
    }

    public boolean hasFigures() {
        return primary() != null;
    }
}
