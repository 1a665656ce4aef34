package app.truenorth.market;

import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A market model as typed into a form or sent as JSON: numbers still as text. {@link #toModel()}
 * checks every field and reports all problems at once, each under its own field name
 * ("segments[1].customers"), so nothing half-valid is ever stored.
 */
public record MarketDraft(String currency, Integer horizonYears, TopDownDraft topDown, List<SegmentDraft> segments,
        ValueTheoryDraft valueTheory, ScenarioDraft scenarios, CitedValue somThreshold) {

    /** A number with its source. */
    public record CitedValue(String value, String source, String url) {

        boolean blank() {
            return (value == null || value.isBlank()) && (source == null || source.isBlank()) && (url == null || url.isBlank());
        }
    }

    public record TopDownDraft(CitedValue marketFigure, CitedValue segmentShare, CitedValue reachableShare,
            CitedValue achievableShare) {
    }

    public record SegmentDraft(String name, CitedValue customers, CitedValue annualContractValue, CitedValue reachableShare,
            CitedValue achievableShare) {
    }

    public record ValueTheoryDraft(CitedValue costOfProblem, CitedValue captureRate, CitedValue customers) {
    }

    public record ScenarioDraft(String bear, String base, String bull) {
    }

    public MarketModel toModel() {
        Map<String, String> errors = new LinkedHashMap<>();
        Currency cur = attempt(errors, () -> {
            if (currency == null || currency.isBlank()) {
                throw new InvalidInputException("currency", "is required, e.g. EUR or USD");
            }
            try {
                return Currency.getInstance(currency.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("currency", "must be an ISO 4217 code such as EUR or USD");
            }
        });
        MarketModel.TopDown td = null;
        if (topDown != null && !allBlank(topDown.marketFigure(), topDown.segmentShare(), topDown.reachableShare(),
                topDown.achievableShare())) {
            var figure = input(errors, "topDown.marketFigure", topDown.marketFigure(), Unit.CURRENCY);
            var segment = input(errors, "topDown.segmentShare", topDown.segmentShare(), Unit.PERCENT);
            var reachable = input(errors, "topDown.reachableShare", topDown.reachableShare(), Unit.PERCENT);
            var achievable = input(errors, "topDown.achievableShare", topDown.achievableShare(), Unit.PERCENT);
            if (figure != null && segment != null && reachable != null && achievable != null) {
                td = new MarketModel.TopDown(figure, segment, reachable, achievable);
            }
        }
        List<MarketModel.Segment> segs = new ArrayList<>();
        List<SegmentDraft> drafts = segments == null ? List.of() : segments;
        for (int i = 0; i < drafts.size(); i++) {
            SegmentDraft s = drafts.get(i);
            if (s == null || ((s.name() == null || s.name().isBlank())
                    && allBlank(s.customers(), s.annualContractValue(), s.reachableShare(), s.achievableShare()))) {
                continue; // an empty row of the form
            }
            String p = "segments[" + i + "].";
            var customers = input(errors, p + "customers", s.customers(), Unit.COUNT);
            var acv = input(errors, p + "annualContractValue", s.annualContractValue(), Unit.CURRENCY);
            var reachable = input(errors, p + "reachableShare", s.reachableShare(), Unit.PERCENT);
            var achievable = input(errors, p + "achievableShare", s.achievableShare(), Unit.PERCENT);
            if (s.name() == null || s.name().isBlank()) {
                errors.put(p + "name", "every segment needs a name");
            } else if (customers != null && acv != null && reachable != null && achievable != null) {
                MarketModel.Segment seg = attempt(errors, () -> new MarketModel.Segment(s.name(), customers, acv, reachable, achievable));
                if (seg != null) {
                    segs.add(seg);
                }
            }
        }
        MarketModel.ValueTheory vt = null;
        if (valueTheory != null && !allBlank(valueTheory.costOfProblem(), valueTheory.captureRate(), valueTheory.customers())) {
            var cost = input(errors, "valueTheory.costOfProblem", valueTheory.costOfProblem(), Unit.CURRENCY);
            var rate = input(errors, "valueTheory.captureRate", valueTheory.captureRate(), Unit.PERCENT);
            var customers = input(errors, "valueTheory.customers", valueTheory.customers(), Unit.COUNT);
            if (cost != null && rate != null && customers != null) {
                vt = new MarketModel.ValueTheory(cost, rate, customers);
            }
        }
        MarketModel.Scenarios sc = MarketModel.Scenarios.DEFAULT;
        if (scenarios != null) {
            var bear = multiplier(errors, "scenarios.bear", scenarios.bear(), "0.6");
            var base = multiplier(errors, "scenarios.base", scenarios.base(), "1");
            var bull = multiplier(errors, "scenarios.bull", scenarios.bull(), "1.4");
            if (bear != null && base != null && bull != null) {
                sc = attempt(errors, () -> new MarketModel.Scenarios(bear, base, bull));
            }
        }
        Input threshold = somThreshold == null || somThreshold.blank() ? null
                : input(errors, "somThreshold", somThreshold, Unit.CURRENCY);
        int horizon = horizonYears == null ? 3 : horizonYears;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        final MarketModel.TopDown topDownModel = td;
        final MarketModel.ValueTheory valueModel = vt;
        final MarketModel.Scenarios scenarioModel = sc;
        MarketModel model = attempt(errors, () -> new MarketModel(cur, horizon, topDownModel, segs, valueModel, scenarioModel, threshold));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the figures must hold together (SOM ≤ SAM ≤ TAM, scenarios within SAM) before anything is saved
        MarketCalculator.calculate(model);
        return model;
    }

    /** The stored model as a draft, to fill a form. */
    public static MarketDraft of(MarketModel m) {
        TopDownDraft td = m.topDown() == null ? null : new TopDownDraft(cited(m.topDown().marketFigure()),
                cited(m.topDown().segmentShare()), cited(m.topDown().reachableShare()), cited(m.topDown().achievableShare()));
        List<SegmentDraft> segs = m.segments().stream().map(s -> new SegmentDraft(s.name(), cited(s.customers()),
                cited(s.annualContractValue()), cited(s.reachableShare()), cited(s.achievableShare()))).toList();
        ValueTheoryDraft vt = m.valueTheory() == null ? null : new ValueTheoryDraft(cited(m.valueTheory().costOfProblem()),
                cited(m.valueTheory().captureRate()), cited(m.valueTheory().customers()));
        var sc = m.scenarios();
        return new MarketDraft(m.currency().getCurrencyCode(), m.horizonYears(), td, segs, vt,
                new ScenarioDraft(plain(sc.bear().value()), plain(sc.base().value()), plain(sc.bull().value())),
                m.somThreshold() == null ? null : cited(m.somThreshold()));
    }

    private static CitedValue cited(Input in) {
        return new CitedValue(plain(in.value()), in.source().text(), in.source().url());
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static boolean allBlank(CitedValue... values) {
        for (CitedValue v : values) {
            if (v != null && !v.blank()) {
                return false;
            }
        }
        return true;
    }

    private static Input input(Map<String, String> errors, String field, CitedValue cited, Unit unit) {
        if (cited == null || cited.value() == null || cited.value().isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        return attempt(errors, () -> new Input(field, Input.parse(field, cited.value()), unit, new Citation(cited.source(), cited.url())));
    }

    private static Input multiplier(Map<String, String> errors, String field, String raw, String fallback) {
        String value = raw == null || raw.isBlank() ? fallback : raw;
        return attempt(errors, () -> new Input(field, Input.parse(field, value), Unit.MULTIPLIER, null));
    }

    private static <T> T attempt(Map<String, String> errors, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
            return null;
        }
    }
}
