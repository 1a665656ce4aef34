package app.truenorth.session;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A facilitator runs a whole session in the browser with two approvers: positioning to go, with a
 * change request, a reopen that flags later phases, and the PDF brief.
 */
@IntegrationTest
class StrategyJourneyBrowserTest {

    static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void launch() {
        Assumptions.assumeTrue(Browsers.available(), "Chromium is not installed at /usr/bin/chromium");
        browsers = new Browsers();
    }

    @AfterAll
    static void shutDown() {
        if (browsers != null) {
            browsers.close();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aFacilitatorRunsAWholeSessionWithTwoApprovers() throws Exception {
        var owner = fixtures.owner();
        var ana = fixtures.member(owner, Role.EDITOR);
        var ben = fixtures.member(owner, Role.VIEWER);
        long productId = fixtures.product(owner, "Atlas").id();

        Page fac = browsers.signedIn(base(), owner.email(), Fixtures.PASSWORD);
        Page anaPage = browsers.signedIn(base(), ana.email(), Fixtures.PASSWORD);
        Page benPage = browsers.signedIn(base(), ben.email(), Fixtures.PASSWORD);

        // start the session
        fac.navigate(base() + "/products/" + productId + "/strategy");
        Browsers.screenshot(fac, "01-strategy-empty");
        fac.getByLabel("Title").fill("Atlas strategy 2026");
        fac.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start session")).click();
        assertThat(fac.locator(".flash")).containsText("Positioning is open");
        String sessionUrl = fac.url();

        // name both approvers for every phase
        for (String phase : new String[] {"Positioning", "Problem framing", "Problem statements", "Market sizing", "Roadmap planning"}) {
            fac.locator("summary", new Page.LocatorOptions().setHasText("Name approvers of " + phase)).click();
            Locator form = fac.locator("form:has(input[name=phase])", new Page.LocatorOptions().setHasText("Save approvers of " + phase));
            form.locator("input[name=userIds][value='" + ana.userId() + "']").check();
            form.locator("input[name=userIds][value='" + ben.userId() + "']").check();
            form.locator("button").click();
            assertThat(fac.locator(".flash")).containsText("Named the approvers of " + phase);
        }
        Browsers.screenshot(fac, "02-session-overview");
        assertThat(accessibilityProblems(fac)).isEmpty();

        // positioning
        fac.navigate(sessionUrl + "/positioning");
        fac.getByLabel("For (target customer)").fill("dispatchers at mid-size logistics firms");
        fac.getByLabel("Who (need)").fill("need to know where every van is");
        fac.getByLabel("Product name").fill("Atlas");
        fac.getByLabel("Is a (category)").fill("fleet visibility platform");
        fac.getByLabel("That (key benefit)").fill("cuts idle time");
        fac.getByLabel("Unlike (primary alternative)").fill("spreadsheets and phone calls");
        fac.getByLabel("Differentiator 1").fill("works with any telematics box");
        fac.getByLabel("Differentiator 2").fill("is live in a day");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save positioning")).click();
        assertThat(fac.locator("#positioning-statement")).containsText("Unlike spreadsheets and phone calls, Atlas works with any telematics box and is live in a day.");
        fac.getByLabel("Synthesis note").fill("Dispatchers, not owners, feel the pain every morning.");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save note")).click();
        assertThat(fac.locator(".flash")).containsText("Saved the synthesis note");

        // Ana signs off, Ben requests a change
        signOff(anaPage, sessionUrl + "/positioning", "Positioning");
        benPage.navigate(sessionUrl + "/positioning");
        benPage.locator("summary", new Page.LocatorOptions().setHasText("Request changes instead")).click();
        benPage.getByLabel("What should change?").fill("Quantify the benefit: how much idle time?");
        benPage.locator("button", new Page.LocatorOptions().setHasText("Request changes")).last().click();
        assertThat(benPage.locator(".change-request")).containsText("Quantify the benefit");
        Browsers.screenshot(benPage, "03-change-requested");

        // the facilitator addresses it; both sign off
        fac.navigate(sessionUrl + "/positioning");
        fac.getByLabel("That (key benefit)").fill("cuts idle time by a fifth");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save positioning")).click();
        assertThat(fac.locator(".change-request")).containsText("Addressed");
        signOff(anaPage, sessionUrl + "/positioning", "Positioning");
        signOff(benPage, sessionUrl + "/positioning", "Positioning");
        assertThat(benPage.locator("#phase-status")).containsText("Signed off");

        // problem framing
        fac.navigate(sessionUrl + "/problem-framing");
        assertThat(fac.locator("#phase-status")).containsText("Open");
        fac.getByLabel("What is the problem?").fill("Dispatchers cannot see which vans are free");
        fac.getByLabel("Who has the problem?").fill("Dispatchers at fleets of 50 to 500 vans");
        fac.getByLabel("Reframed problem statement").fill("How might we give dispatchers a live picture without new hardware?");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save canvas")).click();
        assertThat(fac.locator(".flash")).containsText("Saved the canvas");
        fac.getByLabel("Synthesis note").fill("The problem is visibility, not routing.");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save note")).click();
        assertThat(fac.locator(".flash")).containsText("Saved the synthesis note");
        Browsers.screenshot(fac, "04-problem-framing");
        signOff(anaPage, sessionUrl + "/problem-framing", "Problem framing");
        signOff(benPage, sessionUrl + "/problem-framing", "Problem framing");

        // problem statements
        fac.navigate(sessionUrl + "/problem-statements");
        String[][] personas = {{"a dispatcher", "plan the day's routes"}, {"a fleet owner", "keep vans earning"},
                {"a driver", "finish on time"}};
        for (int n = 0; n < personas.length; n++) {
            String[] p = personas[n];
            Locator add = fac.locator("section:has(#new-statement)");
            add.getByLabel("I am (persona)").fill(p[0]);
            add.getByLabel("I am trying to (outcome)").fill(p[1]);
            add.getByLabel("But (barrier)").fill("I can't see where the vans are");
            add.getByLabel("Because (root cause)").fill("the data sits in three systems");
            add.getByLabel("Which makes me feel (emotion)").fill("anxious");
            add.getByLabel("Interviews").fill(n == 2 ? "0" : "6");
            add.getByLabel("Data source").fill(n == 2 ? "" : "support tickets");
            if (n != 2) {
                add.getByLabel("Validated by this evidence").check();
            }
            add.locator("button", new Locator.LocatorOptions().setHasText("Add statement")).click();
            // the same notice follows every addition: wait for the list itself to grow before typing again
            assertThat(fac.locator(".statement-item")).hasCount(n + 1);
        }
        // the third statement gets its evidence afterwards, through its edit form
        assertThat(fac.locator("#statements-heading + p")).containsText("2 of at least 3");
        Locator third = fac.locator(".statement-item").nth(2);
        third.locator("summary", new Locator.LocatorOptions().setHasText("Edit")).click();
        third.getByLabel("Validated by this evidence").check();
        third.locator("button", new Locator.LocatorOptions().setHasText("Save statement")).click();
        assertThat(fac.locator(".statement-item").nth(2).locator(".field-error")).containsText("needs evidence first");
        third = fac.locator(".statement-item").nth(2);
        third.getByLabel("Interviews").fill("4");
        third.locator("button", new Locator.LocatorOptions().setHasText("Save statement")).click();
        assertThat(fac.locator("#statements-heading + p")).containsText("3 of at least 3");
        fac.getByLabel("Synthesis note").fill("Three personas share one root cause.");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save note")).click();
        assertThat(fac.locator(".flash")).containsText("Saved the synthesis note");
        signOff(anaPage, sessionUrl + "/problem-statements", "Problem statements");
        signOff(benPage, sessionUrl + "/problem-statements", "Problem statements");

        // reopen positioning: the later phases are flagged for review
        fac.navigate(sessionUrl + "/positioning");
        fac.locator("summary", new Page.LocatorOptions().setHasText("Reopen Positioning")).click();
        fac.getByLabel("Why reopen?").fill("A competitor launched a telematics-agnostic product");
        fac.locator("button", new Page.LocatorOptions().setHasText("Reopen")).last().click();
        assertThat(fac.locator(".step-needs-review")).hasCount(2);
        Browsers.screenshot(fac, "05-reopened-needs-review");
        assertThat(accessibilityProblems(fac)).isEmpty();
        signOff(anaPage, sessionUrl + "/positioning", "Positioning");
        signOff(benPage, sessionUrl + "/positioning", "Positioning");
        for (String slug : new String[] {"problem-framing", "problem-statements"}) {
            anaPage.navigate(sessionUrl + "/" + slug);
            assertThat(anaPage.locator("#phase-status")).containsText("Needs review");
            anaPage.locator("form[action$='/confirm'] button").click();
            assertThat(anaPage.locator(".flash")).containsText("still holds");
        }

        // market sizing
        fac.navigate(sessionUrl + "/market-sizing");
        assertThat(fac.locator("#phase-status")).containsText("Open");
        cited(fac, "topDown-marketFigure", "2000000000", "Fleet telematics report 2025");
        cited(fac, "topDown-segmentShare", "15", "National fleet registry");
        cited(fac, "topDown-reachableShare", "40", "Sales coverage plan");
        cited(fac, "topDown-achievableShare", "5", "Win rates of comparable vendors");
        fac.getByLabel("Segment name").fill("Mid-size fleets");
        cited(fac, "segments-0-customers", "12000", "National fleet registry");
        cited(fac, "segments-0-annualContractValue", "9000", "Pricing page");
        cited(fac, "segments-0-reachableShare", "50", "Sales coverage plan");
        cited(fac, "segments-0-achievableShare", "10", "Pilot conversion");
        // a negative threshold is refused beside its field and nothing is saved
        cited(fac, "somThreshold", "-1", "Board target");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save and calculate")).click();
        assertThat(fac.locator("tr.has-error")).containsText("must be zero or more");
        cited(fac, "somThreshold", "4000000", "Board target");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save and calculate")).click();
        assertThat(fac.locator(".flash")).containsText("Saved the market model");
        assertThat(fac.locator("#market-chart svg title")).hasCount(1);
        assertThat(fac.locator("#reconciliation")).containsText("10.0 %");
        fac.locator("input[name=decision][value=GO]").check();
        fac.getByLabel("Rationale").fill("SOM of €5.4M clears the €4M bar in both models.");
        fac.locator("button", new Page.LocatorOptions().setHasText("Record decision")).click();
        assertThat(fac.locator("#gate-decision")).containsText("Go");
        fac.getByLabel("Synthesis note").fill("The market is big enough if we stay with mid-size fleets.");
        fac.locator("button", new Page.LocatorOptions().setHasText("Save note")).click();
        assertThat(fac.locator(".flash")).containsText("Saved the synthesis note");
        Browsers.screenshot(fac, "06-market-sizing");
        assertThat(accessibilityProblems(fac)).isEmpty();
        fac.locator("#figures-heading").locator("xpath=..").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Browsers.SCREENSHOTS.resolve("06b-market-figures.png")));
        signOff(anaPage, sessionUrl + "/market-sizing", "Market sizing");
        signOff(benPage, sessionUrl + "/market-sizing", "Market sizing");

        // roadmap planning
        fac.navigate(sessionUrl + "/roadmap-planning");
        Locator draft = fac.locator("section:has(#new-initiative)");
        draft.getByLabel("Title").fill("Universal box adapter");
        fac.locator("#f-link").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("works with any telematics box"));
        // without an estimate the roadmap could not plan it: the form says so beside the fields
        fac.locator("button", new Page.LocatorOptions().setHasText("Add initiative")).click();
        assertThat(fac.locator("#f-effortLow-error")).containsText("is required");
        draft = fac.locator("section:has(#new-initiative)");
        draft.getByLabel("Horizon").selectOption("NOW");
        draft.getByLabel("Effort from (person-weeks)").fill("4");
        draft.getByLabel("Effort to (person-weeks)").fill("6");
        fac.locator("button", new Page.LocatorOptions().setHasText("Add initiative")).click();
        assertThat(fac.locator(".statement-list")).containsText("works with any telematics box");
        assertThat(fac.locator(".statement-list")).containsText("4–6 person-weeks");
        draft = fac.locator("section:has(#new-initiative)");
        draft.getByLabel("Title").fill("Offline mode");
        draft.getByLabel("Horizon").selectOption("LATER");
        draft.getByLabel("Effort from (person-weeks)").fill("8");
        draft.getByLabel("Effort to (person-weeks)").fill("12");
        fac.locator("button", new Page.LocatorOptions().setHasText("Add initiative")).click();
        assertThat(fac.locator(".statement-list")).containsText("Orphaned");
        // the orphan is grounded afterwards, through its edit form
        Locator orphan = fac.locator(".statement-item").nth(1);
        orphan.locator("summary", new Locator.LocatorOptions().setHasText("Edit")).click();
        orphan.getByLabel("Grounded in").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("is live in a day"));
        orphan.locator("button", new Locator.LocatorOptions().setHasText("Save initiative")).click();
        assertThat(fac.locator(".statement-list")).not().containsText("Orphaned");
        draft = fac.locator("section:has(#new-initiative)");
        draft.getByLabel("Title").fill("Dark mode");
        draft.getByLabel("Horizon").selectOption("LATER");
        draft.getByLabel("Effort from (person-weeks)").fill("1");
        draft.getByLabel("Effort to (person-weeks)").fill("2");
        fac.locator("button", new Page.LocatorOptions().setHasText("Add initiative")).click();
        assertThat(fac.locator(".statement-item")).hasCount(3);
        assertThat(fac.locator(".statement-list")).containsText("Orphaned");
        Browsers.screenshot(fac, "07-roadmap-planning");
        signOff(anaPage, sessionUrl + "/roadmap-planning", "Roadmap planning");
        signOff(benPage, sessionUrl + "/roadmap-planning", "Roadmap planning");
        assertThat(benPage.locator(".alert.info")).containsText("Completed");

        // the brief, and its PDF
        fac.navigate(sessionUrl + "/brief");
        assertThat(fac.locator(".brief-page h1")).containsText("Atlas strategy 2026");
        Browsers.screenshot(fac, "08-brief");
        assertThat(accessibilityProblems(fac)).isEmpty();
        var download = fac.waitForDownload(() -> fac.locator("a", new Page.LocatorOptions().setHasText("Download PDF")).click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(pdf.length).isGreaterThan(1000);
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Atlas strategy 2026").contains("Universal box adapter").contains("Decision: Go");
            // keep a picture of the first pages to look at
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < Math.min(3, doc.getNumberOfPages()); i++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 60), "png",
                        Browsers.SCREENSHOTS.resolve("10-brief-pdf-page" + (i + 1) + ".png").toFile());
            }
        }
        fac.navigate(sessionUrl);
        Browsers.screenshot(fac, "09-session-completed");
    }

    /** Serious or critical WCAG 2 A/AA violations on the page, as readable lines. */
    static java.util.List<String> accessibilityProblems(Page page) {
        var results = new com.deque.html.axecore.playwright.AxeBuilder(page)
                .withTags(java.util.List.of("wcag2a", "wcag2aa")).analyze();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    private static void signOff(Page page, String url, String phase) {
        page.navigate(url);
        page.locator("form[action$='/sign-off'] button").click();
        assertThat(page.locator(".flash")).containsText("You signed off " + phase);
    }

    private static void cited(Page page, String id, String value, String source) {
        Locator input = page.locator("#m-" + id);
        input.fill(value);
        Locator row = page.locator("tr:has(#m-" + id + ")");
        row.locator("input[name$='.source']").fill(source);
    }
}
