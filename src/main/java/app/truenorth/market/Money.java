package app.truenorth.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of one currency. Arithmetic never rounds (BigDecimal multiplication is exact), so
 * market figures computed in any order agree to the last digit; rounding happens only for display.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Exact product; factors are counts, shares as fractions, or scenario multipliers. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** |this - other| / max(this, other): symmetric in its arguments, 0 when both are zero. */
    public BigDecimal relativeDifference(Money other) {
        requireSameCurrency(other);
        BigDecimal max = amount.max(other.amount);
        if (max.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return amount.subtract(other.amount).abs().divide(max, 10, RoundingMode.HALF_EVEN);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Equal amounts compare equal whatever their scale: 1.50 EUR equals 1.5 EUR. */
    public boolean sameAs(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /** "€1,250,000" (whole units, for reading) or with cents below 1,000. */
    public String display() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        boolean small = amount.abs().compareTo(BigDecimal.valueOf(1000)) < 0;
        format.setMaximumFractionDigits(small ? 2 : 0);
        format.setMinimumFractionDigits(small && amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return format.format(amount);
    }

    /** "€1.3B", "€450M", "€12K": for chart labels where space is short. */
    public String compact() {
        BigDecimal abs = amount.abs();
        String symbol = currency.getSymbol(Locale.US);
        String sign = amount.signum() < 0 ? "-" : "";
        String[][] units = {{"1000000000000", "T"}, {"1000000000", "B"}, {"1000000", "M"}, {"1000", "K"}};
        for (String[] unit : units) {
            BigDecimal size = new BigDecimal(unit[0]);
            if (abs.compareTo(size) >= 0) {
                return sign + symbol + abs.divide(size, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + unit[1];
            }
        }
        return sign + symbol + abs.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
