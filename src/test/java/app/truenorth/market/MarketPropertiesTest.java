package app.truenorth.market;

import static app.truenorth.market.MarketFixtures.EUR;
import static app.truenorth.market.MarketFixtures.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the market arithmetic over thousands of generated models. The generator is seeded,
 * so a failure names a seed that reproduces it.
 */
class MarketPropertiesTest {

    private static final long BASE_SEED = 20260302L;
    private static final int CASES = 1000;

    static Stream<Long> seeds() {
        return IntStream.range(0, CASES).mapToObj(i -> BASE_SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void somNeverExceedsSamNorSamTamWhenSharesAreAtMostOne(long seed) {
        var random = new Random(seed);
        var result = MarketCalculator.calculate(randomModel(random));
        for (var sized : new MarketResult.Sized[] {result.topDown(), result.bottomUp()}) {
            var size = sized.size();
            assertThat(size.som().compareTo(size.sam())).as("SOM ≤ SAM, seed %d", seed).isLessThanOrEqualTo(0);
            assertThat(size.sam().compareTo(size.tam())).as("SAM ≤ TAM, seed %d", seed).isLessThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalingTheMoneyInputsScalesEveryFigureExactly(long seed) {
        var random = new Random(seed);
        var model = randomModel(random);
        BigDecimal k = new BigDecimal(random.nextInt(1, 1000)).movePointLeft(random.nextInt(0, 3));
        var scaled = scaleMoney(model, k);
        var a = MarketCalculator.calculate(model);
        var b = MarketCalculator.calculate(scaled);
        assertThat(b.topDown().size().tam().amount()).isEqualByComparingTo(a.topDown().size().tam().amount().multiply(k));
        assertThat(b.topDown().size().som().amount()).isEqualByComparingTo(a.topDown().size().som().amount().multiply(k));
        assertThat(b.bottomUp().size().sam().amount()).isEqualByComparingTo(a.bottomUp().size().sam().amount().multiply(k));
        assertThat(b.bottomUp().size().som().amount()).isEqualByComparingTo(a.bottomUp().size().som().amount().multiply(k));
        // the relative difference between the methods does not depend on the unit of money
        assertThat(b.reconciliation().difference()).isEqualByComparingTo(a.reconciliation().difference());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reconciliationIsSymmetric(long seed) {
        var random = new Random(seed);
        Money x = new Money(randomAmount(random), EUR);
        Money y = new Money(randomAmount(random), EUR);
        var xy = MarketCalculator.reconcile(x, y);
        var yx = MarketCalculator.reconcile(y, x);
        assertThat(xy.difference()).isEqualByComparingTo(yx.difference());
        assertThat(xy.warning()).isEqualTo(yx.warning());
        assertThat(xy.difference()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void segmentOrderAndSplittingDoNotDriftTheTotal(long seed) {
        var random = new Random(seed);
        var model = randomModel(random);
        List<MarketModel.Segment> shuffled = new ArrayList<>(model.segments());
        Collections.shuffle(shuffled, random);
        var reordered = new MarketModel(model.currency(), model.horizonYears(), model.topDown(), shuffled, null, model.scenarios(), null);
        var a = MarketCalculator.calculate(model).bottomUp().size();
        var b = MarketCalculator.calculate(reordered).bottomUp().size();
        assertThat(a.tam().sameAs(b.tam())).isTrue();
        assertThat(a.sam().sameAs(b.sam())).isTrue();
        assertThat(a.som().sameAs(b.som())).isTrue();
        // a segment split in two halves of its customers sizes to exactly the same figures
        var first = model.segments().get(0);
        long customers = first.customers().value().longValueExact();
        if (customers >= 2) {
            long half = customers / 2;
            List<MarketModel.Segment> split = new ArrayList<>(model.segments().subList(1, model.segments().size()));
            split.add(withCustomers(first, half));
            split.add(withCustomers(first, customers - half));
            var c = MarketCalculator.calculate(new MarketModel(EUR, 3, null, split, null, NEUTRAL, null)).bottomUp().size();
            assertThat(c.som().sameAs(a.som())).as("seed %d", seed).isTrue();
            assertThat(c.tam().sameAs(a.tam())).as("seed %d", seed).isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sharesAboveOneHundredPercentAreRejected(long seed) {
        var random = new Random(seed);
        BigDecimal share = new BigDecimal(random.nextInt(10001, 1_000_000)).movePointLeft(2);
        assertThatThrownBy(() -> new Input("topDown.segmentShare", share, Unit.PERCENT, SOURCE))
                .isInstanceOf(InvalidInputException.class);
        // and a size built from a share above one breaks SOM ≤ SAM, which cannot be constructed
        Money sam = new Money(randomAmount(random).add(BigDecimal.ONE), EUR);
        assertThatThrownBy(() -> new MarketSize(sam, sam, sam.times(share.movePointLeft(2))))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Scenarios that leave the SOM as it is, so every generated model is a valid one. */
    static final MarketModel.Scenarios NEUTRAL = new MarketModel.Scenarios(MarketModel.Scenarios.multiplier("scenarios.bear", "1"),
            MarketModel.Scenarios.multiplier("scenarios.base", "1"), MarketModel.Scenarios.multiplier("scenarios.bull", "1"));

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scenariosEitherStayWithinSamOrAreRejected(long seed) {
        var random = new Random(seed);
        var m = randomModel(random);
        BigDecimal bull = BigDecimal.valueOf(random.nextInt(100, 300)).movePointLeft(2);
        var withBull = new MarketModel(EUR, 3, m.topDown(), List.of(), null, new MarketModel.Scenarios(
                MarketModel.Scenarios.multiplier("scenarios.bear", "0.5"), MarketModel.Scenarios.multiplier("scenarios.base", "1"),
                new Input("scenarios.bull", bull, Unit.MULTIPLIER, null)), null);
        var base = MarketCalculator.calculate(new MarketModel(EUR, 3, m.topDown(), List.of(), null, NEUTRAL, null)).topDown().size();
        boolean fits = base.som().times(bull).compareTo(base.sam()) <= 0;
        if (fits) {
            var scenarios = MarketCalculator.calculate(withBull).scenarios();
            assertThat(scenarios).allSatisfy(s -> assertThat(s.som().compareTo(s.sam())).isLessThanOrEqualTo(0));
            assertThat(scenarios.get(2).som().sameAs(base.som().times(bull))).isTrue();
        } else {
            assertThatThrownBy(() -> MarketCalculator.calculate(withBull)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Bull SOM");
        }
    }

    static MarketModel randomModel(Random random) {
        var topDown = new MarketModel.TopDown(
                new Input("topDown.marketFigure", randomAmount(random), Unit.CURRENCY, SOURCE),
                randomShare(random, "topDown.segmentShare"), randomShare(random, "topDown.reachableShare"),
                randomShare(random, "topDown.achievableShare"));
        List<MarketModel.Segment> segments = new ArrayList<>();
        int n = random.nextInt(1, 6);
        for (int i = 0; i < n; i++) {
            segments.add(new MarketModel.Segment("Segment " + i,
                    new Input("segments.customers", BigDecimal.valueOf(random.nextLong(0, 5_000_000)), Unit.COUNT, SOURCE),
                    new Input("segments.annualContractValue", randomAmount(random).movePointLeft(2), Unit.CURRENCY, SOURCE),
                    randomShare(random, "segments.reachableShare"), randomShare(random, "segments.achievableShare")));
        }
        return new MarketModel(EUR, random.nextInt(1, 11), topDown, segments, null, NEUTRAL, null);
    }

    private static BigDecimal randomAmount(Random random) {
        // up to 10^13 with cents
        return BigDecimal.valueOf(random.nextLong(0, 1_000_000_000_000_000L)).movePointLeft(2);
    }

    private static Input randomShare(Random random, String field) {
        // 0 to 100 % with up to 4 decimals, and the edges 0 and 100 often
        int pick = random.nextInt(10);
        BigDecimal value = pick == 0 ? BigDecimal.ZERO : pick == 1 ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(random.nextInt(0, 1_000_001)).movePointLeft(4);
        return new Input(field, value, Unit.PERCENT, SOURCE);
    }

    private static MarketModel scaleMoney(MarketModel m, BigDecimal k) {
        var td = m.topDown();
        var topDown = new MarketModel.TopDown(scale(td.marketFigure(), k), td.segmentShare(), td.reachableShare(), td.achievableShare());
        var segments = m.segments().stream().map(s -> new MarketModel.Segment(s.name(), s.customers(),
                scale(s.annualContractValue(), k), s.reachableShare(), s.achievableShare())).toList();
        return new MarketModel(m.currency(), m.horizonYears(), topDown, segments, null, m.scenarios(), null);
    }

    private static Input scale(Input input, BigDecimal k) {
        return new Input(input.field(), input.value().multiply(k), input.unit(), input.source());
    }

    private static MarketModel.Segment withCustomers(MarketModel.Segment s, long customers) {
        return new MarketModel.Segment(s.name(), new Input("segments.customers", BigDecimal.valueOf(customers), Unit.COUNT, SOURCE),
                s.annualContractValue(), s.reachableShare(), s.achievableShare());
    }
}
