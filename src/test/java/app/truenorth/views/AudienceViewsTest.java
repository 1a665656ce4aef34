package app.truenorth.views;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.views.AudienceView.DecisionView;
import app.truenorth.views.AudienceView.ItemView;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The redaction per audience, and that no export format carries more than the view. */
class AudienceViewsTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 11, 20);
    private final ViewExports exports = newExports();

    private static ViewExports newExports() {
        try {
            var c = ViewExports.class.getDeclaredConstructor(JsonMapper.class);
            return c.newInstance(JsonMapper.builder().build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AudienceView view(Audience a) {
        return AudienceViews.build(Planted.data(), Planted.gates(), Preset.defaults(a), TODAY);
    }

    @Test
    void theCustomerSeesOnlyExternalInitiativesWithHorizonsAndNoInternals() {
        AudienceView v = view(Audience.CUSTOMER);
        assertThat(v.items()).extracting(ItemView::title).containsExactly(Planted.PUBLIC_ITEM, "Route sharing for customers");
        assertThat(v.items()).allSatisfy(i -> {
            assertThat(i.team()).isNull();
            assertThat(i.effort()).isNull();
            assertThat(i.start()).isNull();
            assertThat(i.quarter()).isNull();
            assertThat(i.objectives()).isEmpty();
        });
        assertThat(v.items().getFirst().when()).isEqualTo("Now");
        assertThat(v.themes()).extracting(AudienceView.ThemeView::name).containsExactly(Planted.PUBLIC_THEME);
        assertThat(v.risks()).isEmpty();
        assertThat(v.dependencies()).isEmpty();
        assertThat(v.objectives()).isEmpty();
    }

    @Test
    void salesSeesExternalHighlightsInQuartersWithoutRisks() {
        AudienceView v = view(Audience.SALES);
        assertThat(v.items()).extracting(ItemView::title).doesNotContain(Planted.SECRET_ITEM);
        assertThat(v.items().getFirst().when()).isEqualTo("2031-Q1");
        assertThat(v.risks()).isEmpty();
        assertThat(v.items()).allSatisfy(i -> assertThat(i.team()).isNull());
    }

    @Test
    void theExecutiveOnePagerHasObjectivesTopInitiativesAndTopRisksButNoTeamsOrExactDates() {
        AudienceView v = view(Audience.EXECUTIVE);
        assertThat(v.objectives()).singleElement().satisfies(o -> assertThat(o.percent()).isEqualTo(50));
        // Now and Next only, the internal bet included
        assertThat(v.items()).extracting(ItemView::title).containsExactly(Planted.PUBLIC_ITEM, Planted.SECRET_ITEM);
        assertThat(v.items()).allSatisfy(i -> {
            assertThat(i.team()).isNull();
            assertThat(i.description()).isNull();
        });
        assertThat(v.risks()).singleElement().satisfies(r -> assertThat(r.owner()).isEqualTo(Planted.RISK_OWNER));
        assertThat(v.dependencies()).isEmpty();
    }

    @Test
    void engineeringSeesEverything() {
        AudienceView v = view(Audience.ENGINEERING);
        assertThat(v.items()).hasSize(3);
        assertThat(v.items().getFirst().team()).isEqualTo(Planted.TEAM);
        assertThat(v.items().getFirst().when()).isEqualTo("2031-01-13 to 2031-02-20");
        assertThat(v.dependencies()).extracting(AudienceView.DependencyView::required)
                .containsExactly(Planted.SECRET_ITEM, "Technology: " + Planted.DEP_EXTERNAL);
        assertThat(v.risks()).singleElement().satisfies(r -> assertThat(r.mitigation()).isEqualTo(Planted.MITIGATION));
        String all = everything(v);
        for (String s : List.of(Planted.SECRET_DESCRIPTION, Planted.TEAM, Planted.DEP_NOTE, Planted.RISK_OWNER, Planted.EXACT,
                Planted.SECRET_RATIONALE, Planted.DECIDER, Planted.MINOR_DECISION, Planted.DECIDED_EXACT, Planted.GATE_RATIONALE)) {
            assertThat(all).contains(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Audience.class)
    void noFormatCarriesWhatTheAudienceMayNotSee(Audience audience) {
        String all = everything(view(audience));
        for (String secret : Planted.FORBIDDEN.get(audience)) {
            assertThat(all).as("%s export leaks", audience).doesNotContain(secret);
        }
        assertThat(all).contains(Planted.PUBLIC_ITEM);
        if (audience != Audience.CUSTOMER) {
            // the decisions section is there to be redacted, not missing altogether
            assertThat(all).contains(Planted.PUBLIC_DECISION, Planted.PUBLIC_RATIONALE);
        }
    }

    @Test
    void theExecutiveSeesKeyDecisionsInternalOnesAndTheGateIncludedLatestFirstInQuarters() {
        AudienceView v = view(Audience.EXECUTIVE);
        assertThat(v.decisions()).extracting(DecisionView::title).containsExactly(Planted.PUBLIC_DECISION, Planted.SECRET_DECISION,
                "Go at the go/no-go gate of “Fleet visibility strategy”");
        assertThat(v.decisionsHeading()).isEqualTo("Key decisions");
        assertThat(v.decisions().getFirst().decided()).isEqualTo("2025-Q4");
        assertThat(v.decisions().getFirst().decidedBy()).isEqualTo(Planted.DECIDER);
        assertThat(v.decisions().getFirst().concerns()).containsExactly(Planted.PUBLIC_ITEM, Planted.SECRET_ITEM, Planted.PUBLIC_THEME,
                Planted.SECRET_THEME, Planted.OBJECTIVE);
        assertThat(v.decisions().getLast().rationale()).contains(Planted.GATE_RATIONALE);
    }

    @Test
    void salesSeeOnlyExternalKeyDecisionsAndNothingInternalTheyConcern() {
        AudienceView v = view(Audience.SALES);
        assertThat(v.decisions()).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo(Planted.PUBLIC_DECISION);
            assertThat(d.concerns()).containsExactly(Planted.PUBLIC_ITEM, Planted.PUBLIC_THEME);
            assertThat(d.decidedBy()).isNull();
            assertThat(d.decided()).isEqualTo("2025-Q4");
        });
    }

    @Test
    void customersSeeNoDecisionsUntilTheirPresetShowsThemAndThenOnlyExternalKeyOnesWithoutDates() {
        assertThat(view(Audience.CUSTOMER).decisions()).isEmpty();
        Preset customer = Preset.defaults(Audience.CUSTOMER);
        Preset withDecisions = new Preset(Audience.CUSTOMER, EnumSet.of(ViewField.THEMES, ViewField.DECISIONS), true,
                customer.horizons(), 0, 0, DatePrecision.HORIZON, false, 0);
        assertThat(withDecisions.problems()).isEmpty();
        AudienceView v = AudienceViews.build(Planted.data(), Planted.gates(), withDecisions, TODAY);
        assertThat(v.decisions()).extracting(DecisionView::title).containsExactly(Planted.PUBLIC_DECISION, Planted.MINOR_DECISION);
        assertThat(v.decisions()).allSatisfy(d -> {
            assertThat(d.decided()).isNull();
            assertThat(d.decidedBy()).isNull();
            assertThat(d.concerns()).doesNotContain(Planted.SECRET_ITEM, Planted.SECRET_THEME, Planted.OBJECTIVE);
        });
        // even a customer preset stored without the external-only rule (which a save refuses) shows no internal decision
        Preset broken = new Preset(Audience.CUSTOMER, EnumSet.of(ViewField.DECISIONS), false, customer.horizons(), 0, 0,
                DatePrecision.HORIZON, false, 0);
        assertThat(AudienceViews.build(Planted.data(), Planted.gates(), broken, TODAY).decisions()).extracting(DecisionView::title)
                .doesNotContain(Planted.SECRET_DECISION, "Go at the go/no-go gate of “Fleet visibility strategy”");
    }

    @Test
    void engineeringSeesEveryDecisionWithExactDatesAndAPresetLimitsHowMany() {
        AudienceView v = view(Audience.ENGINEERING);
        assertThat(v.decisions()).extracting(DecisionView::title).containsExactly(Planted.PUBLIC_DECISION, Planted.SECRET_DECISION,
                Planted.MINOR_DECISION, "Go at the go/no-go gate of “Fleet visibility strategy”");
        assertThat(v.decisions()).extracting(DecisionView::key).containsExactly(true, true, false, true);
        assertThat(v.decisionsHeading()).isEqualTo("Decisions");
        assertThat(v.decisions().getFirst().decided()).isEqualTo(Planted.DECIDED_EXACT);
        Preset latestOnly = new Preset(Audience.ENGINEERING, EnumSet.of(ViewField.DECISIONS), false, EnumSet.allOf(Horizon.class), 0, 0,
                DatePrecision.EXACT, false, 1);
        assertThat(AudienceViews.build(Planted.data(), Planted.gates(), latestOnly, TODAY).decisions()).extracting(DecisionView::title)
                .containsExactly(Planted.PUBLIC_DECISION);
        assertThat(new Preset(Audience.SALES, EnumSet.noneOf(ViewField.class), true, EnumSet.allOf(Horizon.class), 0, 0,
                DatePrecision.QUARTER, true, 101).problems()).containsOnlyKeys("maxDecisions");
    }

    @Test
    void aCustomerPresetCannotBeLoosenedToShowInternals() {
        var loose = new Preset(Audience.CUSTOMER, EnumSet.of(ViewField.TEAM, ViewField.RISKS), false, EnumSet.allOf(Horizon.class), 0, 0,
                DatePrecision.EXACT);
        assertThat(loose.problems()).containsOnlyKeys("fields", "externalOnly", "precision");
        assertThat(Preset.defaults(Audience.CUSTOMER).problems()).isEmpty();
        assertThat(new Preset(Audience.SALES, EnumSet.noneOf(ViewField.class), false, EnumSet.noneOf(Horizon.class), -1, 0,
                DatePrecision.QUARTER).problems()).containsOnlyKeys("horizons", "maxItems");
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        var data = Planted.data();
        AudienceView v = AudienceViews.build(data, Preset.defaults(Audience.ENGINEERING), TODAY);
        var tricky = new AudienceView(v.productName(), v.audience(), v.asOf(), v.precision(), v.shownFields(), v.themes(), v.objectives(),
                List.of(new ItemView(1, "=HYPERLINK(\"x\")", null, null, null, Horizon.NOW, null, "Now", null, null, null, null, null, null,
                        List.of())), List.of(), List.of(), List.of());
        assertThat(exports.csv(tricky)).contains("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void theExecutivePdfIsOnePrintablePageAndTheOthersCarryTheTimeline() throws Exception {
        byte[] executive = exports.pdf(view(Audience.EXECUTIVE));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(executive)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(Planted.OBJECTIVE, Planted.PUBLIC_ITEM, Planted.RISK, "Key decisions", Planted.SECRET_DECISION,
                    Planted.PUBLIC_RATIONALE);
            // a look at what an executive would print
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 80), "png",
                    java.nio.file.Path.of("target", "screenshots", "views-pdf-executive.png").toFile());
        }
        try (var doc = org.apache.pdfbox.Loader.loadPDF(exports.pdf(view(Audience.CUSTOMER)))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(1, 80), "png",
                    java.nio.file.Path.of("target", "screenshots", "views-pdf-customer-timeline.png").toFile());
        }
        byte[] png = exports.png(view(Audience.ENGINEERING));
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(1000);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "views-timeline-engineering.png"), png);
    }

    /** Every format of the view as one string (the PDF's text and the PNG's existence checked separately). */
    private String everything(AudienceView v) {
        StringBuilder all = new StringBuilder();
        for (ExportFormat f : List.of(ExportFormat.MARKDOWN, ExportFormat.CSV, ExportFormat.JSON, ExportFormat.SVG)) {
            all.append(new String(exports.export(v, f), StandardCharsets.UTF_8)).append('\n');
        }
        all.append(exports.html(v));
        return all.toString();
    }
}
