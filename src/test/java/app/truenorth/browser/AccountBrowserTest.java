package app.truenorth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.workspace.Accounts;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * What a signed-in person does around their account and the shell: signing in with a wrong password,
 * signing out, changing the password, API tokens, the sections still to come, the keyboard path into
 * the page, and the error pages.
 *
 * <p>An application context (and database) of its own, so failed sign-ins from other test classes on
 * the same address can never throttle these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "truenorth.test.browser=account")
@Import(Fixtures.class)
class AccountBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;

    Fixtures.Person owner;

    @BeforeEach
    void someoneSetUpThisInstallation() {
        // the sign-in page sends everyone to setup until the installation has its first owner
        if (accounts.setupNeeded()) {
            accounts.setUp("first-owner@example.com", "First Owner", Fixtures.PASSWORD, "First workspace");
        }
        owner = fixtures.owner();
    }

    @Test
    void wrongPasswordShowsTheErrorAndKeepsYouOut() {
        page.navigate("/login");
        assertThat(heading(page, "Sign in")).isVisible();
        pages.check(page, "sign-in");

        signIn(page, owner.email(), "not-the-password");
        assertThat(page).hasURL(Pattern.compile("/login\\?error"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("That email and password don't match an account.");
        pages.check(page, "sign-in-error");

        page.navigate("/products");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(heading(page, "Sign in")).isVisible();
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(page, owner.email(), Fixtures.PASSWORD);
        assertThat(heading(page, "Products")).isVisible();

        openUserMenu(page);
        pages.check(page, "user-menu-open");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?signedOut$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You signed out.");
        pages.check(page, "signed-out");

        page.navigate("/products");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void changingThePasswordMeansSigningInWithTheNewOne() {
        String newPassword = "a-brand-new-secret-42";
        signIn(page, owner.email(), Fixtures.PASSWORD);
        openUserMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account & password")).click();
        assertThat(heading(page, "Change password")).isVisible();
        pages.check(page, "account");

        // a wrong current password is reported beside that field, and nothing changes
        page.getByLabel("Current password", exact()).fill("not-the-password");
        page.getByLabel("New password", exact()).fill(newPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        Locator current = page.getByLabel("Current password", exact());
        assertThat(current).hasAttribute("aria-invalid", "true");
        assertThat(current).hasAccessibleDescription("This is not your current password.");
        assertThat(current).isFocused();
        pages.check(page, "account-wrong-current-password");

        current.fill(Fixtures.PASSWORD);
        page.getByLabel("New password", exact()).fill(newPassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your password was changed.");
        pages.check(page, "account-password-changed");

        openUserMenu(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?signedOut$"));

        signIn(page, owner.email(), Fixtures.PASSWORD);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("That email and password don't match an account.");

        signIn(page, owner.email(), newPassword);
        assertThat(heading(page, "Products")).isVisible();
    }

    @Test
    void anApiTokenIsShownOnceAndStopsWorkingWhenRevoked() {
        signIn(page, owner.email(), Fixtures.PASSWORD);
        openUserMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
        assertThat(heading(page, "API tokens")).isVisible();
        assertThat(page.getByText("You have no tokens yet.")).isVisible();
        pages.check(page, "tokens-empty");

        page.getByLabel("Name", exact()).fill("CI pipeline");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        Locator secretField = page.getByLabel("Token", exact());
        assertThat(secretField).hasValue(Pattern.compile("\\S{20,}"));
        String secret = secretField.inputValue();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("CI pipeline");
        pages.check(page, "tokens-created");

        APIRequestContext api = apiClient(secret);
        APIResponse before = api.get("/api/v1/products");
        Assertions.assertThat(before.status()).as(before.text()).isEqualTo(200);

        // shown once: reloading the list does not show the secret again
        page.navigate("/account/tokens");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("CI pipeline");
        assertThat(page.getByLabel("Token", exact())).hasCount(0);
        Assertions.assertThat(page.content()).doesNotContain(secret);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke CI pipeline")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Revoked CI pipeline. It stops working at once.");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("revoked");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke CI pipeline"))).hasCount(0);
        pages.check(page, "tokens-revoked");

        APIResponse after = api.get("/api/v1/products");
        Assertions.assertThat(after.status()).isEqualTo(401);
    }

    @Test
    void sectionsStillToComeSayWhatWillBeThere() {
        var product = fixtures.product(owner, "Beacon");
        signIn(page, owner.email(), Fixtures.PASSWORD);
        page.navigate("/products/" + product.id());
        assertThat(heading(page, product.name())).isVisible();

        for (String section : new String[] {"Alignment", "Execution", "Feedback"}) {
            navLink(page, section).click();
            assertThat(heading(page, section)).isVisible();
            assertThat(navLink(page, section)).hasAttribute("aria-current", "page");
            assertThat(heading(page, section + " is on its way")).isVisible();
            pages.check(page, "section-" + section.toLowerCase());
        }

        // on a phone the navigation is a sideways-scrolling row of tabs: the current one is scrolled into view
        page.setViewportSize(PageCheck.Viewport.PHONE.width, PageCheck.Viewport.PHONE.height);
        page.reload();
        assertThat(navLink(page, "Feedback")).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
        assertThat(navLink(page, "Overview")).not().isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
    }

    @Test
    void theHealthPageShowsTheScoreFindingsAndThresholds() {
        var product = fixtures.product(owner, "Lantern");
        signIn(page, owner.email(), Fixtures.PASSWORD);
        page.navigate("/products/" + product.id());
        navLink(page, "Health").click();
        assertThat(heading(page, "Roadmap health")).isVisible();
        assertThat(navLink(page, "Health")).hasAttribute("aria-current", "page");
        assertThat(heading(page, "Warning Set and forget")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save thresholds"))).isVisible();
        pages.check(page, "health");
    }

    @Test
    void productSettingsRenameTheProduct() {
        var product = fixtures.product(owner, "Compass");
        signIn(page, owner.email(), Fixtures.PASSWORD);
        page.navigate("/products/" + product.id());
        navLink(page, "Settings").click();
        assertThat(heading(page, "Product settings")).isVisible();
        pages.check(page, "product-settings");

        Locator name = page.getByLabel("Name", exact());
        name.fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(name).hasAccessibleDescription("Give the product a name.");
        assertThat(name).hasAttribute("aria-invalid", "true");
        assertThat(name).isFocused();
        pages.check(page, "product-settings-error");

        name.fill("Compass Pro");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(heading(page, "Compass Pro")).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved Compass Pro.");
    }

    @Test
    void aSecondWorkspaceBringsTheWorkspaceSwitcher() {
        var product = fixtures.product(owner, "Lighthouse");
        signIn(page, owner.email(), Fixtures.PASSWORD);
        navLink(page, "Members").click();
        page.getByLabel("Workspace name", exact()).fill("Skunkworks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Created workspace Skunkworks. You are its owner.");
        assertThat(page.getByText("No products yet")).isVisible();
        Locator switcher = page.getByRole(AriaRole.BANNER).getByLabel("Workspace", new Locator.GetByLabelOptions().setExact(true));
        assertThat(switcher).hasValue(Pattern.compile("\\d+"));
        assertThat(switcher.locator("option:checked")).hasText("Skunkworks");
        pages.check(page, "second-workspace");

        // choosing the first workspace again switches at once
        String first = switcher.locator("option").filter(new Locator.FilterOptions().setHasNotText("Skunkworks")).textContent();
        switcher.selectOption(new SelectOption().setLabel(first));
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Products")).getByRole(AriaRole.LINK))
                .containsText(new String[] {product.name()});
        assertThat(switcher.locator("option:checked")).hasText(first);
    }

    @Test
    void tabFromTheTopReachesTheSkipLinkWhichMovesFocusToTheContent() {
        // the sign-in page puts the cursor in the email field instead: that is all there is to do there
        signIn(page, owner.email(), Fixtures.PASSWORD);
        assertThat(heading(page, "Products")).isVisible();
        for (String path : new String[] {"/workspace/members", "/no-such-page"}) {
            for (PageCheck.Viewport viewport : PageCheck.Viewport.values()) {
                page.setViewportSize(viewport.width, viewport.height);
                page.navigate(path);
                Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"));
                page.keyboard().press("Tab");
                assertThat(skip).isFocused();
                assertThat(skip).isInViewport();
                page.keyboard().press("Enter");
                assertThat(page.locator("main#main")).isFocused();
                // the next Tab goes into the content, not back into the navigation
                page.keyboard().press("Tab");
                Assertions.assertThat((Boolean) page.evaluate("() => document.querySelector('main').contains(document.activeElement)"))
                        .as("focus after skipping to the content of " + path + " at " + viewport).isTrue();
            }
        }
    }

    @Test
    void unknownAndForeignPagesShowTheNotFoundPage() {
        var stranger = fixtures.owner();
        var foreign = fixtures.product(stranger, "Elsewhere");
        signIn(page, owner.email(), Fixtures.PASSWORD);

        Response missing = page.navigate("/products/" + foreign.id());
        Assertions.assertThat(missing.status()).isEqualTo(404);
        assertThat(heading(page, "We can't find that page")).isVisible();
        assertThat(page.locator("main")).not().containsText(foreign.name());
        pages.check(page, "not-found-signed-in");

        Response unknown = page.navigate("/no-such-page");
        Assertions.assertThat(unknown.status()).isEqualTo(404);
        assertThat(heading(page, "We can't find that page")).isVisible();

        Page anonymous = newPerson();
        Response invitation = anonymous.navigate("/invite/not-a-real-invitation");
        Assertions.assertThat(invitation.status()).isEqualTo(404);
        assertThat(heading(anonymous, "This invitation can't be used")).isVisible();
        pages.check(anonymous, "invitation-unusable");
    }

    private static void openUserMenu(Page page) {
        // the summary of the menu names the person; on phones only screen readers see the name
        page.getByRole(AriaRole.BANNER).locator("summary").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
    }
}
