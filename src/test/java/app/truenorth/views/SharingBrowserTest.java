package app.truenorth.views;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.truenorth.roadmap.Roadmaps;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An editor creates a customer link from the roadmap's "Views & sharing" page; a stranger opens it in a
 * fresh browser with no session and sees the external initiatives and nothing internal. Both pages are
 * checked with axe (WCAG 2 A/AA, serious and critical) and screenshotted into target/screenshots.
 */
@IntegrationTest
class SharingBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerLinkShowsOnlyWhatCustomersMaySee() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
        Files.createDirectories(SCREENSHOTS);
        if (jdbc.sql("select count(*) from instance_setup").query(Long.class).single() == 0) {
            try {
                jdbc.sql("insert into instance_setup (id, done_at) values (1, current_timestamp)").update();
            } catch (DuplicateKeyException e) {
                // another test did it first
            }
        }
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        Planted.plant(context, owner, productId);
        String base = "http://127.0.0.1:" + port;

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")))) {
            String link;
            try (BrowserContext editor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
                Page page = editor.newPage();
                page.navigate(base + "/login");
                page.fill("#username", owner.email());
                page.fill("#password", Fixtures.PASSWORD);
                page.click("button[type=submit]");
                page.waitForURL(url -> !url.contains("/login"));

                page.navigate(base + "/products/" + productId + "/roadmap");
                page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Views & sharing")).click();
                page.waitForURL(url -> url.endsWith("/views"));
                page.selectOption("#f-audience", "CUSTOMER");
                page.fill("#f-label", "Customer advisory board");
                page.click("button:has-text('Create link')");
                // the form answers with the page itself at …/views/links (no redirect): wait for it before looking
                page.waitForURL(url -> url.endsWith("/views/links"));
                if (page.locator("#created-link").count() == 0) {
                    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("views-00-create-failed.png")).setFullPage(true));
                    throw new AssertionError("No link created at " + page.url() + ":\n" + page.locator("main").innerText());
                }
                link = page.locator("#created-link").innerText().trim();
                assertThat(page.locator("#share-links")).containsText("Customer advisory board");
                assertThat(accessibilityProblems(page)).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("views-01-sharing-page.png")).setFullPage(true));

                page.navigate(base + "/products/" + productId + "/views/executive");
                assertThat(page.locator("h1")).containsText("Executive one-pager");
                assertThat(accessibilityProblems(page)).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("views-02-executive.png")).setFullPage(true));
            }

            try (BrowserContext stranger = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                Page page = stranger.newPage();
                var response = page.navigate(link.replaceFirst("^https?://[^/]+", base));
                assertThat(response.status()).isEqualTo(200);
                assertThat(page.locator("h1")).containsText("roadmap");
                assertThat(page.locator("body")).containsText(Planted.PUBLIC_ITEM);
                String text = page.locator("body").innerText();
                String source = response.text();
                String dom = page.content();
                for (String secret : Planted.FORBIDDEN.get(Audience.CUSTOMER)) {
                    assertThat(text).as("visible text").doesNotContain(secret);
                    assertThat(source).as("HTML source").doesNotContain(secret);
                    assertThat(dom).as("DOM").doesNotContain(secret);
                }
                // a stranger has no account: no navigation into the workspace
                assertThat(page.locator("a[href^='/products']")).hasCount(0);
                assertThat(accessibilityProblems(page)).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("views-03-customer-share.png")).setFullPage(true));
            }
        }
    }

    @Test
    void aKeyDecisionRecordedOnTheRoadmapAppearsOnTheExecutiveShareLinkAndNowhereForCustomers() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium");
        Files.createDirectories(SCREENSHOTS);
        if (jdbc.sql("select count(*) from instance_setup").query(Long.class).single() == 0) {
            try {
                jdbc.sql("insert into instance_setup (id, done_at) values (1, current_timestamp)").update();
            } catch (DuplicateKeyException e) {
                // another test did it first
            }
        }
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        Planted.plant(context, owner, productId);
        String base = "http://127.0.0.1:" + port;
        String decision = "Pilot fleets get the adapter first";
        String reason = "RATIONALE-Wintergreen the two pilots run mixed fleets";

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")))) {
            String executiveLink;
            String customerLink;
            try (BrowserContext editor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
                Page page = editor.newPage();
                page.navigate(base + "/login");
                page.fill("#username", owner.email());
                page.fill("#password", Fixtures.PASSWORD);
                page.click("button[type=submit]");
                page.waitForURL(url -> !url.contains("/login"));

                // the decision log is a place of the roadmap
                page.navigate(base + "/products/" + productId + "/roadmap");
                page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Decisions")
                        .setExact(true)).click();
                page.waitForURL(url -> url.endsWith("/roadmap/decisions"));
                assertThat(page.locator("h1")).hasText("Decisions");
                assertThat(page.locator(".rm-decisions").first()).containsText(Planted.SECRET_DECISION);
                assertThat(page.locator("#gate-title")).containsText("From the strategy sessions");
                checkAtBothWidths(page, "decisions-01-log");

                // a decision without its reasons is refused beside the field, and what was typed stays
                page.fill("#f-title", decision);
                page.click("button:has-text('Record decision')");
                assertThat(page.locator("#e-rationale")).containsText("say why it was decided");
                assertThat(page.locator("#f-title")).hasValue(decision);
                checkAtBothWidths(page, "decisions-02-refused");

                page.fill("#f-rationale", reason);
                page.check("input[name=keyDecision]");
                page.getByLabel(Planted.PUBLIC_ITEM, new Page.GetByLabelOptions().setExact(true)).check();
                page.click("button:has-text('Record decision')");
                assertThat(page.locator(".flash")).containsText("Recorded the decision “" + decision + "”");
                assertThat(page.locator(".rm-decisions").first()).containsText(reason);
                checkAtBothWidths(page, "decisions-03-recorded");

                executiveLink = createLink(page, base, productId, "EXECUTIVE", "Board pack");
                customerLink = createLink(page, base, productId, "CUSTOMER", "Advisory board");
            }

            try (BrowserContext stranger = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                Page page = stranger.newPage();
                var response = page.navigate(executiveLink.replaceFirst("^https?://[^/]+", base));
                assertThat(response.status()).isEqualTo(200);
                assertThat(page.locator("body")).containsText("Key decisions");
                assertThat(page.locator("body")).containsText(decision);
                assertThat(page.locator("body")).containsText(reason);
                assertThat(page.locator("body")).containsText("Go at the go/no-go gate");
                checkAtBothWidths(page, "decisions-04-executive-share");

                var customer = page.navigate(customerLink.replaceFirst("^https?://[^/]+", base));
                assertThat(customer.status()).isEqualTo(200);
                String source = customer.text();
                String dom = page.content();
                for (String secret : List.of(decision, reason, "Wintergreen", Planted.SECRET_DECISION, Planted.SECRET_RATIONALE)) {
                    assertThat(source).as("customer HTML source").doesNotContain(secret);
                    assertThat(dom).as("customer DOM").doesNotContain(secret);
                }
            }
        }
    }

    private static String createLink(Page page, String base, long productId, String audience, String label) {
        page.navigate(base + "/products/" + productId + "/views");
        page.selectOption("#f-audience", audience);
        page.fill("#f-label", label);
        page.click("button:has-text('Create link')");
        assertThat(page.locator("#created-link")).isVisible();
        return page.locator("#created-link").innerText().trim();
    }

    /** Screenshots at desktop and phone width, each checked with axe; back to desktop width afterwards. */
    private static void checkAtBothWidths(Page page, String name) {
        try {
            for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
                page.setViewportSize(size[0], size[1]);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(SCREENSHOTS.resolve(name + (size[0] < 500 ? "-phone" : "-desktop") + ".png")));
                assertThat(accessibilityProblems(page)).as(name + " at " + size[0] + " px").isEmpty();
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                assertThat(overflow).as(name + " scrolls sideways at " + size[0] + " px").isEqualTo(false);
            }
        } finally {
            page.setViewportSize(1280, 900);
        }
    }

    static List<String> accessibilityProblems(Page page) {
        var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).analyze();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }
}
