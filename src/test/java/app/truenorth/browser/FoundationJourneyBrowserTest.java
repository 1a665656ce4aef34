package app.truenorth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The first hour of a new installation, as two people live it in their browsers: the owner sets up
 * TrueNorth, creates a product and invites a colleague as a viewer; the colleague joins through the
 * link and can read the product but not change it.
 *
 * <p>The property gives this class an application context, and so a database, of its own: the first
 * visit must find an installation nobody has set up yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "truenorth.test.browser=first-run")
class FoundationJourneyBrowserTest extends BrowserTest {

    private static final String OWNER_EMAIL = "olivia@acme.example";
    private static final String OWNER_PASSWORD = "north-star-2026";
    private static final String VIEWER_EMAIL = "victor@acme.example";
    private static final String VIEWER_PASSWORD = "read-only-please";

    @Test
    void ownerSetsUpAndInvitesAViewerWhoCanReadButNotEdit() {
        // first visit: nobody has set up this installation yet
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile("/setup$"));
        assertThat(heading(page, "Set up TrueNorth")).isVisible();
        pages.check(page, "setup");

        // a too-short password is refused beside the field; what was typed elsewhere stays
        page.getByLabel("Your name", exact()).fill("Olivia Owner");
        page.getByLabel("Email", exact()).fill(OWNER_EMAIL);
        page.getByLabel("Password", exact()).fill("short");
        page.getByLabel("Workspace name", exact()).fill("Acme Mobility");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();
        Locator password = page.getByLabel("Password", exact());
        assertThat(password).hasAttribute("aria-invalid", "true");
        assertThat(password).hasAccessibleDescription("Use at least 10 characters.");
        assertThat(password).isFocused();
        assertThat(page.getByLabel("Email", exact())).hasValue(OWNER_EMAIL);
        pages.check(page, "setup-error");

        page.getByLabel("Your name", exact()).fill("Olivia Owner");
        page.getByLabel("Email", exact()).fill(OWNER_EMAIL);
        page.getByLabel("Password", exact()).fill(OWNER_PASSWORD);
        page.getByLabel("Workspace name", exact()).fill("Acme Mobility");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?setup$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your workspace is ready");
        pages.check(page, "sign-in-after-setup");

        signIn(page, OWNER_EMAIL, OWNER_PASSWORD);
        assertThat(heading(page, "Products")).isVisible();
        assertThat(page.locator(".role-badge")).hasText("Owner");
        assertThat(page.getByText("No products yet")).isVisible();
        pages.check(page, "products-empty");

        // a product
        page.getByLabel("Name", exact()).fill("Atlas");
        page.getByLabel("Description", exact()).fill("Fleet tracking for city bike operators.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product")).click();
        assertThat(heading(page, "Atlas")).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Created Atlas.");
        pages.check(page, "product-overview");
        String productPath = URI.create(page.url()).getPath();
        Assertions.assertThat(productPath).matches("/products/\\d+");

        // an invitation for a viewer; the link is shown once
        navLink(page, "Members").click();
        assertThat(heading(page, "Members")).isVisible();
        pages.check(page, "members");
        Locator viewerRole = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Viewer").setExact(true));
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Role"))).isVisible();
        viewerRole.check();
        assertThat(viewerRole).isChecked();
        page.getByLabel("Note (optional)", exact()).fill("Victor from sales");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation link")).click();
        Locator link = page.getByLabel("Invitation link", exact());
        assertThat(link).hasValue(Pattern.compile("^http://localhost:\\d+/invite/\\S{20,}$"));
        assertThat(heading(page, "Invitation link for a new viewer")).isVisible();
        String invitation = link.inputValue();
        pages.check(page, "members-invitation-link");

        // the owner can see what happened so far
        navLink(page, "Audit log").click();
        assertThat(heading(page, "Audit log")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Invited a new viewer (Victor from sales)");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Atlas");
        pages.check(page, "audit-log");
        navLink(page, "All products").click();
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Products")).getByRole(AriaRole.LINK))
                .containsText(new String[] {"Atlas"});
        pages.check(page, "products-with-one");

        // the colleague, in a browser of their own
        Page viewer = newPerson();
        viewer.navigate(invitation);
        assertThat(heading(viewer, "Join Acme Mobility")).isVisible();
        assertThat(viewer.locator("main")).containsText("Olivia Owner invited you as viewer");
        pages.check(viewer, "invitation");
        viewer.getByLabel("Your name", exact()).fill("Victor Viewer");
        viewer.getByLabel("Email", exact()).fill(VIEWER_EMAIL);
        viewer.getByLabel("Password", exact()).fill(VIEWER_PASSWORD);
        viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();
        assertThat(viewer).hasURL(Pattern.compile("/login\\?joined$"));
        assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("Your account is ready");
        pages.check(viewer, "sign-in-after-joining");

        signIn(viewer, VIEWER_EMAIL, VIEWER_PASSWORD);
        assertThat(heading(viewer, "Products")).isVisible();
        assertThat(viewer.locator(".role-badge")).hasText("Viewer");
        Locator productCards = viewer.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Products"))
                .getByRole(AriaRole.LINK);
        assertThat(productCards).hasCount(1);
        assertThat(productCards).containsText("Atlas");
        assertThat(heading(viewer, "New product")).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product"))).hasCount(0);
        pages.check(viewer, "products-as-viewer");

        productCards.click();
        assertThat(heading(viewer, "Atlas")).isVisible();
        assertThat(viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit product"))).hasCount(0);
        assertThat(navLink(viewer, "Settings")).hasCount(0);
        assertThat(navLink(viewer, "Roadmap")).isVisible();
        assertThat(navLink(viewer, "Audit log")).hasCount(0);
        pages.check(viewer, "product-as-viewer");

        navLink(viewer, "Members").click();
        assertThat(heading(viewer, "Members")).isVisible();
        assertThat(viewer.getByRole(AriaRole.TABLE)).containsText("Olivia Owner");
        assertThat(heading(viewer, "Invite someone")).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation link"))).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.COMBOBOX)).hasCount(0);
        pages.check(viewer, "members-as-viewer");

        // going straight to the settings page is refused
        Response settings = viewer.navigate(productPath + "/settings");
        Assertions.assertThat(settings.status()).isEqualTo(403);
        assertThat(heading(viewer, "You can't do that here")).isVisible();
        pages.check(viewer, "forbidden-settings");

        // and so is posting the settings form, even with a valid CSRF token from the viewer's own session
        viewer.navigate(productPath);
        Response post = viewer.waitForResponse(
                r -> r.request().method().equals("POST") && r.url().endsWith(productPath + "/settings"),
                () -> viewer.evaluate("""
                        path => {
                          const csrf = document.querySelector('form[action="/logout"] input[type=hidden]');
                          const form = document.createElement('form');
                          form.method = 'post';
                          form.action = path + '/settings';
                          for (const [name, value] of [[csrf.name, csrf.value], ['name', 'Hijacked'], ['description', ''], ['version', '0']]) {
                            const input = document.createElement('input');
                            input.type = 'hidden';
                            input.name = name;
                            input.value = value;
                            form.append(input);
                          }
                          document.body.append(form);
                          form.submit();
                        }""", productPath));
        Assertions.assertThat(post.status()).isEqualTo(403);
        assertThat(heading(viewer, "You can't do that here")).isVisible();
        pages.check(viewer, "forbidden-post");

        // nothing changed: the owner still sees the product as it was
        page.navigate(productPath);
        assertThat(heading(page, "Atlas")).isVisible();
        assertThat(heading(page, "Hijacked")).hasCount(0);
    }
}
