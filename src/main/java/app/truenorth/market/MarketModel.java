package app.truenorth.market;

import app.truenorth.platform.InvalidInputException;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Everything a team enters to size its market: the three models (each optional until entered), the
 * scenario multipliers, the SOM horizon and the go/no-go SOM threshold. Immutable; {@link
 * MarketCalculator} turns it into figures.
 */
public record MarketModel(Currency currency, int horizonYears, TopDown topDown, List<Segment> segments,
        ValueTheory valueTheory, Scenarios scenarios, Input somThreshold) {

    public MarketModel {
        Objects.requireNonNull(currency, "currency");
        segments = segments == null ? List.of() : List.copyOf(segments);
        scenarios = scenarios == null ? Scenarios.DEFAULT : scenarios;
        if (horizonYears < 1 || horizonYears > 10) {
            throw new InvalidInputException("horizonYears", "must be between 1 and 10 years");
        }
        if (somThreshold != null && somThreshold.unit() != Unit.CURRENCY) {
            throw new InvalidInputException("somThreshold", "must be an amount of money");
        }
        if (segments.size() > 50) {
            throw new InvalidInputException("segments", "at most 50 segments");
        }
    }

    public static MarketModel empty(Currency currency) {
        return new MarketModel(currency, 3, null, List.of(), null, Scenarios.DEFAULT, null);
    }

    /** Top-down: market figure × segment share = TAM; × reachable share = SAM; × achievable share = SOM. */
    public record TopDown(Input marketFigure, Input segmentShare, Input reachableShare, Input achievableShare) {

        public TopDown {
            require(marketFigure, Unit.CURRENCY, "topDown.marketFigure");
            require(segmentShare, Unit.PERCENT, "topDown.segmentShare");
            require(reachableShare, Unit.PERCENT, "topDown.reachableShare");
            require(achievableShare, Unit.PERCENT, "topDown.achievableShare");
        }
    }

    /**
     * One bottom-up segment: countable customers × annual contract value = segment TAM; the reachable
     * and achievable shares narrow it to SAM and SOM.
     */
    public record Segment(String name, Input customers, Input annualContractValue, Input reachableShare,
            Input achievableShare) {

        public Segment {
            name = name == null ? "" : name.trim();
            if (name.isEmpty()) {
                throw new InvalidInputException("segments.name", "every segment needs a name");
            }
            if (name.length() > 100) {
                throw new InvalidInputException("segments.name", "must be at most 100 characters");
            }
            require(customers, Unit.COUNT, "segments.customers");
            require(annualContractValue, Unit.CURRENCY, "segments.annualContractValue");
            require(reachableShare, Unit.PERCENT, "segments.reachableShare");
            require(achievableShare, Unit.PERCENT, "segments.achievableShare");
        }
    }

    /** Value theory: cost of the problem per customer per year × capture rate × customers. */
    public record ValueTheory(Input costOfProblem, Input captureRate, Input customers) {

        public ValueTheory {
            require(costOfProblem, Unit.CURRENCY, "valueTheory.costOfProblem");
            require(captureRate, Unit.PERCENT, "valueTheory.captureRate");
            require(customers, Unit.COUNT, "valueTheory.customers");
        }
    }

    /** Multipliers on the base SOM: bear ≤ base ≤ bull. */
    public record Scenarios(Input bear, Input base, Input bull) {

        public static final Scenarios DEFAULT = new Scenarios(multiplier("scenarios.bear", "0.6"),
                multiplier("scenarios.base", "1"), multiplier("scenarios.bull", "1.4"));

        public Scenarios {
            require(bear, Unit.MULTIPLIER, "scenarios.bear");
            require(base, Unit.MULTIPLIER, "scenarios.base");
            require(bull, Unit.MULTIPLIER, "scenarios.bull");
            if (bear.value().compareTo(base.value()) > 0) {
                throw new InvalidInputException("scenarios.bear", "must not be above the base multiplier");
            }
            if (bull.value().compareTo(base.value()) < 0) {
                throw new InvalidInputException("scenarios.bull", "must not be below the base multiplier");
            }
        }

        public static Input multiplier(String field, String value) {
            return new Input(field, new java.math.BigDecimal(value), Unit.MULTIPLIER, null);
        }
    }

    private static void require(Input input, Unit unit, String field) {
        if (input == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (input.unit() != unit) {
            throw new InvalidInputException(field, "must be in " + unit.symbol());
        }
    }
}
