package app.truenorth.session.web;

import app.truenorth.market.MarketDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the market page's form fields ("topDown.marketFigure.value", "segments[0].name" …) into a draft. */
final class MarketForm {

    private static final int MAX_SEGMENT_ROWS = 50;

    private MarketForm() {
    }

    static MarketDraft draft(Map<String, String> p) {
        var topDown = new MarketDraft.TopDownDraft(cited(p, "topDown.marketFigure"), cited(p, "topDown.segmentShare"),
                cited(p, "topDown.reachableShare"), cited(p, "topDown.achievableShare"));
        List<MarketDraft.SegmentDraft> segments = new ArrayList<>();
        for (int i = 0; i < MAX_SEGMENT_ROWS && p.containsKey("segments[" + i + "].name"); i++) {
            String s = "segments[" + i + "].";
            segments.add(new MarketDraft.SegmentDraft(p.get(s + "name"), cited(p, s + "customers"), cited(p, s + "annualContractValue"),
                    cited(p, s + "reachableShare"), cited(p, s + "achievableShare")));
        }
        var value = new MarketDraft.ValueTheoryDraft(cited(p, "valueTheory.costOfProblem"), cited(p, "valueTheory.captureRate"),
                cited(p, "valueTheory.customers"));
        var scenarios = new MarketDraft.ScenarioDraft(p.get("scenarios.bear"), p.get("scenarios.base"), p.get("scenarios.bull"));
        Integer horizon = null;
        String rawHorizon = p.get("horizonYears");
        if (rawHorizon != null && !rawHorizon.isBlank()) {
            try {
                horizon = Integer.parseInt(rawHorizon.trim());
            } catch (NumberFormatException e) {
                horizon = -1; // reported by the model as out of range
            }
        }
        return new MarketDraft(p.get("currency"), horizon, topDown, segments, value, scenarios, cited(p, "somThreshold"));
    }

    /** The same reading, for showing back what was typed after an error. */
    static MarketDraft lenient(Map<String, String> p) {
        return draft(p);
    }

    private static MarketDraft.CitedValue cited(Map<String, String> p, String key) {
        return new MarketDraft.CitedValue(p.get(key + ".value"), p.get(key + ".source"), p.get(key + ".url"));
    }
}
