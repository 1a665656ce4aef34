package app.truenorth.roadmap;

import app.truenorth.roadmap.RoadmapInputs.DependencyInput;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ObjectiveInput;
import app.truenorth.roadmap.RoadmapInputs.RiskInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic sample roadmap for the demo workspace: four themes, three objectives, a dozen
 * initiatives across the horizons with dependencies and risks, and a snapshot from "the last board
 * meeting" with changes since, so every format, the analysis and the diff have something to show.
 * Dates are relative to today. It goes through {@link Roadmaps}, so call it as a member who may edit
 * the product (the demo seeder acts as the demo workspace's owner).
 */
@Service
public class RoadmapSamples {

    private final Roadmaps roadmaps;
    private final Clock clock;

    RoadmapSamples(Roadmaps roadmaps, Clock clock) {
        this.roadmaps = roadmaps;
        this.clock = clock;
    }

    private record Sample(String title, String description, String theme, Horizon horizon, Stage stage, String team, String low,
            String high, int confidence, int quarterOffset, boolean dated, List<String> objectives, Visibility visibility,
            String link, int reach, String impact) {
    }

    @Transactional
    public void fill(long productId) {
        LocalDate today = LocalDate.now(clock);
        Quarter now = Quarter.of(today);
        Map<String, Long> themes = new HashMap<>();
        for (String[] t : new String[][] {
                {"Self-serve onboarding", "Teams start and succeed without talking to sales."},
                {"Monetisation", "Pricing and billing that grow with the customer."},
                {"Enterprise readiness", "What large customers' security and IT teams ask for."},
                {"Reliability", "Fast and dependable, so nobody thinks twice about it."}}) {
            themes.put(t[0], roadmaps.createTheme(productId, new ThemeInput(t[0], t[1])).value().id());
        }
        Map<String, Long> objectives = new HashMap<>();
        objectives.put("Activation", roadmaps.createObjective(productId, new ObjectiveInput("Activation", "Trial-to-paid conversion",
                "%", Direction.INCREASE, new BigDecimal("8"), new BigDecimal("15"), new BigDecimal("10.5"),
                now.next().next().end())).value().id());
        objectives.put("Retention", roadmaps.createObjective(productId, new ObjectiveInput("Expansion", "Net revenue retention", "%",
                Direction.INCREASE, new BigDecimal("98"), new BigDecimal("110"), new BigDecimal("101"),
                now.next().next().next().end())).value().id());
        objectives.put("Speed", roadmaps.createObjective(productId, new ObjectiveInput("Fast everywhere", "P95 page load", "ms",
                Direction.DECREASE, new BigDecimal("1800"), new BigDecimal("800"), new BigDecimal("1300"), now.next().end()))
                .value().id());

        List<Sample> samples = List.of(
                new Sample("Guided setup", "A checklist that takes a new team from sign-up to its first roadmap.", "Self-serve onboarding",
                        Horizon.NOW, Stage.BUILDING, "Growth", "3", "5", 80, 0, true, List.of("Activation"), Visibility.EXTERNAL,
                        "Set up in minutes", 1200, "2"),
                new Sample("Template gallery", "Roadmap templates for common product types.", "Self-serve onboarding", Horizon.NOW,
                        Stage.DISCOVERY, "Growth", "2", "3", 70, 0, false, List.of("Activation"), Visibility.EXTERNAL,
                        "Set up in minutes", 900, "1"),
                new Sample("Onboarding emails", "Lifecycle emails timed to what a trial team has not done yet.", "Self-serve onboarding",
                        Horizon.NEXT, Stage.IDEA, "Growth", "1", "2", 60, 1, false, List.of("Activation"), Visibility.INTERNAL,
                        null, 1500, "0.5"),
                new Sample("Usage-based billing", "Charge by active editors instead of seats.", "Monetisation", Horizon.NEXT,
                        Stage.DISCOVERY, "Billing", "6", "9", 50, 1, true, List.of("Retention"), Visibility.INTERNAL,
                        "Pay for what you use", 400, "3"),
                new Sample("Annual plans", "Annual prepaid plans with a discount.", "Monetisation", Horizon.LATER, Stage.IDEA, "Billing",
                        "2", "4", 50, 3, false, List.of("Retention"), Visibility.EXTERNAL, null, 300, "1"),
                new Sample("Single sign-on", "SAML and OIDC sign-in with Okta, Entra ID and Google.", "Enterprise readiness", Horizon.NOW,
                        Stage.BUILDING, "Platform", "3", "4", 90, 0, true, List.of("Retention"), Visibility.EXTERNAL,
                        "Enterprise-grade security", 250, "2"),
                new Sample("Audit log export", "Stream the audit trail to the customer's SIEM.", "Enterprise readiness", Horizon.NEXT,
                        Stage.IDEA, "Platform", "2", "3", 70, 1, true, List.of("Retention"), Visibility.EXTERNAL,
                        "Enterprise-grade security", 150, "1"),
                new Sample("Role-based access", "Custom roles per product.", "Enterprise readiness", Horizon.LATER, Stage.IDEA, "Platform",
                        "4", "6", 40, 2, false, List.of(), Visibility.INTERNAL, null, 200, "1"),
                new Sample("Page speed budget", "Budgets per page in CI; fail the build when a page gets slower.", "Reliability",
                        Horizon.NOW, Stage.RELEASED, "Platform", "1", "2", 90, 0, true, List.of("Speed"), Visibility.INTERNAL, null,
                        3000, "0.5"),
                new Sample("Read replicas", "Serve dashboards from PostgreSQL replicas.", "Reliability", Horizon.NEXT, Stage.DISCOVERY,
                        "Platform", "4", "6", 60, 1, false, List.of("Speed"), Visibility.INTERNAL, null, 3000, "1"),
                new Sample("Offline mode", "Edit the roadmap on a plane.", "Reliability", Horizon.LATER, Stage.IDEA, "Mobile", "8", "12",
                        30, 3, false, List.of(), Visibility.INTERNAL, null, 100, "0.5"),
                new Sample("Dark mode", "Because people keep asking.", null, Horizon.LATER, Stage.IDEA, "Growth", "1", "2", 80, 3, false,
                        List.of(), Visibility.EXTERNAL, null, 800, "0.25"));
        Map<String, Stored<app.truenorth.roadmap.domain.Initiative>> made = new HashMap<>();
        long ref = 1;
        for (Sample s : samples) {
            Quarter q = now;
            for (int k = 0; k < s.quarterOffset(); k++) {
                q = q.next();
            }
            LocalDate start = s.dated() ? q.start().plusDays(14) : null;
            LocalDate end = s.dated() ? q.start().plusDays(14 + 7L * Integer.parseInt(s.high())) : null;
            var initiative = roadmaps.createInitiative(productId, new InitiativeInput(s.title(), s.description(),
                    s.theme() == null ? null : themes.get(s.theme()), s.objectives().stream().map(objectives::get).toList(), s.horizon(),
                    s.stage(), s.team(), new BigDecimal(s.low()), new BigDecimal(s.high()), s.confidence(),
                    s.dated() || s.horizon() == Horizon.LATER ? null : q.toString(), start, end, s.visibility(),
                    s.link() == null ? null : LinkKind.DIFFERENTIATOR, s.link() == null ? null : ref++, s.link(),
                    new ScoreInputs(BigDecimal.valueOf(s.reach()), new BigDecimal(s.impact()), null, null, null, null, null, null, null,
                            null)));
            made.put(s.title(), initiative);
        }
        depend(productId, made, "Template gallery", "Guided setup");
        depend(productId, made, "Audit log export", "Single sign-on");
        depend(productId, made, "Role-based access", "Single sign-on");
        depend(productId, made, "Annual plans", "Usage-based billing");
        roadmaps.addDependency(productId, new DependencyInput(made.get("Usage-based billing").value().id(), null,
                ExternalKind.TECHNOLOGY, "Stripe usage records API", "Needs metered billing enabled on the account"));

        roadmaps.createRisk(productId, new RiskInput(made.get("Single sign-on").value().id(), "Identity provider quirks delay SSO",
                3, 4, "Test against Okta and Entra ID sandboxes from week one", "Platform lead"));
        roadmaps.createRisk(productId, new RiskInput(made.get("Usage-based billing").value().id(),
                "Customers read usage pricing as a price rise", 4, 4, "Grandfather current plans for a year; publish a calculator",
                "Head of product"));
        roadmaps.createRisk(productId, new RiskInput(null, "Two engineers on parental leave next quarter", 5, 2,
                "Keep Next small; no new Now items until they are back", "Engineering manager"));

        // the last board meeting saw an earlier version; what changed since shows in the diff
        roadmaps.takeSnapshot(productId, "Last board meeting");
        var emails = made.get("Onboarding emails");
        roadmaps.moveInitiative(productId, emails.value().id(), Horizon.NOW, emails.version());
        var replicas = made.get("Read replicas");
        roadmaps.changeStage(productId, replicas.value().id(), Stage.BUILDING, replicas.version());
    }

    private void depend(long productId, Map<String, Stored<app.truenorth.roadmap.domain.Initiative>> made, String dependent,
            String required) {
        roadmaps.addDependency(productId, new DependencyInput(made.get(dependent).value().id(), made.get(required).value().id(), null,
                null, null));
    }
}
