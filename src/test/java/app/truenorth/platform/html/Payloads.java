package app.truenorth.platform.html;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Text a person could type that breaks markup written without escaping: a script tag, an ampersand and
 * both quotes, planted in every text field of a roadmap; and the checks that a rendered document survived it.
 */
public final class Payloads {

    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final List<String> PAYLOADS = List.of(SCRIPT, "&", "\"", "'");

    private Payloads() {
    }

    /** A text field holding every payload, tagged so each field can be told apart in the output. */
    public static String planted(String field) {
        return field + " " + SCRIPT + " Tom & Jerry's \"best\" " + field;
    }

    /** Parses the output as XML, as the PDF and PNG renderers do; fails the test when it is not well-formed. */
    public static Document wellFormed(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /**
     * No planted tag became an element, and the payloads are still there as text (escaped, not dropped). Quotes
     * may stand as they are in element text; in an attribute an unescaped one would have broken the parse.
     */
    public static void assertNoPlantedMarkup(String xml, Document doc) {
        assertThat(xml).doesNotContain(SCRIPT).doesNotContain("<script");
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
    public static RoadmapData roadmap() {
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

    public static Initiative initiative(long id, String title, LocalDate start, LocalDate end, Horizon horizon) {
        return new Initiative(id, title, planted("description"), 10L, List.of(20L), horizon, Stage.BUILDING, planted("team"),
                new EffortRange(new BigDecimal("2"), new BigDecimal("3")), 60, null, start, end, Visibility.EXTERNAL, null, null);
    }
}
