package app.truenorth.market;

import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One number of a market model with its unit and its source. Construction enforces what every input
 * must satisfy (present, not negative, shares at most 100 %, counts whole, a cited source), naming
 * the field so pages and the API can put the message beside it.
 */
public record Input(String field, BigDecimal value, Unit unit, Citation source) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Input {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(unit, "unit");
        source = source == null ? new Citation("", null) : source;
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "must be zero or more");
        }
        if (unit == Unit.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw new InvalidInputException(field, "is a share and must be at most 100 %");
        }
        if (unit == Unit.COUNT && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        if (value.precision() - value.scale() > 18 || value.scale() > 6) {
            throw new InvalidInputException(field, "must have at most 18 digits before and 6 after the decimal point");
        }
        if (source.text().length() > 500) {
            throw new InvalidInputException(field + ".source", "must be at most 500 characters");
        }
        if (source.url() != null && (source.url().length() > 1000 || !source.url().matches("(?i)https?://\\S+"))) {
            throw new InvalidInputException(field + ".url", "must be a web address starting with http:// or https://");
        }
        if (unit != Unit.MULTIPLIER && source.isEmpty()) {
            throw new InvalidInputException(field + ".source", "needs a source: where does this number come from?");
        }
    }

    /**
     * Parses a number typed by a person or sent over the API. Blank and non-numeric text are field
     * errors, never exceptions that escape as a 500.
     */
    public static BigDecimal parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String cleaned = raw.trim().replace(",", "").replace("_", "");
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number, e.g. 1250000 or 12.5");
        }
    }

    /** The value as a fraction for percentages (exact: 12.5 % is 0.125), else the value itself. */
    public BigDecimal factor() {
        return unit == Unit.PERCENT ? value.movePointLeft(2) : value;
    }

    public String display(java.util.Currency currency) {
        return switch (unit) {
            case CURRENCY -> new Money(value, currency).display();
            case PERCENT -> value.stripTrailingZeros().toPlainString() + "\u00a0%"; // never wrap "%" away from its number
            case COUNT -> String.format(java.util.Locale.US, "%,d", value.toBigIntegerExact());
            case MULTIPLIER -> "× " + value.stripTrailingZeros().toPlainString();
        };
    }
}
