package app.truenorth.platform.html;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.market.MarketSize;
import app.truenorth.market.Money;
import app.truenorth.market.NestedCirclesChart;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.roadmap.render.TimelineSvg;
import app.truenorth.views.Audience;
import app.truenorth.views.AudienceView;
import app.truenorth.views.AudienceViews;
import app.truenorth.views.Preset;
import app.truenorth.views.ViewExports;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The pictures the server draws in Java are the only markup a page inserts unescaped, so every text in
 * them that a person can type is planted here with a script tag, an ampersand and both quotes: each
 * picture must stay well-formed XML, hold no element of the planted markup, and still say the text
 * (escaped, not dropped).
 */
class ServerSvgEscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final List<String> PAYLOADS = List.of(SCRIPT, "&", "\"", "'");
    static final LocalDate TODAY = LocalDate.of(2031, 1, 6);

    /** A text field holding every payload, tagged so each field can be told apart in the picture. */
    static String planted(String field) {
        return field + " " + SCRIPT + " Tom & Jerry's \"best\" " + field;
    }

    @ParameterizedTest
    @EnumSource(Audience.class)
    void theTimelineOfEveryAudienceEscapesEveryTextItShows(Audience audience) {
        AudienceView view = AudienceViews.build(data(), Preset.defaults(audience), TODAY);
        assertThat(view.items()).as("the audience sees the planted initiatives").isNotEmpty();

        for (String svg : List.of(view.timelineSvg(), new ViewExports().svg(view))) {
            Document doc = wellFormed(svg);
            assertNoPlantedMarkup(svg, doc);
            // the titles are drawn in full in the tooltips, whatever was cut from the bar's label
            for (var item : view.items()) {
                assertThat(doc.getDocumentElement().getTextContent()).contains(item.title());
            }
        }
    }

    @Test
    void theRoadmapPageTimelineEscapesTitlesThemesTeamsAndItsLinks() {
        RoadmapData data = data();
        for (TimelineSvg.Lanes lanes : TimelineSvg.Lanes.values()) {
            String svg = TimelineSvg.render(data, data.initiativeList(), lanes, TODAY, "/products/7/roadmap/initiatives/?x=\"&y='");
            Document doc = wellFormed(svg);
            assertNoPlantedMarkup(svg, doc);
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
        Document doc = wellFormed(svg);
        assertNoPlantedMarkup(svg, doc);
        assertThat(doc.getDocumentElement().getTextContent()).contains(planted("method") + " market size");
    }

    @Test
    void theEscaperKeepsTextAndDropsWhatXmlCannotHold() {
        assertThat(Xml.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(Xml.escape("bell\u0007 tab\t new\nline \uD83D\uDE80 lone\uD800 end\uFFFF")).isEqualTo(
                "bell tab\t new\nline \uD83D\uDE80 lone end");
        assertThat(Xml.escape(null)).isEmpty();
        // a control character typed into a title leaves a picture the XML renderers accept
        RoadmapData data = data();
        var initiatives = new ArrayList<>(data.initiativeList());
        initiatives.add(initiative(33, "Form feed\f in a title", null, null, Horizon.LATER));
        wellFormed(TimelineSvg.render(data, initiatives, TODAY, null));
    }

    /** Parses the picture as XML, as the PDF and PNG renderers do; fails the test when it is not well-formed. */
    static Document wellFormed(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** No planted tag became an element, and no payload character stands unescaped in text or attribute. */
    static void assertNoPlantedMarkup(String xml, Document doc) {
        assertThat(xml).doesNotContain(SCRIPT).doesNotContain("<script").doesNotContain("Jerry's").doesNotContain("\"best\"");
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(elements(doc.getDocumentElement())).allSatisfy(name -> assertThat(name).isNotEqualToIgnoringCase("script"));
        // the payloads survive as text: escaped, not dropped
        assertThat(doc.getDocumentElement().getTextContent()).contains(PAYLOADS.toArray(String[]::new));
    }

    private static List<String> elements(Node node) {
        List<String> names = new ArrayList<>();
        names.add(node.getLocalName() == null ? node.getNodeName() : node.getLocalName());
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.addAll(elements(child));
            }
        }
        return names;
    }

    /** A roadmap whose every typed text holds the payloads: themes, objectives, initiatives, teams, dependencies, risks, decisions. */
    static RoadmapData data() {
        var settings = new RoadmapSettings(1, 1, 1, ScoringMethod.RICE, 30, null, 0);
        var themes = List.of(new Stored<>(new Theme(10, planted("theme"), planted("theme-description")), 0));
        var objective = new Objective(20, planted("objective"), planted("metric"), "%", Direction.INCREASE, new BigDecimal("10"),
                new BigDecimal("20"), new BigDecimal("12"), LocalDate.of(2031, 6, 30));
        var one = initiative(30, planted("initiative-one"), LocalDate.of(2031, 1, 13), LocalDate.of(2031, 2, 20), Horizon.NOW);
        var two = initiative(31, planted("initiative-two"), LocalDate.of(2031, 3, 1), LocalDate.of(2031, 5, 20), Horizon.NEXT);
        var three = initiative(32, planted("initiative-three"), null, null, Horizon.LATER);
        var deps = List.of(new Stored<>(Dependency.between(40, 31, 30), 0),
                new Stored<>(new Dependency(41, 30, null, ExternalKind.TECHNOLOGY, planted("external"), planted("dependency-note")), 0));
        var risks = List.of(new Stored<>(new Risk(50, 30L, planted("risk"), 4, 5, planted("mitigation"), planted("owner")), 0));
        var decisions = List.of(new Stored<>(new Decision(60, planted("decision"), planted("rationale"), LocalDate.of(2030, 12, 1),
                planted("decider"), null, true, Visibility.EXTERNAL, List.of(30L), List.of(10L), List.of(20L)), 0));
        return new RoadmapData(planted("product"), settings, themes, List.of(new Stored<>(objective, 0)),
                List.of(new Stored<>(one, 0), new Stored<>(two, 0), new Stored<>(three, 0)), deps, risks, decisions);
    }

    private static Initiative initiative(long id, String title, LocalDate start, LocalDate end, Horizon horizon) {
        return new Initiative(id, title, planted("description"), 10L, List.of(20L), horizon, Stage.BUILDING, planted("team"),
                new EffortRange(new BigDecimal("2"), new BigDecimal("3")), 60, null, start, end, Visibility.EXTERNAL, null, null);
    }
}
