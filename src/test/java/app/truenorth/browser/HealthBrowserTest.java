package app.truenorth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.DemoContributors;
import app.truenorth.workspace.DemoWorkspace;
import app.truenorth.workspace.Role;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's Health page as an editor uses it: the anti-goal finding on the sample roadmap, an anti-goal
 * refused beside its field, then added and removed; a view handed to two audiences on the Views page
 * shows up as one size fits all. Every page at desktop and phone width, checked with axe.
 */
@IntegrationTest
class HealthBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoContributors contributors;

    @Test
    void anEditorKeepsTheAntiGoalsAndSeesWhatTheyAndTheShareLinksFlag() {
        if (accounts.setupNeeded()) {
            accounts.setUp("first-owner@example.com", "First Owner", Fixtures.PASSWORD, "First workspace");
        }
        var owner = fixtures.owner();
        long atlas = demo(owner);

        signIn(page, owner.email(), Fixtures.PASSWORD);
        page.navigate("/products/" + atlas + "/health");
        assertThat(heading(page, "Anti-goals")).isVisible();
        assertThat(page.locator("#finding-anti-goal")).containsText("Idle-time report for fleet owners");
        assertThat(page.locator("#finding-anti-goal")).containsText("Reports for fleet owners instead of help for dispatchers");
        assertThat(page.locator("#finding-one-size-fits-all")).hasCount(0);
        pages.check(page, "demo");

        page.getByLabel("New anti-goal", exact()).fill("No, not a");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add anti-goal")).click();
        assertThat(page.locator("#e-text")).containsText("at least one significant word");
        assertThat(page.getByLabel("New anti-goal", exact())).hasValue("No, not a");
        pages.check(page, "anti-goal-refused");

        page.getByLabel("New anti-goal", exact()).fill("Build a custom integration for every large customer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add anti-goal")).click();
        assertThat(page.locator("#anti-goals li")).hasCount(3);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Remove the anti-goal “Build a custom integration for every large customer”")).click();
        assertThat(page.locator("#anti-goals li")).hasCount(2);

        // the Engineering view handed to executives and to sales: one size fits all
        page.navigate("/products/" + atlas + "/views");
        for (String[] link : List.of(new String[] {"EXECUTIVE", "Board pack"}, new String[] {"SALES", "Sales kick-off deep dive"})) {
            page.selectOption("#f-audience", "ENGINEERING");
            page.selectOption("#f-shared-with", link[0]);
            page.getByLabel("Who is it for?", exact()).fill(link[1]);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create link")).click();
            assertThat(page.locator("#created-link")).isVisible();
        }
        assertThat(page.locator("#share-links")).containsText("not their own view");
        pages.check(page, "views-shared-with");
        page.navigate("/products/" + atlas + "/health");
        assertThat(page.locator("#finding-one-size-fits-all"))
                .containsText("The view “Engineering” is shared with 2 audiences: Executives, Sales.");
        pages.check(page, "one-size-fits-all");
    }

    /** Atlas Fleet as the demo seeds it, in a workspace of its own; its id. */
    private long demo(Fixtures.Person owner) {
        var people = Map.of("OWNER", owner.userId(), "EDITOR", fixtures.member(owner, Role.EDITOR).userId(),
                "CONTRIBUTOR", fixtures.member(owner, Role.CONTRIBUTOR).userId(), "VIEWER", fixtures.member(owner, Role.VIEWER).userId());
        long atlas = fixtures.product(owner, "Atlas Fleet").id();
        long beacon = fixtures.product(owner, "Beacon Driver App").id();
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            contributors.contribute(new DemoWorkspace(owner.workspaceId(), owner.userId(), people, List.of(
                    new DemoWorkspace.DemoProduct("atlas", atlas, "Atlas Fleet"),
                    new DemoWorkspace.DemoProduct("beacon", beacon, "Beacon Driver App"))));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return atlas;
    }
}
