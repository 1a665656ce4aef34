package app.truenorth.session;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Starts Debian's Chromium through Playwright (no browser download) and saves screenshots under target/screenshots. */
final class Browsers implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    final Playwright playwright;
    final Browser browser;

    Browsers() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** A fresh browser context (its own cookies) signed in as the given person. */
    Page signedIn(String baseUrl, String email, String password) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setAcceptDownloads(true));
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        var response = page.navigate(baseUrl + "/login");
        if (response == null || !response.ok() || page.locator("#username").count() == 0) {
            screenshot(page, "sign-in-failed");
            throw new IllegalStateException("The sign-in page did not load: " + (response == null ? "no response"
                    : response.status() + " " + page.url()) + "\n" + page.content());
        }
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForLoadState();
        return page;
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
