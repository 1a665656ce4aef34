package app.truenorth.views;

import static app.truenorth.platform.html.Payloads.assertNoPlantedMarkup;
import static app.truenorth.platform.html.Payloads.planted;
import static app.truenorth.platform.html.Payloads.wellFormed;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.platform.html.Payloads;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.render.RoadmapFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The printable roadmap (every audience, every format it has, the executive one-pager among them) comes
 * from a template: typed text with markup, ampersands and quotes stays text, and the document stays the
 * well-formed XHTML the PDF renderer needs.
 */
class PrintedViewsTest {

    static final LocalDate TODAY = LocalDate.of(2031, 1, 6);
    final ViewExports exports = new ViewExports();

    @ParameterizedTest
    @EnumSource(Audience.class)
    void everyLayoutOfEveryAudienceKeepsTypedTextAsText(Audience audience) {
        AudienceView view = AudienceViews.build(Payloads.roadmap(), Preset.defaults(audience), TODAY);
        int printed = 0;
        for (RoadmapFormat layout : RoadmapFormat.values()) {
            if (ViewExports.unsupported(view, layout, ExportFormat.PDF).isPresent()) {
                continue;
            }
            String xhtml = exports.html(view, layout);
            Document doc = wellFormed(xhtml);
            assertNoPlantedMarkup(xhtml, doc);
            assertThat(doc.getDocumentElement().getTextContent()).as(layout.slug()).contains(planted("initiative-one"));
            printed++;
        }
        assertThat(printed).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aControlCharacterTypedIntoATitleStillPrints() throws Exception {
        RoadmapData data = Payloads.roadmap();
        var initiatives = new ArrayList<>(data.initiatives());
        initiatives.add(new Stored<>(Payloads.initiative(33, "Bell\u0007 in a title", null, null, Horizon.LATER), 0));
        var withBell = new RoadmapData(data.productName(), data.settings(), data.themes(), data.objectives(), initiatives,
                data.dependencies(), data.risks(), data.decisions());
        AudienceView view = AudienceViews.build(withBell, Preset.defaults(Audience.ENGINEERING), TODAY);

        assertThat(exports.html(view, RoadmapFormat.HORIZON)).contains("Bell in a title");
        try (var pdf = Loader.loadPDF(exports.pdf(view, RoadmapFormat.HORIZON))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Bell in a title");
        }
    }
}
