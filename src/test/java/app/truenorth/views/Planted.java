package app.truenorth.views;

import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import app.truenorth.roadmap.Decisions.StrategyDecision;
import app.truenorth.roadmap.RoadmapInputs.DecisionInput;
import app.truenorth.roadmap.RoadmapInputs.DependencyInput;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ObjectiveInput;
import app.truenorth.roadmap.RoadmapInputs.RiskInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A roadmap with distinctive internal things planted in it, and for each audience the strings that
 * must appear nowhere in anything rendered for it. The same content is built in memory (unit tests) and
 * through the roadmap's services (integration tests).
 */
final class Planted {

    static final String PUBLIC_ITEM = "Public Partner API";
    static final String PUBLIC_DESCRIPTION = "Partners connect their dispatch tools";
    static final String PUBLIC_THEME = "Open platform";
    static final String SECRET_ITEM = "Project Nightjar";
    static final String SECRET_DESCRIPTION = "INTERNAL-NOTE acquire Kestrel Labs";
    static final String SECRET_THEME = "Zircon secret theme";
    static final String TEAM = "Team Falconcrest";
    static final String RISK = "Lead engineer Quillon may leave";
    static final String RISK_OWNER = "Owner Mirabel Vantongeren";
    static final String MITIGATION = "MITIGATION-pay-retention-bonus";
    static final String DEP_NOTE = "DEPNOTE-contract-unsigned";
    static final String DEP_EXTERNAL = "Vendor Obsidian";
    static final String OBJECTIVE = "Cut churn OBJECTIVE-Tamarind";
    static final LocalDate START = LocalDate.of(2031, 1, 13);
    static final LocalDate END = LocalDate.of(2031, 2, 20);
    static final String EXACT = "2031-01-13";
    /** An external key decision: sales may see it, and customers once their preset shows decisions. */
    static final String PUBLIC_DECISION = "Open the partner API on every plan";
    static final String PUBLIC_RATIONALE = "Partners asked for it in every advisory board";
    /** An internal key decision: executives and engineering only, with who took it. */
    static final String SECRET_DECISION = "Decision Halcyon stop the acquisition talks";
    static final String SECRET_RATIONALE = "SECRET-RATIONALE board vote Quetzal";
    static final String DECIDER = "CFO Ottoline Marchbanks";
    /** An external decision that is not key: only a view of every decision (engineering) shows it. */
    static final String MINOR_DECISION = "Publish the API reference as OpenAPI Sassafras";
    static final LocalDate DECIDED = LocalDate.of(2025, 10, 7);
    static final String DECIDED_EXACT = "2025-10-07";
    /** The strategy session's go decision (the wording of the session module's demo session). */
    static final String GATE_RATIONALE = "clears the €4M bar";

    /** What each audience must never receive, in any format. */
    static final Map<Audience, List<String>> FORBIDDEN = Map.of(
            Audience.CUSTOMER, List.of(SECRET_ITEM, SECRET_DESCRIPTION, SECRET_THEME, TEAM, RISK, RISK_OWNER, MITIGATION, DEP_NOTE,
                    DEP_EXTERNAL, OBJECTIVE, EXACT, "2031-02-20", "Kestrel", "Falconcrest", "Quillon", "Mirabel", "Tamarind", "Obsidian",
                    "Zircon", "Nightjar", SECRET_DECISION, SECRET_RATIONALE, DECIDER, MINOR_DECISION, DECIDED_EXACT, GATE_RATIONALE,
                    "Halcyon", "Quetzal", "Ottoline", "Sassafras", "go/no-go"),
            Audience.SALES, List.of(SECRET_ITEM, SECRET_DESCRIPTION, SECRET_THEME, TEAM, RISK, RISK_OWNER, MITIGATION, DEP_NOTE,
                    DEP_EXTERNAL, OBJECTIVE, EXACT, "Kestrel", "Falconcrest", "Quillon", "Mirabel", "Tamarind", "Obsidian", "Zircon",
                    "Nightjar", SECRET_DECISION, SECRET_RATIONALE, DECIDER, MINOR_DECISION, DECIDED_EXACT, GATE_RATIONALE, "Halcyon",
                    "Quetzal", "Ottoline", "Sassafras", "go/no-go"),
            Audience.EXECUTIVE, List.of(SECRET_DESCRIPTION, TEAM, DEP_NOTE, DEP_EXTERNAL, EXACT, "Kestrel", "Falconcrest", "Obsidian",
                    MINOR_DECISION, "Sassafras", DECIDED_EXACT),
            Audience.ENGINEERING, List.of());

