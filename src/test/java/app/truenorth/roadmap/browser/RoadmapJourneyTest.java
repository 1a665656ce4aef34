package app.truenorth.roadmap.browser;

import app.truenorth.roadmap.Initiatives;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The roadmap journey in a real browser: build a roadmap through the forms, drag cards on the horizon
 * and kanban boards, read the timeline, save a snapshot, change things and read the diff; a move that
 * collides with someone else's edit is reported and not applied. Screenshots of the five formats go
 * to target/screenshots.
 */
@IntegrationTest
class RoadmapJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    Initiatives initiatives;
    @Autowired
    JdbcClient jdbc;

    record Item(String title, String theme, String horizon, String stage, String team, String low, String high, String quarter,
            String start, String end, String objective) {
    }

    @Test
    void buildDragReadTheTimelineSnapshotAndDiff() throws Exception {
        assumeTrue(RoadmapBrowser.available(), "Chromium is not installed at /usr/bin/chromium");
        Files.createDirectories(RoadmapBrowser.SCREENSHOTS);
        // fixtures make accounts directly, so the first-run setup page would otherwise stand in front of sign-in
        if (jdbc.sql("select count(*) from instance_setup").query(Long.class).single() == 0) {
            try {
                jdbc.sql("insert into instance_setup (id, done_at) values (1, current_timestamp)").update();
            } catch (DuplicateKeyException e) {
                // another test did it first
            }
        }
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        String base = "/products/" + productId + "/roadmap";

        try (RoadmapBrowser browser = RoadmapBrowser.open(port)) {
            Page page = browser.page;
            browser.signIn(owner.email(), Fixtures.PASSWORD);

            // three themes and two objectives through the forms
            for (String theme : new String[] {"Self-serve", "Monetisation", "Enterprise"}) {
                browser.go(base + "/themes");
                page.fill("#f-name", theme);
                page.click("button:has-text('Add theme')");
                assertThat(page.locator(".flash")).containsText("Added theme " + theme);
            }
            addObjective(browser, base, "Activation", "Trial-to-paid conversion", "10", "20", "14");
            addObjective(browser, base, "Enterprise deals", "Enterprise accounts", "4", "12", "5");
            // a target in the impossible direction is refused beside the field
            browser.go(base + "/objectives");
            page.fill("#f-title", "Churn");
            page.fill("#f-metric", "Monthly churn");
            page.selectOption("#f-direction", "DECREASE");
            page.fill("#f-baseline", "5");
            page.fill("#f-target", "8");
            page.click("button:has-text('Add objective')");
            assertThat(page.locator("#e-target")).containsText("must be below the baseline (5)");

            Item[] items = {
                new Item("Guided setup", "Self-serve", "NEXT", "DISCOVERY", "Growth", "3", "5", "2027-Q1", "", "", "Activation"),
                new Item("Template gallery", "Self-serve", "NOW", "BUILDING", "Growth", "2", "3", "", "2026-11-01", "2026-12-20", "Activation"),
                new Item("Usage billing", "Monetisation", "NEXT", "IDEA", "Billing", "6", "8", "2027-Q1", "", "", ""),
                new Item("Annual plans", "Monetisation", "LATER", "IDEA", "Billing", "2", "4", "", "", "", ""),
                new Item("SSO with Okta", "Enterprise", "NOW", "DISCOVERY", "Platform", "3", "4", "", "2026-11-15", "2027-01-15", "Enterprise deals"),
                new Item("Audit export", "Enterprise", "NEXT", "IDEA", "Platform", "2", "3", "2027-Q1", "", "", "Enterprise deals"),
                new Item("Role-based access", "Enterprise", "LATER", "IDEA", "Platform", "4", "6", "2027-Q2", "", "", "Enterprise deals"),
                new Item("Onboarding emails", "Self-serve", "NOW", "DISCOVERY", "Growth", "1", "2", "", "", "", "Activation"),
            };
            for (Item item : items) {
                addInitiative(browser, base, item);
            }
            // a negative effort is refused beside the field, and nothing is added
            browser.go(base + "/initiatives/new");
            page.fill("#f-title", "Broken estimate");
            page.fill("#f-effortLow", "-1");
            page.fill("#f-effortHigh", "2");
            page.click("button:has-text('Add initiative')");
            assertThat(page.locator("#e-effortLow")).hasText("must not be negative");

            addDependency(browser, base, "Guided setup", "Template gallery");
            addDependency(browser, base, "Audit export", "SSO with Okta");
            // closing the loop is refused and the cycle named
            openInitiative(browser, base, "SSO with Okta");
            page.selectOption("#f-requiredId", new SelectOption().setLabel("Audit export"));
            page.click("button:has-text('Add dependency')");
            assertThat(page.locator("#e-requiredId")).containsText("“SSO with Okta” → “Audit export” → “SSO with Okta”");

            // horizon board: drag Guided setup from Next to Now; it is saved at once
            browser.go(base + "/horizon");
            assertThat(page.locator(".rm-drop[data-column=NOW] .rm-card")).hasCount(3);
            browser.drag(card(page, "Guided setup"), page.locator(".rm-drop[data-column=NOW]"));
            assertThat(page.locator(".rm-move-ok")).containsText("Moved “Guided setup” to Now");
            page.reload();
            assertThat(page.locator(".rm-drop[data-column=NOW] .rm-card[data-title='Guided setup']")).hasCount(1);
            browser.screenshot("roadmap-horizon");

            // kanban: drag SSO with Okta from Discovery to Building
            browser.go(base + "/kanban");
            browser.drag(card(page, "SSO with Okta"), page.locator(".rm-drop[data-column=BUILDING]"));
            assertThat(page.locator(".rm-move-ok")).containsText("Building");
            page.reload();
            assertThat(page.locator(".rm-drop[data-column=BUILDING] .rm-card[data-title='SSO with Okta']")).hasCount(1);
            browser.screenshot("roadmap-kanban");

            // someone else moves Audit export while this page is open: the drag is reported, not applied
            browser.go(base + "/horizon");
            asOwner(owner, () -> {
                var audit = roadmaps.load(productId).initiatives().stream()
                        .filter(s -> s.value().title().equals("Audit export")).findFirst().orElseThrow();
                initiatives.move(productId, audit.value().id(), Horizon.LATER, audit.version());
            });
            browser.drag(card(page, "Audit export"), page.locator(".rm-drop[data-column=NOW]"));
            assertThat(page.locator(".rm-move-error")).containsText("was not saved");
            assertThat(page.locator(".rm-drop[data-column=LATER] .rm-card[data-title='Audit export']")).hasCount(1);

            // the timeline: lanes, bars for all eight, arrows, today's line
            browser.go(base + "/timeline");
            assertThat(page.locator("svg.timeline .tl-bar")).hasCount(8);
            assertThat(page.locator("svg.timeline .tl-dep")).hasCount(2);
            assertThat(page.locator("svg.timeline .tl-today")).hasCount(1);
            assertThat(page.locator("svg.timeline .tl-lane-label").first()).hasText("Enterprise");
            browser.screenshot("roadmap-timeline");
            browser.go(base + "/theme");
            assertThat(page.locator(".rm-theme")).hasCount(3);
            browser.screenshot("roadmap-theme");
            browser.go(base + "/goal");
            assertThat(page.locator(".rm-goal").first()).containsText("from 10 % to 20 %, now 14 %");
            browser.screenshot("roadmap-goal");
            // a filter is kept in the URL and follows to another format
            page.selectOption("select[name=theme]", new SelectOption().setLabel("Enterprise"));
            page.waitForURL(url -> url.contains("theme="));
            page.click(".rm-tabs a:has-text('Kanban')");
            assertThat(page.locator(".rm-card")).hasCount(3);

            // snapshot, change things, read the diff
            browser.go(base + "/snapshots");
            page.fill("#f-name", "Board, November");
            page.click("button:has-text('Save snapshot')");
            assertThat(page.locator(".flash")).containsText("with 8 initiatives");
            openInitiative(browser, base, "Usage billing");
            page.click("a:has-text('Edit')");
            page.fill("#f-effortLow", "8");
            page.fill("#f-effortHigh", "12");
            page.selectOption("#f-horizon", "NOW");
            page.click("button:has-text('Save initiative')");
            assertThat(page.locator(".flash")).containsText("Saved Usage billing");
            browser.go(base + "/snapshots");
            page.click("button:has-text('Show what changed')");
            assertThat(page.locator(".rm-diff")).containsText("“Usage billing” moved from Next to Now");
            assertThat(page.locator(".rm-diff")).containsText("effort 6–8 person-weeks → 8–12 person-weeks");
            browser.screenshot("roadmap-diff");

            browser.go(base + "/analysis");
            assertThat(page.locator("body")).containsText("Critical path");
            browser.screenshot("roadmap-analysis");
        }
    }

    private void asOwner(Fixtures.Person owner, Runnable action) {
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Locator card(Page page, String title) {
        return page.locator(".rm-card[data-title='" + title + "']");
    }

    private static void addObjective(RoadmapBrowser browser, String base, String title, String metric, String baseline,
            String target, String current) {
        Page page = browser.page;
        browser.go(base + "/objectives");
        page.fill("#f-title", title);
        page.fill("#f-metric", metric);
        page.fill("#f-unit", "%");
        page.fill("#f-baseline", baseline);
        page.fill("#f-target", target);
        page.fill("#f-current", current);
        page.fill("#f-due", "2027-06-30");
        page.click("button:has-text('Add objective')");
        assertThat(page.locator(".flash")).containsText("Added objective " + title);
    }

    private static void addInitiative(RoadmapBrowser browser, String base, Item item) {
        Page page = browser.page;
        browser.go(base + "/initiatives/new");
        page.fill("#f-title", item.title());
        page.selectOption("#f-themeId", new SelectOption().setLabel(item.theme()));
        page.selectOption("#f-horizon", item.horizon());
        page.selectOption("#f-stage", item.stage());
        page.fill("#f-team", item.team());
        page.fill("#f-effortLow", item.low());
        page.fill("#f-effortHigh", item.high());
        page.fill("#f-quarter", item.quarter());
        page.fill("#f-startDate", item.start());
        page.fill("#f-endDate", item.end());
        if (!item.objective().isEmpty()) {
            page.getByLabel(item.objective(), new Page.GetByLabelOptions().setExact(true)).check();
        }
        page.fill("#f-reach", "400");
        page.selectOption("#f-impact", "2");
        page.click("button:has-text('Add initiative')");
        assertThat(page.locator(".flash")).containsText("Added initiative " + item.title());
    }

    private static void openInitiative(RoadmapBrowser browser, String base, String title) {
        browser.go(base + "/theme");
        browser.page.click(".rm-card h3 a:text-is('" + title + "')");
        assertThat(browser.page.locator("h1")).hasText(title);
    }

    private static void addDependency(RoadmapBrowser browser, String base, String dependent, String required) {
        openInitiative(browser, base, dependent);
        browser.page.selectOption("#f-requiredId", new SelectOption().setLabel(required));
        browser.page.click("button:has-text('Add dependency')");
        assertThat(browser.page.locator(".flash")).containsText("Added the dependency");
        assertThat(browser.page.locator("body")).containsText(required);
    }

}
