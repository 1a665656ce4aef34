package app.truenorth.market;

/** What an input's number means, so it is validated and shown the right way. */
public enum Unit {
    /** An amount of the sizing's currency. */
    CURRENCY("currency"),
    /** A share from 0 to 100 percent. */
    PERCENT("%"),
    /** A whole number of customers, companies or people. */
    COUNT("count"),
    /** A scenario multiplier applied to the base SOM. */
    MULTIPLIER("×");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
