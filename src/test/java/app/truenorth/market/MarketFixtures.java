package app.truenorth.market;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

final class MarketFixtures {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Citation SOURCE = new Citation("Gartner fleet telematics report 2025", "https://example.com/report");

    private MarketFixtures() {
    }

    static Input money(String field, String value) {
        return new Input(field, new BigDecimal(value), Unit.CURRENCY, SOURCE);
    }

    static Input percent(String field, String value) {
        return new Input(field, new BigDecimal(value), Unit.PERCENT, SOURCE);
    }

    static Input count(String field, String value) {
        return new Input(field, new BigDecimal(value), Unit.COUNT, SOURCE);
    }

    static MarketModel.TopDown topDown(String figure, String segment, String reachable, String achievable) {
        return new MarketModel.TopDown(money("topDown.marketFigure", figure), percent("topDown.segmentShare", segment),
                percent("topDown.reachableShare", reachable), percent("topDown.achievableShare", achievable));
    }

    static MarketModel.Segment segment(String name, String customers, String acv, String reachable, String achievable) {
        return new MarketModel.Segment(name, count("segments.customers", customers), money("segments.annualContractValue", acv),
                percent("segments.reachableShare", reachable), percent("segments.achievableShare", achievable));
    }

    static MarketModel model(MarketModel.TopDown topDown, List<MarketModel.Segment> segments) {
        return new MarketModel(EUR, 3, topDown, segments, null, MarketModel.Scenarios.DEFAULT, money("somThreshold", "1000000"));
    }
}
