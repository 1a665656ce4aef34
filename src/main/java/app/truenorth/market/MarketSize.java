package app.truenorth.market;

import app.truenorth.platform.InvalidInputException;
import java.util.Objects;

/**
 * TAM ⊇ SAM ⊇ SOM. A size where the obtainable market is larger than the serviceable one, or the
 * serviceable larger than the total, is a modelling error and cannot be constructed.
 */
public record MarketSize(Money tam, Money sam, Money som) {

    public MarketSize {
        Objects.requireNonNull(tam, "tam");
        Objects.requireNonNull(sam, "sam");
        Objects.requireNonNull(som, "som");
        if (sam.isGreaterThan(tam)) {
            throw new InvalidInputException("sam", "SAM (" + sam.display() + ") is larger than TAM (" + tam.display()
                    + "): the serviceable market must fit inside the total market");
        }
        if (som.isGreaterThan(sam)) {
            throw new InvalidInputException("som", "SOM (" + som.display() + ") is larger than SAM (" + sam.display()
                    + "): you cannot obtain more than you can serve");
        }
    }

    public MarketSize plus(MarketSize other) {
        return new MarketSize(tam.plus(other.tam), sam.plus(other.sam), som.plus(other.som));
    }
}
