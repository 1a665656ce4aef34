package app.truenorth.market;

import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Turns a market model into TAM/SAM/SOM figures, exactly, recording each step. */
public final class MarketCalculator {

    private MarketCalculator() {
    }

    /**
     * Computes every model that has been entered. Throws {@link InvalidInputException} when the
     * result breaks SOM ≤ SAM ≤ TAM anywhere, including in a scenario.
     */
    public static MarketResult calculate(MarketModel model) {
        MarketResult.Sized topDown = model.topDown() == null ? null : topDown(model);
        MarketResult.Sized bottomUp = model.segments().isEmpty() ? null : bottomUp(model);
        MarketResult.Valued value = model.valueTheory() == null ? null : valueTheory(model);
        MarketResult.Reconciliation reconciliation = topDown != null && bottomUp != null
                ? reconcile(topDown.size().som(), bottomUp.size().som()) : null;
        MarketResult.Sized primary = bottomUp != null ? bottomUp : topDown;
        List<MarketResult.ScenarioSom> scenarios = primary == null ? List.of() : scenarios(model, primary.size());
        MarketResult.GateAssessment gate = null;
        if (primary != null && model.somThreshold() != null) {
            Money threshold = new Money(model.somThreshold().value(), model.currency());
            gate = new MarketResult.GateAssessment(threshold, primary.size().som(), primary.size().som().compareTo(threshold) >= 0);
        }
        return new MarketResult(model, topDown, bottomUp, value, reconciliation, scenarios, gate);
    }

    public static MarketResult.Reconciliation reconcile(Money topDownSom, Money bottomUpSom) {
        BigDecimal difference = topDownSom.relativeDifference(bottomUpSom);
        return new MarketResult.Reconciliation(topDownSom, bottomUpSom, difference,
                difference.compareTo(MarketResult.Reconciliation.THRESHOLD) > 0);
    }

    private static MarketResult.Sized topDown(MarketModel model) {
        var td = model.topDown();
        var c = model.currency();
        Money figure = new Money(td.marketFigure().value(), c);
        Money tam = figure.times(td.segmentShare().factor());
        Money sam = tam.times(td.reachableShare().factor());
        Money som = sam.times(td.achievableShare().factor());
        List<MarketResult.Step> steps = List.of(
                new MarketResult.Step("TAM = market figure × segment share",
                        figure.display() + " × " + td.segmentShare().display(c), tam),
                new MarketResult.Step("SAM = TAM × reachable share",
                        tam.display() + " × " + td.reachableShare().display(c), sam),
                new MarketResult.Step("SOM = SAM × achievable share",
                        sam.display() + " × " + td.achievableShare().display(c), som));
        return new MarketResult.Sized("Top-down", new MarketSize(tam, sam, som), steps);
    }

    private static MarketResult.Sized bottomUp(MarketModel model) {
        var c = model.currency();
        List<MarketResult.Step> steps = new ArrayList<>();
        MarketSize total = null;
        for (MarketModel.Segment s : model.segments()) {
            Money acv = new Money(s.annualContractValue().value(), c);
            Money tam = acv.times(s.customers().value());
            Money sam = tam.times(s.reachableShare().factor());
            Money som = sam.times(s.achievableShare().factor());
            steps.add(new MarketResult.Step(s.name() + ": TAM = customers × annual contract value",
                    s.customers().display(c) + " × " + acv.display(), tam));
            steps.add(new MarketResult.Step(s.name() + ": SAM = TAM × reachable share",
                    tam.display() + " × " + s.reachableShare().display(c), sam));
            steps.add(new MarketResult.Step(s.name() + ": SOM = SAM × achievable share",
                    sam.display() + " × " + s.achievableShare().display(c), som));
            MarketSize size = new MarketSize(tam, sam, som);
            total = total == null ? size : total.plus(size);
        }
        if (model.segments().size() > 1) {
            steps.add(new MarketResult.Step("TAM = sum of segment TAMs", model.segments().size() + " segments", total.tam()));
            steps.add(new MarketResult.Step("SAM = sum of segment SAMs", model.segments().size() + " segments", total.sam()));
            steps.add(new MarketResult.Step("SOM = sum of segment SOMs", model.segments().size() + " segments", total.som()));
        }
        return new MarketResult.Sized("Bottom-up", total, List.copyOf(steps));
    }

    private static MarketResult.Valued valueTheory(MarketModel model) {
        var vt = model.valueTheory();
        var c = model.currency();
        Money cost = new Money(vt.costOfProblem().value(), c);
        Money perCustomer = cost.times(vt.captureRate().factor());
        Money value = perCustomer.times(vt.customers().value());
        return new MarketResult.Valued(value, List.of(
                new MarketResult.Step("Capturable value per customer = cost of the problem × capture rate",
                        cost.display() + " × " + vt.captureRate().display(c), perCustomer),
                new MarketResult.Step("Value pool = value per customer × customers",
                        perCustomer.display() + " × " + vt.customers().display(c), value)));
    }

    private static List<MarketResult.ScenarioSom> scenarios(MarketModel model, MarketSize base) {
        var s = model.scenarios();
        List<MarketResult.ScenarioSom> result = new ArrayList<>();
        String[][] names = {{"Bear", "scenarios.bear"}, {"Base", "scenarios.base"}, {"Bull", "scenarios.bull"}};
        Input[] inputs = {s.bear(), s.base(), s.bull()};
        for (int i = 0; i < inputs.length; i++) {
            Money som = base.som().times(inputs[i].value());
            if (som.isGreaterThan(base.sam())) {
                throw new InvalidInputException(names[i][1], names[i][0] + " SOM (" + som.display() + ") would be larger than SAM ("
                        + base.sam().display() + "): lower the multiplier or revisit the shares");
            }
            result.add(new MarketResult.ScenarioSom(names[i][0], inputs[i].value(), som, base.sam()));
        }
        return List.copyOf(result);
    }
}