    private Planted() {
    }

    /**
     * Builds the planted roadmap through the roadmap's own services, acting as the owner, and a strategy session
     * with its go decision (the session module's demo session) for the same product.
     */
    static void plant(org.springframework.context.ApplicationContext context, app.truenorth.support.Fixtures.Person owner,
            long productId) {
        var fixtures = context.getBean(app.truenorth.support.Fixtures.class);
        var a = fixtures.member(owner, app.truenorth.workspace.Role.EDITOR);
        var b = fixtures.member(owner, app.truenorth.workspace.Role.CONTRIBUTOR);
        var person = new app.truenorth.session.Participant(owner.userId(), owner.displayName());
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            context.getBean(app.truenorth.session.StrategyDemo.class).seed(owner.workspaceId(), productId, person,
                    new app.truenorth.session.Participant(a.userId(), a.displayName()),
                    new app.truenorth.session.Participant(b.userId(), b.displayName()),
                    LocalDate.of(2025, 6, 2));
        } finally {
            SecurityContextHolder.clearContext();
        }
        plant(context.getBean(app.truenorth.roadmap.Themes.class), context.getBean(app.truenorth.roadmap.Objectives.class),
                context.getBean(app.truenorth.roadmap.Initiatives.class), context.getBean(app.truenorth.roadmap.Dependencies.class),
                context.getBean(app.truenorth.roadmap.Risks.class), context.getBean(app.truenorth.roadmap.Decisions.class), owner,
                productId);
    }

    static void plant(app.truenorth.roadmap.Themes themes, app.truenorth.roadmap.Objectives objectives,
            app.truenorth.roadmap.Initiatives initiatives, app.truenorth.roadmap.Dependencies dependencies,
            app.truenorth.roadmap.Risks risks, app.truenorth.roadmap.Decisions decisions,
            app.truenorth.support.Fixtures.Person owner, long productId) {
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            long open = themes.create(productId, new ThemeInput(Planted.PUBLIC_THEME, "Let others build on us")).value().id();
            long secretTheme = themes.create(productId, new ThemeInput(Planted.SECRET_THEME, "Not for outsiders")).value().id();
            long objective = objectives.create(productId, new ObjectiveInput(Planted.OBJECTIVE, "Monthly churn", "%",
                    Direction.DECREASE, new BigDecimal("8"), new BigDecimal("5"), new BigDecimal("6.5"), LocalDate.of(2031, 6, 30))).value().id();
            long pub = initiatives.create(productId, new InitiativeInput(Planted.PUBLIC_ITEM, Planted.PUBLIC_DESCRIPTION, open,
                    List.of(objective), Horizon.NOW, Stage.BUILDING, Planted.TEAM, new BigDecimal("3"), new BigDecimal("5"), 70, null,
                    Planted.START, Planted.END, Visibility.EXTERNAL, null, null, null, null)).value().id();
            long secret = initiatives.create(productId, new InitiativeInput(Planted.SECRET_ITEM, Planted.SECRET_DESCRIPTION,
                    secretTheme, List.of(objective), Horizon.NEXT, Stage.DISCOVERY, Planted.TEAM, new BigDecimal("8"), new BigDecimal("13"),
                    40, null, null, null, Visibility.INTERNAL, null, null, null, null)).value().id();
            dependencies.add(productId, new DependencyInput(pub, secret, null, null, Planted.DEP_NOTE));
            dependencies.add(productId, new DependencyInput(pub, null, ExternalKind.TECHNOLOGY, Planted.DEP_EXTERNAL, Planted.DEP_NOTE));
            risks.create(productId, new RiskInput(pub, Planted.RISK, 4, 5, Planted.MITIGATION, Planted.RISK_OWNER));
            decisions.create(productId, new DecisionInput(PUBLIC_DECISION, PUBLIC_RATIONALE, DECIDED, DECIDER, null, true,
                    Visibility.EXTERNAL, List.of(pub, secret), List.of(open, secretTheme), List.of(objective)));
            decisions.create(productId, new DecisionInput(SECRET_DECISION, SECRET_RATIONALE, DECIDED.minusDays(20), DECIDER, null, true,
                    Visibility.INTERNAL, List.of(secret), List.of(secretTheme), List.of()));
            decisions.create(productId, new DecisionInput(MINOR_DECISION, "Generated from the code", DECIDED.minusDays(40), DECIDER,
                    null, false, Visibility.EXTERNAL, List.of(pub), List.of(), List.of()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static RoadmapData data() {
        var settings = new RoadmapSettings(1, 1, 1, ScoringMethod.RICE, 30, null, 0);
        var themes = List.of(new Stored<>(new Theme(10, PUBLIC_THEME, "Let others build on us"), 0),
                new Stored<>(new Theme(11, SECRET_THEME, "Not for outsiders"), 0));
        var objective = new Objective(20, OBJECTIVE, "Monthly churn", "%", Direction.DECREASE, new BigDecimal("8"), new BigDecimal("5"),
                new BigDecimal("6.5"), LocalDate.of(2031, 6, 30));
        var open = new Initiative(30, PUBLIC_ITEM, PUBLIC_DESCRIPTION, 10L, List.of(20L), Horizon.NOW, Stage.BUILDING, TEAM,
                new EffortRange(new BigDecimal("3"), new BigDecimal("5")), 70, null, START, END, Visibility.EXTERNAL, null, null);
        var secret = new Initiative(31, SECRET_ITEM, SECRET_DESCRIPTION, 11L, List.of(20L), Horizon.NEXT, Stage.DISCOVERY, TEAM,
                new EffortRange(new BigDecimal("8"), new BigDecimal("13")), 40, null, null, null, Visibility.INTERNAL, null, null);
        var later = new Initiative(32, "Route sharing for customers", "Send a live link of a route", 10L, List.of(), Horizon.LATER,
                Stage.IDEA, TEAM, null, 30, null, null, null, Visibility.EXTERNAL, null, null);
        var deps = List.of(new Stored<>(new Dependency(40, 30, 31L, null, null, DEP_NOTE), 0),
                new Stored<>(new Dependency(41, 30, null, ExternalKind.TECHNOLOGY, DEP_EXTERNAL, DEP_NOTE), 0));
        var risks = List.of(new Stored<>(new Risk(50, 30L, RISK, 4, 5, MITIGATION, RISK_OWNER), 0));
        var decisions = List.of(
                new Stored<>(new Decision(60, PUBLIC_DECISION, PUBLIC_RATIONALE, DECIDED, DECIDER, null, true, Visibility.EXTERNAL,
                        List.of(30L, 31L), List.of(10L, 11L), List.of(20L)), 0),
                new Stored<>(new Decision(61, SECRET_DECISION, SECRET_RATIONALE, DECIDED.minusDays(20), DECIDER, null, true,
                        Visibility.INTERNAL, List.of(31L), List.of(11L), List.of()), 0),
                new Stored<>(new Decision(62, MINOR_DECISION, "Generated from the code", DECIDED.minusDays(40), DECIDER, null, false,
                        Visibility.EXTERNAL, List.of(30L), List.of(), List.of()), 0));
        return new RoadmapData("Atlas", settings, themes, List.of(new Stored<>(objective, 0)),
                List.of(new Stored<>(open, 0), new Stored<>(secret, 0), new Stored<>(later, 0)), deps, risks, decisions);
    }

    /** The strategy session's go decision, as {@link #plant(org.springframework.context.ApplicationContext, app.truenorth.support.Fixtures.Person, long)} seeds it. */
    static List<StrategyDecision> gates() {
        return List.of(new StrategyDecision(70, "Fleet visibility strategy", "Go",
                "Bottom-up SOM of €5.4M " + GATE_RATIONALE + " and top-down agrees within 10 %.", "Facilitator Persimmon",
                LocalDate.of(2025, 6, 17)));
    }
}
