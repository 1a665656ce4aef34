package app.truenorth.roadmap.domain;

/** How a roadmap ranks its initiatives; chosen per roadmap. */
public enum ScoringMethod {
    RICE("RICE", "reach × impact × confidence ÷ effort"),
    ICE("ICE", "impact × confidence × ease, each 1–10"),
    WSJF("WSJF", "(business value + time criticality + risk reduction) ÷ job size"),
    VALUE_EFFORT("Value / effort", "value ÷ effort");

    private final String label;
    private final String formula;

    ScoringMethod(String label, String formula) {
        this.label = label;
        this.formula = formula;
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }
}
