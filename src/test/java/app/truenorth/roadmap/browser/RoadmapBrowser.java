package app.truenorth.roadmap.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for the roadmap journeys: one browser per test class,
 * screenshots into target/screenshots. Kept in this package so it does not depend on other modules'
 * browser helpers.
 */
final class RoadmapBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    final Page page;
    private final String baseUrl;

    private RoadmapBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(java.util.List.of("--no-sandbox", "--disable-dev-shm-usage")));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static RoadmapBrowser open(int port) {
        return new RoadmapBrowser("http://127.0.0.1:" + port);
    }

    void go(String path) {
        page.navigate(baseUrl + path);
    }

    void signIn(String email, String password) {
        go("/login");
        if (page.locator("#username").count() == 0) {
            throw new IllegalStateException("No sign-in form at " + page.url() + ":\n" + page.content());
        }
        page.fill("#username", email);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Drags with the mouse in small steps, as a person would; SortableJS then sees a real pointer drag. */
    void drag(Locator card, Locator target) {
        card.scrollIntoViewIfNeeded();
        var from = card.boundingBox();
        var to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + 12);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2 + 5, from.y + 18, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 60), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.waitForTimeout(150);
        page.mouse().up();
    }

    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
