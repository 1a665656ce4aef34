package app.truenorth.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.health.rules.Evidence;
import app.truenorth.health.rules.Finding;
import app.truenorth.health.rules.Rule;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.DemoContributors;
import app.truenorth.workspace.DemoWorkspace;
import app.truenorth.workspace.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's Atlas Fleet as every module seeds it (strategy session, roadmap, share links, thresholds,
 * anti-goals): its Health page flags exactly the initiative its anti-goals rule out, and its share links,
 * each handed to the audience whose view it shows, raise no one-size-fits-all finding.
 */
@IntegrationTest
class HealthDemoTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DemoContributors contributors;
    @Autowired
    Health health;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoFlagsTheIdleTimeReportAgainstItsAntiGoalAndNothingElse() {
        var owner = fixtures.owner();
        var people = Map.of("OWNER", owner.userId(), "EDITOR", fixtures.member(owner, Role.EDITOR).userId(),
                "CONTRIBUTOR", fixtures.member(owner, Role.CONTRIBUTOR).userId(), "VIEWER", fixtures.member(owner, Role.VIEWER).userId());
        long atlas = fixtures.product(owner, "Atlas Fleet").id();
        long beacon = fixtures.product(owner, "Beacon Driver App").id();
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contributors.contribute(new DemoWorkspace(owner.workspaceId(), owner.userId(), people, List.of(
                new DemoWorkspace.DemoProduct("atlas", atlas, "Atlas Fleet"),
                new DemoWorkspace.DemoProduct("beacon", beacon, "Beacon Driver App"))));

        HealthCheck check = health.check(atlas);
        assertThat(check.antiGoals()).extracting(AntiGoals.AntiGoal::text).containsExactlyElementsOf(HealthDemoContributor.DEMO_ANTI_GOALS);
        List<Finding> antiGoal = check.report().findings().stream().filter(f -> f.rule() == Rule.ANTI_GOAL).toList();
        assertThat(antiGoal).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("“Reports for fleet owners instead of help for dispatchers”");
            assertThat(f.evidence()).extracting(Evidence::label).singleElement()
                    .satisfies(label -> assertThat(label).startsWith("Idle-time report for fleet owners"));
        });

        assertThat(check.audiences()).extracting(a -> a.audience() + " → " + a.view() + " × " + a.linkCount())
                .containsExactlyInAnyOrder("Customers and partners → Customer-facing × 1", "Sales → Sales × 1");
        assertThat(check.report().findings()).noneMatch(f -> f.rule() == Rule.ONE_SIZE_FITS_ALL);
        assertThat(check.report().score()).isBetween(1, 79);
    }
}
