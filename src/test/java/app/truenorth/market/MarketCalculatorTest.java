package app.truenorth.market;

import static app.truenorth.market.MarketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketCalculatorTest {

    @Test
    void topDownNarrowsTheMarketFigureStepByStep() {
        var result = MarketCalculator.calculate(model(topDown("2000000000", "15", "40", "5"), List.of()));
        var size = result.topDown().size();
        assertThat(size.tam().amount()).isEqualByComparingTo("300000000");
        assertThat(size.sam().amount()).isEqualByComparingTo("120000000");
        assertThat(size.som().amount()).isEqualByComparingTo("6000000");
        assertThat(result.topDown().steps()).extracting(MarketResult.Step::formula).containsExactly(
                "€2,000,000,000 × 15\u00a0%", "€300,000,000 × 40\u00a0%", "€120,000,000 × 5\u00a0%");
        assertThat(result.primary()).isSameAs(result.topDown());
    }

    @Test
    void bottomUpSumsItsSegments() {
        var result = MarketCalculator.calculate(model(null, List.of(
                segment("Mid-size fleets", "12000", "18000", "50", "10"),
                segment("Large fleets", "800", "120000", "25", "8"))));
        var size = result.bottomUp().size();
        // 12,000 × 18,000 = 216M; 800 × 120,000 = 96M
        assertThat(size.tam().amount()).isEqualByComparingTo("312000000");
        // 108M + 24M
        assertThat(size.sam().amount()).isEqualByComparingTo("132000000");
        // 10.8M + 1.92M
        assertThat(size.som().amount()).isEqualByComparingTo("12720000");
        assertThat(result.bottomUp().steps()).hasSize(9);
        assertThat(result.bottomUp().steps().get(0).formula()).isEqualTo("12,000 × €18,000");
        assertThat(result.primary()).isSameAs(result.bottomUp());
    }

    @Test
    void valueTheoryMultipliesCostCaptureAndCustomers() {
        var model = new MarketModel(EUR, 5, null, List.of(), new MarketModel.ValueTheory(money("valueTheory.costOfProblem", "40000"),
                percent("valueTheory.captureRate", "12.5"), count("valueTheory.customers", "3000")), null, null);
        var result = MarketCalculator.calculate(model);
        assertThat(result.valueTheory().value().amount()).isEqualByComparingTo("15000000");
        assertThat(result.valueTheory().steps().get(0).result().amount()).isEqualByComparingTo("5000");
        assertThat(result.primary()).isNull();
    }

    @Test
    void reconciliationWarnsAboveTwentyPercent() {
        var close = MarketCalculator.calculate(model(topDown("1000000000", "10", "50", "10"),
                List.of(segment("All", "10000", "4500", "50", "20"))));
        // 5,000,000 vs 4,500,000: 10 %
        assertThat(close.reconciliation().warning()).isFalse();
        assertThat(close.reconciliation().differencePercent()).isEqualTo("10.0 %");

        var far = MarketCalculator.calculate(model(topDown("1000000000", "10", "50", "10"),
                List.of(segment("All", "10000", "3900", "50", "20"))));
        assertThat(far.reconciliation().warning()).isTrue();
    }

    @Test
    void exactlyTwentyPercentIsNotAWarning() {
        var r = MarketCalculator.reconcile(Money.of("100", "EUR"), Money.of("80", "EUR"));
        assertThat(r.difference()).isEqualByComparingTo("0.2");
        assertThat(r.warning()).isFalse();
    }

    @Test
    void scenariosScaleTheBaseSomAndMayNotExceedSam() {
        var result = MarketCalculator.calculate(model(topDown("1000000000", "10", "50", "10"), List.of()));
        assertThat(result.scenarios()).extracting(s -> s.som().amount().stripTrailingZeros().toPlainString())
                .containsExactly("3000000", "5000000", "7000000");

        var greedy = new MarketModel(EUR, 3, topDown("1000000000", "10", "50", "90"), List.of(), null,
                new MarketModel.Scenarios(MarketModel.Scenarios.multiplier("scenarios.bear", "0.5"),
                        MarketModel.Scenarios.multiplier("scenarios.base", "1"),
                        MarketModel.Scenarios.multiplier("scenarios.bull", "1.5")), null);
        assertThatThrownBy(() -> MarketCalculator.calculate(greedy))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("scenarios.bull"))
                        .contains("larger than SAM"));
    }

    @Test
    void somAboveSamOrSamAboveTamIsAnError() {
        assertThatThrownBy(() -> new MarketSize(Money.of("100", "EUR"), Money.of("120", "EUR"), Money.of("10", "EUR")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("sam"));
        assertThatThrownBy(() -> new MarketSize(Money.of("100", "EUR"), Money.of("50", "EUR"), Money.of("60", "EUR")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("som"));
    }

    @Test
    void inputsAreCheckedWithFieldMessages() {
        assertThatThrownBy(() -> money("topDown.marketFigure", "-1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("topDown.marketFigure", "must be zero or more"));
        assertThatThrownBy(() -> percent("topDown.segmentShare", "100.5")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> count("segments.customers", "10.5")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Input("topDown.marketFigure", BigDecimal.TEN, Unit.CURRENCY, new Citation(" ", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("topDown.marketFigure.source"));
        assertThatThrownBy(() -> Input.parse("topDown.marketFigure", "lots"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("topDown.marketFigure"))
                        .startsWith("must be a number"));
        assertThat(Input.parse("x", "1,250,000.50")).isEqualByComparingTo("1250000.50");
    }

    @Test
    void theGateComparesThePrimarySomWithTheThreshold() {
        var result = MarketCalculator.calculate(model(topDown("1000000000", "10", "50", "10"), List.of()));
        assertThat(result.gate().meets()).isTrue();
        var small = MarketCalculator.calculate(model(topDown("1000000000", "1", "10", "5"), List.of()));
        assertThat(small.gate().som().amount()).isEqualByComparingTo("50000");
        assertThat(small.gate().meets()).isFalse();
    }

    @Test
    void moneyIsExactAndDisplaysReadably() {
        Money a = Money.of("0.1", "EUR");
        Money sum = Money.zero(a.currency());
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(a);
        }
        assertThat(sum.sameAs(Money.of("1", "EUR"))).isTrue();
        assertThat(Money.of("1250000", "EUR").display()).isEqualTo("€1,250,000");
        assertThat(Money.of("1250000000", "USD").compact()).isEqualTo("$1.3B");
        assertThatThrownBy(() -> a.plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChartDrawsAreasProportionalToValuesWithAccessibleText() {
        var size = new MarketSize(Money.of("400", "EUR"), Money.of("100", "EUR"), Money.of("25", "EUR"));
        String svg = NestedCirclesChart.render(size, "Bottom-up", 3);
        assertThat(svg).startsWith("<svg").contains("<title").contains("<desc").contains("TAM €400, SAM €100, SOM €25 within 3 years");
        double rTam = NestedCirclesChart.radius(size.tam(), size.tam());
        double rSam = NestedCirclesChart.radius(size.sam(), size.tam());
        double rSom = NestedCirclesChart.radius(size.som(), size.tam());
        // area ∝ value: a quarter of the value is half the radius
        assertThat(rSam / rTam).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rSom / rTam).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(svg).contains("r=\"140.00\"").contains("r=\"70.00\"").contains("r=\"35.00\"");
    }
}
