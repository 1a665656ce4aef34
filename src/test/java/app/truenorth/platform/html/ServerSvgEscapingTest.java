package app.truenorth.platform.html;

import static app.truenorth.platform.html.Payloads.assertNoPlantedMarkup;
import static app.truenorth.platform.html.Payloads.planted;
import static app.truenorth.platform.html.Payloads.wellFormed;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.market.MarketSize;
import app.truenorth.market.Money;
import app.truenorth.market.NestedCirclesChart;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.render.TimelineSvg;
import app.truenorth.views.Audience;
import app.truenorth.views.AudienceView;
import app.truenorth.views.AudienceViews;
import app.truenorth.views.Preset;
import app.truenorth.views.ViewExports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * The pictures the server draws in Java are the only markup a page inserts unescaped, so every text in
 * them that a person can type is planted here with a script tag, an ampersand and both quotes
 * ({@link Payloads}): each picture must stay well-formed XML, hold no element of the planted markup, and
 * still say the text (escaped, not dropped). The one escaper escapes quotes everywhere, so none is left.
 */
class ServerSvgEscapingTest {

    static final LocalDate TODAY = LocalDate.of(2031, 1, 6);

    static Document safe(String svg) {
        Document doc = wellFormed(svg);
        assertNoPlantedMarkup(svg, doc);
        assertThat(svg).doesNotContain("Jerry's").doesNotContain("\"best\"");
        return doc;
    }

    @ParameterizedTest
    @EnumSource(Audience.class)
    void theTimelineOfEveryAudienceEscapesEveryTextItShows(Audience audience) {
        AudienceView view = AudienceViews.build(Payloads.roadmap(), Preset.defaults(audience), TODAY);
        assertThat(view.items()).as("the audience sees the planted initiatives").isNotEmpty();

        for (String svg : List.of(view.timelineSvg(), new ViewExports().svg(view))) {
            Document doc = safe(svg);
            // the titles are drawn in full in the tooltips, whatever was cut from the bar's label
            for (var item : view.items()) {
                assertThat(doc.getDocumentElement().getTextContent()).contains(item.title());
            }
        }
    }

    @Test
    void theRoadmapPageTimelineEscapesTitlesThemesTeamsAndItsLinks() {
        RoadmapData data = Payloads.roadmap();
        for (TimelineSvg.Lanes lanes : TimelineSvg.Lanes.values()) {
            String svg = TimelineSvg.render(data, data.initiativeList(), lanes, TODAY, "/products/7/roadmap/initiatives/?x=\"&y='");
            Document doc = safe(svg);
            String text = doc.getDocumentElement().getTextContent();
            assertThat(text).contains(planted("initiative-one"), planted("initiative-two"), planted("initiative-three"));
            assertThat(text).contains(lanes == TimelineSvg.Lanes.THEME ? planted("theme") : planted("team"));
            assertThat(text).contains(planted("initiative-two") + " depends on " + planted("initiative-one"));
            assertThat(svg).contains("href=\"/products/7/roadmap/initiatives/?x=&quot;&amp;y=&#39;30\"");
        }
    }

    @Test
    void theMarketChartEscapesItsMethodAndFigures() {
        var size = new MarketSize(Money.of("5000000", "EUR"), Money.of("2000000", "EUR"), Money.of("400000", "EUR"));
        String svg = NestedCirclesChart.render(size, planted("method"), 3);
        Document doc = safe(svg);
        assertThat(doc.getDocumentElement().getTextContent()).contains(planted("method") + " market size");
    }

    @Test
    void theEscaperKeepsTextAndDropsWhatXmlCannotHold() {
        assertThat(Xml.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(Xml.escape("bell\u0007 tab\t new\nline \uD83D\uDE80 lone\uD800 end\uFFFF")).isEqualTo(
                "bell tab\t new\nline \uD83D\uDE80 lone end");
        assertThat(Xml.escape(null)).isEmpty();
        // a control character typed into a title leaves a picture the XML renderers accept
        RoadmapData data = Payloads.roadmap();
        var initiatives = new ArrayList<>(data.initiativeList());
        initiatives.add(Payloads.initiative(33, "Form feed\f in a title", null, null, Horizon.LATER));
        wellFormed(TimelineSvg.render(data, initiatives, TODAY, null));
    }
}
