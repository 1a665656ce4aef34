package app.truenorth.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.RoadmapInputs.DecisionInput;
import app.truenorth.roadmap.RoadmapSamples;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.session.Participant;
import app.truenorth.session.StrategyDemo;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.DemoWorkspace;
import app.truenorth.workspace.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The executive one-pager of the demo's roadmap (its strategy session with the go decision, the sample
 * roadmap with its decision log, the demo's edited executive preset) prints on one page with the key
 * decisions on it; so does the default preset, even when every decision carries the longest rationale
 * a decision may have.
 */
@IntegrationTest
class ExecutiveOnePagerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    StrategyDemo strategy;
    @Autowired
    RoadmapSamples samples;
    @Autowired
    Decisions decisions;
    @Autowired
    ViewsDemoContributor demoViews;

    @Test
    void theDemoOnePagerIsOnePrintedPageWithItsKeyDecisions() throws Exception {
        var owner = fixtures.owner();
        long atlas = demoProduct(owner, "Atlas Fleet");
        demoViews.contribute(new DemoWorkspace(owner.workspaceId(), owner.userId(), Map.of("OWNER", owner.userId()),
                List.of(new DemoWorkspace.DemoProduct("atlas", atlas, "Atlas Fleet"))));

        String text = onePage(owner, atlas, "views-pdf-executive-demo.png");
        assertThat(text).contains("Key decisions", "Cap per-vehicle prices", "Single sign-on ships", "go/no-go gate", "Top risks");
        // not key: only the engineering view lists it
        assertThat(text).doesNotContain("Dark mode waits");
    }

    @Test
    void theDefaultOnePagerStaysOnOnePageWithTheLongestRationales() throws Exception {
        var owner = fixtures.owner();
        long product = demoProduct(owner, "Atlas Fleet");
        act(owner, () -> {
            for (int n = 1; n <= 6; n++) {
                decisions.create(product, new DecisionInput("Long-argued decision number " + n + " about the telematics strategy",
                        ("Reason " + n + " weighed against the alternatives at length. ").repeat(75), LocalDate.now().minusDays(n),
                        "Leadership team", null, true, Visibility.INTERNAL, List.of(), List.of(), List.of()));
            }
        });
        String text = onePage(owner, product, "views-pdf-executive-longest.png");
        assertThat(text).contains("Long-argued decision number 1", "Long-argued decision number 5")
                .doesNotContain("Long-argued decision number 6"); // five at most, latest first
    }

    /** A product with the demo's strategy session and sample roadmap, made by its owner. */
    private long demoProduct(Fixtures.Person owner, String name) {
        long product = fixtures.product(owner, name).id();
        var editor = fixtures.member(owner, Role.EDITOR);
        var contributor = fixtures.member(owner, Role.CONTRIBUTOR);
        act(owner, () -> {
            strategy.seed(owner.workspaceId(), product, new Participant(owner.userId(), owner.displayName()),
                    new Participant(editor.userId(), editor.displayName()),
                    new Participant(contributor.userId(), contributor.displayName()), LocalDate.now().minusWeeks(3));
            samples.fill(product);
        });
        return product;
    }

    /** The executive PDF: exactly one page, rendered to target/screenshots for a look; its text. */
    private String onePage(Fixtures.Person owner, long product, String screenshot) throws Exception {
        byte[] pdf = mvc.perform(get("/products/" + product + "/views/executive/export/pdf").with(owner.session())).andReturn()
                .getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            Files.createDirectories(Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png",
                    Path.of("target", "screenshots", screenshot).toFile());
            assertThat(doc.getNumberOfPages()).as("pages of the executive one-pager").isEqualTo(1);
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void act(Fixtures.Person person, Runnable work) {
        var user = person.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
