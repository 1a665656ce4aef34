package app.truenorth.session;

import static app.truenorth.platform.html.Payloads.assertNoPlantedMarkup;
import static app.truenorth.platform.html.Payloads.planted;
import static app.truenorth.platform.html.Payloads.wellFormed;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.market.Citation;
import app.truenorth.market.Input;
import app.truenorth.market.MarketCalculator;
import app.truenorth.market.MarketModel;
import app.truenorth.market.MarketSizings;
import app.truenorth.market.Unit;
import app.truenorth.platform.html.Templates;
import app.truenorth.session.brief.StrategyBrief;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The brief is rendered from templates, for the page and the PDF alike: whatever a session's people typed
 * (markup, ampersands, quotes, a control character pasted from elsewhere) stays text, and the printed
 * brief is still a well-formed document the PDF renderer accepts.
 */
class BriefDocumentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    @Test
    void everyTypedTextOfTheBriefStaysTextInTheDocumentAndThePdf() throws Exception {
        var loaded = new StrategySessions.Loaded(session(), sizing());
        String xhtml = Templates.xhtml("session/brief/pdf.jte", Map.of("brief", new StrategyBrief().document(loaded, TODAY)));

        Document doc = wellFormed(xhtml);
        assertNoPlantedMarkup(xhtml, doc);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains(planted("title"), planted("differentiator"), planted("vote"), planted("synthesis"),
                planted("initiative"), planted("segment") + ": TAM", "Bell and tab");
        assertThat(doc.getElementsByTagNameNS("*", "svg").getLength()).as("the market chart").isEqualTo(1);
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(planted("title") + " · strategy brief");

        try (var pdf = Loader.loadPDF(new StrategyBrief().pdf(loaded, TODAY))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Jerry's", "Bell and tab");
        }
    }

    private static StrategySession session() {
        var s = StrategySession.start(10, 20, planted("title"), SessionTestData.FACILITATOR, SessionTestData.START, SessionTestData.T0);
        for (Phase p : Phase.values()) {
            s.nameApprovers(p, List.of(SessionTestData.ANA, SessionTestData.BEN));
        }
        var positioning = SessionTestData.positioning();
        s.updatePositioning(new Positioning(positioning.targetCustomer(), positioning.need(), positioning.productName(),
                positioning.category(), positioning.keyBenefit(), positioning.alternative(),
                List.of(new Positioning.Differentiator(null, planted("differentiator")))));
        s.recordVote(SessionTestData.ANA.userId(), false, planted("vote"), SessionTestData.day(0));
        // a control character pasted into a note: XML cannot hold it, so the document drops it
        s.writeSynthesis(Phase.POSITIONING, planted("synthesis") + " Bell\u0007 and tab");
        s.signOff(Phase.POSITIONING, SessionTestData.ANA.userId(), SessionTestData.day(2));
        s.signOff(Phase.POSITIONING, SessionTestData.BEN.userId(), SessionTestData.day(2));
        SessionTestData.complete(s, Phase.PROBLEM_FRAMING, SessionTestData.day(5));
        SessionTestData.complete(s, Phase.PROBLEM_STATEMENTS, SessionTestData.day(9));
        SessionTestData.complete(s, Phase.MARKET_SIZING, SessionTestData.day(14));
        s.addInitiative(PlannedInitiative.of(planted("initiative"), planted("description"), null, null, PlanningHorizon.NOW, "2", "3",
                null));
        return s;
    }

    private static MarketSizings.Sizing sizing() {
        var source = new Citation(planted("source"), "https://example.com/?a=1&b=2");
        var eur = Currency.getInstance("EUR");
        var segment = new MarketModel.Segment(planted("segment"), new Input("segments[0].customers", new BigDecimal("1200"), Unit.COUNT, source),
                new Input("segments[0].annualContractValue", new BigDecimal("9000"), Unit.CURRENCY, source),
                new Input("segments[0].reachableShare", new BigDecimal("50"), Unit.PERCENT, source),
                new Input("segments[0].achievableShare", new BigDecimal("10"), Unit.PERCENT, source));
        var model = new MarketModel(eur, 3, null, List.of(segment), null, MarketModel.Scenarios.DEFAULT, null);
        return new MarketSizings.Sizing(1, 10, 1, model, MarketCalculator.calculate(model), 0, null);
    }
}
