package app.truenorth.browser;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's Chromium against the application on its random port: one browser per test class,
 * a fresh browser context (cookies, storage) per person in a test. Subclasses carry their own
 * {@code @SpringBootTest}, so each decides which application context, and so which database, it uses.
 */
abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<APIRequestContext> apiClients = new ArrayList<>();
    /** The first person's page, opened before each test. */
    Page page;
    /** Screenshots and accessibility checks, named after the test. */
    PageCheck pages;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage(TestInfo info) {
        String name = getClass().getSimpleName().replace("BrowserTest", "")
                + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test");
        pages = new PageCheck(name);
        page = newPerson();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        apiClients.forEach(APIRequestContext::dispose);
        apiClients.clear();
    }

    /** An HTTP client for the REST API that sends the bearer token and no browser cookies. */
    APIRequestContext apiClient(String bearerToken) {
        APIRequestContext api = playwright.request().newContext(new APIRequest.NewContextOptions()
                .setBaseURL(url(""))
                .setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + bearerToken)));
        apiClients.add(api);
        return api;
    }

    /** A page in a new browser context: another person on another machine, signed out. */
    Page newPerson() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(PageCheck.Viewport.DESKTOP.width, PageCheck.Viewport.DESKTOP.height));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in on the sign-in page, as a person would. */
    static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email", exact()).fill(email);
        page.getByLabel("Password", exact()).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** The page's main heading with exactly this text. */
    static Locator heading(Page page, String text) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    /** A link in the main navigation. */
    static Locator navLink(Page page, String text) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text).setExact(true));
    }

    static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }
}
