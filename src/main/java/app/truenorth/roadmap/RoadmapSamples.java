package app.truenorth.roadmap;

import app.truenorth.roadmap.RoadmapInputs.DecisionInput;
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
import app.truenorth.session.StrategyArtifacts;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.Workspaces;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sample roadmap of the demo's main product, Atlas Fleet (route planning and live fleet
 * telematics for regional delivery companies with 20–500 vans): four themes, three objectives, a
 * dozen initiatives across the horizons with dependencies and risks, five entries in the decision log
 * (three key, one of them internal), and a snapshot from "the last board meeting" with changes since,
 * so every format, the analysis, the diff and each audience's decisions have something to show. Most initiatives link to the differentiators and problem statements of the product's
 * strategy session ("Fleet visibility strategy"), looked up by their wording, so seed that session
 * first; a few are deliberate orphans. Dates are relative to today. It goes through the roadmap's services,
 * so call it as a member who may edit the product (the demo seeder acts as the demo workspace's owner).
 */
@Service
public class RoadmapSamples {

    private final Themes themes;
    private final Objectives objectives;
    private final Initiatives initiatives;
    private final Dependencies dependencies;
    private final Risks risks;
    private final Snapshots snapshots;
    private final Decisions decisions;
    private final StrategyArtifacts artifacts;
    private final WorkspaceAccess access;
    private final Workspaces workspaces;
    private final Clock clock;

    RoadmapSamples(Themes themes, Objectives objectives, Initiatives initiatives, Dependencies dependencies, Risks risks,
            Snapshots snapshots, Decisions decisions, StrategyArtifacts artifacts, WorkspaceAccess access, Workspaces workspaces,
            Clock clock) {
        this.themes = themes;
        this.objectives = objectives;
        this.initiatives = initiatives;
        this.dependencies = dependencies;
        this.risks = risks;
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.workspaces = workspaces;
        this.artifacts = artifacts;
        this.access = access;
        this.clock = clock;
    }

    /** What an initiative serves in the strategy session, named by a phrase of its wording. */
    private record Link(LinkKind kind, String phrase) {

        static Link differentiator(String phrase) {
            return new Link(LinkKind.DIFFERENTIATOR, phrase);
        }

        static Link problem(String persona) {
            return new Link(LinkKind.PROBLEM_STATEMENT, persona);
        }
    }

    private record Sample(String title, String description, String theme, Horizon horizon, Stage stage, String team, String low,
            String high, int confidence, int quarterOffset, boolean dated, List<String> objectives, Visibility visibility,
            Link link, int reach, String impact) {
    }

    private static final String DISPATCH = "Dispatch visibility";
    private static final String DELIVERY = "ETAs and proof of delivery";
    private static final String ENTERPRISE = "Enterprise fleets";
    private static final String RELIABILITY = "Live map reliability";

    @Transactional
    public void fill(long productId) {
        long workspaceId = access.product(productId, Permission.EDIT).workspaceId();
        LocalDate today = LocalDate.now(clock);
        Quarter now = Quarter.of(today);
        Map<String, Long> themes = new HashMap<>();
        for (String[] t : new String[][] {
                {DISPATCH, "Dispatchers see which vans are free and where, without phoning drivers."},
                {DELIVERY, "Recipients and customer service get arrival times they can trust, and proof the parcel arrived."},
                {ENTERPRISE, "What fleets of 200 vans and more need from IT and finance: single sign-on, audit, per-vehicle billing."},
                {RELIABILITY, "Positions land within seconds and the live map stays up through the morning peak."}}) {
            themes.put(t[0], this.themes.create(productId, new ThemeInput(t[0], t[1])).value().id());
        }
        Map<String, Long> objectives = new HashMap<>();
        objectives.put("Idle", this.objectives.create(productId, new ObjectiveInput("Cut idle time by a fifth",
                "Idle van-hours per van per week", "h", Direction.DECREASE, new BigDecimal("6.5"), new BigDecimal("5.2"),
                new BigDecimal("6.0"), now.next().next().end())).value().id());
        objectives.put("Retention", this.objectives.create(productId, new ObjectiveInput("Fleets grow with us",
                "Net revenue retention", "%", Direction.INCREASE, new BigDecimal("98"), new BigDecimal("110"), new BigDecimal("101"),
                now.next().next().next().end())).value().id());
        objectives.put("Fresh", this.objectives.create(productId, new ObjectiveInput("A live map dispatchers trust",
                "Positions older than 60 s at the morning peak", "%", Direction.DECREASE, new BigDecimal("4"),
                new BigDecimal("0.5"), new BigDecimal("2.1"), now.next().end())).value().id());

        List<Sample> samples = List.of(
                new Sample("Universal telematics adapter",
                        "Read positions from the five most common boxes (Webfleet, Geotab, Samsara, Teltonika, Verizon Connect).",
                        DISPATCH, Horizon.NOW, Stage.BUILDING, "Integrations", "6", "9", 75, 0, true, List.of("Idle"),
                        Visibility.EXTERNAL, Link.differentiator("any telematics box"), 1200, "3"),
                new Sample("Free-van list for dispatchers", "A live list of free vans beside the job board, nearest to the next job first.",
                        DISPATCH, Horizon.NOW, Stage.BUILDING, "Dispatch", "3", "5", 80, 0, true, List.of("Idle"), Visibility.EXTERNAL,
                        Link.problem("a dispatcher"), 3000, "3"),
                new Sample("Depot board", "Per depot: vans in the yard, on route and on their way back, and what is free this hour.",
                        DISPATCH, Horizon.NEXT, Stage.DISCOVERY, "Dispatch", "3", "4", 60, 1, false, List.of("Idle"),
                        Visibility.EXTERNAL, Link.differentiator("shows dispatchers"), 1500, "2"),
                new Sample("Idle-time report for fleet owners",
                        "Idle hours per van and depot every Monday, instead of a month-end spreadsheet built from three exports.",
                        DISPATCH, Horizon.NEXT, Stage.IDEA, "Insights", "2", "4", 70, 1, false, List.of("Idle", "Retention"),
                        Visibility.EXTERNAL, Link.problem("a fleet owner"), 800, "2"),
                new Sample("Shared live ETAs", "Customer service and recipients see the arrival time the dispatcher sees, from live positions.",
                        DELIVERY, Horizon.NEXT, Stage.DISCOVERY, "Dispatch", "5", "8", 50, 1, true, List.of("Retention"),
                        Visibility.EXTERNAL, Link.problem("a customer service agent"), 2500, "2"),
                new Sample("Proof of delivery",
                        "Photo, signature and GPS stamp from the Beacon driver app, in the office the moment the driver taps Done, "
                                + "so nobody phones the driver to ask.",
                        DELIVERY, Horizon.LATER, Stage.IDEA, "Mobile", "4", "6", 60, 2, false, List.of("Retention"),
                        Visibility.EXTERNAL, Link.problem("a driver"), 2000, "1"),
                new Sample("Single sign-on for enterprise fleets",
                        "SAML and OIDC sign-in with Entra ID, Okta and Google: dispatchers use the accounts they already have.",
                        ENTERPRISE, Horizon.NOW, Stage.BUILDING, "Platform", "3", "4", 90, 0, true, List.of("Retention"),
                        Visibility.EXTERNAL, Link.differentiator("without an IT project"), 250, "2"),
                new Sample("Per-vehicle billing", "Charge per active van per month instead of per seat, so the price follows the fleet.",
                        ENTERPRISE, Horizon.NEXT, Stage.DISCOVERY, "Billing", "6", "9", 50, 1, true, List.of("Retention"),
                        Visibility.INTERNAL, null, 400, "3"),
                new Sample("Streaming position ingest", "Positions stream in instead of being polled every two minutes.",
                        RELIABILITY, Horizon.NOW, Stage.RELEASED, "Platform", "4", "6", 85, 0, true, List.of("Fresh"),
                        Visibility.INTERNAL, Link.problem("a dispatcher"), 3000, "1"),
                new Sample("Live map failover", "A second region for the live map, so dispatch carries on when one region fails.",
                        RELIABILITY, Horizon.NEXT, Stage.DISCOVERY, "Platform", "5", "8", 55, 1, false, List.of("Fresh"),
                        Visibility.INTERNAL, Link.differentiator("shows dispatchers"), 3000, "1"),
                new Sample("Offline route sheets", "Drivers keep their stops and notes when the van loses signal on rural routes.",
                        RELIABILITY, Horizon.LATER, Stage.IDEA, "Mobile", "8", "12", 30, 3, false, List.of(), Visibility.INTERNAL,
                        Link.problem("a driver"), 600, "0.5"),
                new Sample("Dark mode", "Asked for by two pilot dispatchers on night shifts.", null, Horizon.LATER, Stage.IDEA, "Dispatch",
                        "1", "2", 80, 3, false, List.of(), Visibility.EXTERNAL, null, 300, "0.25"));
        Map<String, Stored<app.truenorth.roadmap.domain.Initiative>> made = new HashMap<>();
        for (Sample s : samples) {
            Quarter q = now;
            for (int k = 0; k < s.quarterOffset(); k++) {
                q = q.next();
            }
            LocalDate start = s.dated() ? q.start().plusDays(14) : null;
            LocalDate end = s.dated() ? q.start().plusDays(14 + 7L * Integer.parseInt(s.high())) : null;
            Long ref = s.link() == null ? null : reference(workspaceId, productId, s.link());
            var initiative = this.initiatives.create(productId, new InitiativeInput(s.title(), s.description(),
                    s.theme() == null ? null : themes.get(s.theme()), s.objectives().stream().map(objectives::get).toList(), s.horizon(),
                    s.stage(), s.team(), new BigDecimal(s.low()), new BigDecimal(s.high()), s.confidence(),
                    s.dated() || s.horizon() == Horizon.LATER ? null : q.toString(), start, end, s.visibility(),
                    ref == null ? null : s.link().kind(), ref, null,
                    new ScoreInputs(BigDecimal.valueOf(s.reach()), new BigDecimal(s.impact()), null, null, null, null, null, null, null,
                            null)));
            made.put(s.title(), initiative);
        }
        depend(productId, made, "Depot board", "Free-van list for dispatchers");
        depend(productId, made, "Free-van list for dispatchers", "Universal telematics adapter");
        depend(productId, made, "Idle-time report for fleet owners", "Universal telematics adapter");
        depend(productId, made, "Shared live ETAs", "Streaming position ingest");
        depend(productId, made, "Live map failover", "Streaming position ingest");
        dependencies.add(productId, new DependencyInput(made.get("Per-vehicle billing").value().id(), null,
                ExternalKind.TECHNOLOGY, "Stripe usage records API", "Metered billing per active van must be enabled on the account"));

        dependencies.add(productId, new DependencyInput(made.get("Proof of delivery").value().id(), null, ExternalKind.TEAM,
                "Beacon Driver App team", "Needs the app's photo and signature capture released first"));

        risks.create(productId, new RiskInput(made.get("Universal telematics adapter").value().id(),
                "A telematics vendor throttles or closes its API", 3, 5,
                "Sign data-access terms with the two largest vendors before building on them; cache the last position",
                "Integrations lead"));
        risks.create(productId, new RiskInput(made.get("Per-vehicle billing").value().id(),
                "Large fleets read per-van pricing as a price rise", 4, 4,
                "Cap every fleet at its current spend for a year; publish a calculator", "Head of product"));
        risks.create(productId, new RiskInput(null, "Morning-peak load doubles when the two pilot fleets go live", 3, 4,
                "Load-test the live map at three times today's peak before each go-live", "Platform lead"));

        decide(productId, workspaceId, today.minusWeeks(10), "Dana Whitfield",
                "Build our own telematics adapter instead of reselling one vendor's gateway",
                "Every pilot fleet runs at least two makes of box, and a reseller deal would tie us to one vendor's roadmap and "
                        + "prices. Five adapters cover four in five vans of the fleets we sell to.",
                true, Visibility.EXTERNAL, List.of(made.get("Universal telematics adapter")), List.of(themes.get(DISPATCH)),
                List.of(objectives.get("Idle")));
        decide(productId, workspaceId, today.minusWeeks(5), "Priya Raman", "Single sign-on ships before per-vehicle billing",
                "Three of the five enterprise prospects named single sign-on as a condition of their pilot; none named pricing. "
                        + "Billing waits a quarter and gets the Platform team once sign-on is live.",
                true, Visibility.EXTERNAL, List.of(made.get("Single sign-on for enterprise fleets"), made.get("Per-vehicle billing")),
                List.of(themes.get(ENTERPRISE)), List.of());
        decide(productId, workspaceId, today.minusWeeks(3), "Leadership team",
                "Cap per-vehicle prices at each fleet's current spend for a year",
                "Large fleets read per-van pricing as a price rise, our highest risk. Finance accepts up to €180k of revenue "
                        + "forgone in the first year to keep the two largest accounts. Not to be shared outside until their "
                        + "contracts are signed.",
                true, Visibility.INTERNAL, List.of(made.get("Per-vehicle billing")), List.of(), List.of(objectives.get("Retention")));
        decide(productId, workspaceId, today.minusWeeks(2), "Platform team",
                "A second region for the live map rather than a bigger single one",
                "A bigger region would not have survived the outage of the spring; a warm standby in a second region costs about "
                        + "a third more and keeps dispatch running through a regional failure.",
                false, Visibility.EXTERNAL, List.of(made.get("Live map failover")), List.of(themes.get(RELIABILITY)),
                List.of(objectives.get("Fresh")));
        decide(productId, workspaceId, today.minusDays(6), "Priya Raman", "Dark mode waits until proof of delivery has shipped",
                "Two night-shift dispatchers asked for it; proof of delivery is what the next renewals hinge on.",
                false, Visibility.EXTERNAL, List.of(made.get("Dark mode"), made.get("Proof of delivery")), List.of(), List.of());

        // the last board meeting saw an earlier version; what changed since shows in the diff
        snapshots.take(productId, "Last board meeting");
        var depots = made.get("Depot board");
        this.initiatives.move(productId, depots.value().id(), Horizon.NOW, depots.version());
        var failover = made.get("Live map failover");
        this.initiatives.changeStage(productId, failover.value().id(), Stage.BUILDING, failover.version());
    }

    /** Records a sample decision; who decided is the member of that name when the workspace has one, else the name. */
    private void decide(long productId, long workspaceId, LocalDate on, String by, String title, String rationale, boolean key,
            Visibility visibility, List<Stored<app.truenorth.roadmap.domain.Initiative>> initiatives, List<Long> themeIds,
            List<Long> objectiveIds) {
        Long member = workspaces.members(workspaceId).stream().filter(m -> m.displayName().equals(by)).map(m -> m.userId())
                .findFirst().orElse(null);
        decisions.create(productId, new DecisionInput(title, rationale, on, member == null ? by : null, member, key, visibility,
                initiatives.stream().map(i -> i.value().id()).toList(), themeIds, objectiveIds));
    }

    /**
     * The id of the product's differentiator or problem statement whose wording contains the phrase
     * (newest session first); null when there is none, and the initiative stays unlinked.
     */
    private Long reference(long workspaceId, long productId, Link link) {
        String phrase = link.phrase().toLowerCase(Locale.ROOT);
        return switch (link.kind()) {
            case DIFFERENTIATOR -> artifacts.differentiators(workspaceId, productId).stream()
                    .filter(d -> d.text().toLowerCase(Locale.ROOT).contains(phrase)).map(d -> d.id()).findFirst().orElse(null);
            case PROBLEM_STATEMENT -> artifacts.problemStatements(workspaceId, productId).stream()
                    .filter(p -> p.persona().toLowerCase(Locale.ROOT).equals(phrase)).map(p -> p.id()).findFirst().orElse(null);
        };
    }

    private void depend(long productId, Map<String, Stored<app.truenorth.roadmap.domain.Initiative>> made, String dependent,
            String required) {
        dependencies.add(productId, new DependencyInput(made.get(dependent).value().id(), made.get(required).value().id(), null,
                null, null));
    }
}
