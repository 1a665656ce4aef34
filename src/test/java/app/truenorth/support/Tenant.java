package app.truenorth.support;

import app.truenorth.health.AntiGoals;
import app.truenorth.platform.inbox.Inbox;
import app.truenorth.health.Dismissals;
import app.truenorth.health.TextIndexRebuilds;
import app.truenorth.platform.jobs.Jobs;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.Dependencies;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.Objectives;
import app.truenorth.roadmap.Risks;
import app.truenorth.roadmap.Snapshots;
import app.truenorth.roadmap.Themes;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.session.Participant;
import app.truenorth.session.StrategyDemo;
import app.truenorth.session.StrategySessions;
import app.truenorth.transfer.ImportFormat;
import app.truenorth.transfer.ImportJobs;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A populated workspace for security tests: an owner, one member of each other role, a product with a
 * strategy session and a roadmap, an open invitation, and API tokens. {@link #ids(Endpoints.Endpoint)}
 * maps the name of a path variable or id parameter of an endpoint to the id of this workspace's thing of
 * that kind.
 *
 * @param ownerToken    a token the owner calls the API with
 * @param ownerTokenId  another token of the owner, for endpoints that take a token id
 * @param shareLinkId   a live share link of the product, and {@code shareToken} the token in its address
 * @param exportJobId   a finished background export of the product, started by the owner
 * @param antiGoalId    an anti-goal declared on the product's roadmap (health)
 * @param notificationId a notification in the owner's inbox (each person sees only their own)
 * @param dismissalId   that anti-goal's finding dismissed for the roadmap's first initiative (health)
 * @param reindexJobId  a rebuild of the text index the owner asked for, waiting to run (health)
 */
public record Tenant(Fixtures.Person owner, Fixtures.Person editor, Fixtures.Person contributor, Fixtures.Person viewer,
        Products.Product product, long invitationId, String ownerToken, long ownerTokenId, long shareLinkId, String shareToken,
        String exportJobId, Strategy strategy, Roadmap roadmap, String uploadId, Long antiGoalId, Long notificationId, Long dismissalId, String reindexJobId) {

    /** Ids of the product's strategy session and its artifacts. */
    public record Strategy(long sessionId, long statementId, long initiativeId) {
    }

    /** Ids of things on the product's roadmap. */
    public record Roadmap(long themeId, long objectiveId, long initiativeId, long dependencyId, long riskId, long snapshotId,
            long decisionId) {
    }

    public static Tenant create(Fixtures fixtures, Invitations invitations, ApiTokens tokens) {
        return create(fixtures, invitations, tokens, null);
    }

    /** With the application context, the product also gets a strategy session and a roadmap to point at. */
    public static Tenant create(Fixtures fixtures, Invitations invitations, ApiTokens tokens, ApplicationContext context) {
        var owner = fixtures.owner();
        var editor = fixtures.member(owner, Role.EDITOR);
        var contributor = fixtures.member(owner, Role.CONTRIBUTOR);
        var viewer = fixtures.member(owner, Role.VIEWER);
        var product = fixtures.product(owner, "Tenant product");
        long invitationId = invitations.create(owner.workspaceId(), owner.userId(), Role.EDITOR, "open invitation")
                .invitation().id();
        String ownerToken = fixtures.token(owner);
        long targetToken = tokens.create(owner.userId(), owner.workspaceId(), "target token").token().id();
        Strategy strategy = null;
        Roadmap roadmap = null;
        String uploadId = null;
        Long antiGoalId = null;
        Long notificationId = null;
        Long dismissalId = null;
        String reindexJobId = null;
        if (context != null) {
            // the modules' services check the caller's role, so build the content as the owner
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(new SecurityContextImpl(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                            owner.principal(), null, owner.principal().getAuthorities())));
            try {
                strategy = strategy(context, owner, editor, contributor, product.id());
                roadmap = roadmap(context, product.id());
                // an import waiting for confirmation; it belongs to the owner who uploaded it
                uploadId = context.getBean(ImportJobs.class).preview(product.id(), ImportFormat.JIRA_CSV, "jira.csv",
                        "Summary,Issue key,Issue Type,Status\nLive map,AT-1,Story,To Do\n").id();
                antiGoalId = context.getBean(AntiGoals.class).add(product.id(), "Replace dispatchers with fully automatic routing").id();
                notificationId = context.getBean(Inbox.class).notify(owner.userId(), "escalation", "An escalation needs you",
                        null, "/products/" + product.id());
                dismissalId = context.getBean(Dismissals.class).dismiss(product.id(), antiGoalId, roadmap.initiativeId(),
                        "The live map helps dispatchers; it replaces no one").id();
                // queued, never run: the sweeps reach it without rebuilding anything
                reindexJobId = context.getBean(Jobs.class).create(new Jobs.Spec(TextIndexRebuilds.KIND, owner.workspaceId(),
                        owner.workspaceId(), 0, "Waiting for a worker", null, null, java.time.Duration.ofHours(1))).id();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
        var link = fixtures.shareLink(owner, product.id());
        return new Tenant(owner, editor, contributor, viewer, product, invitationId, ownerToken, targetToken, link.link().id(),
                link.token(), fixtures.exportJob(owner, product.id()), strategy, roadmap, uploadId, antiGoalId, notificationId, dismissalId, reindexJobId);
    }

    private static Strategy strategy(ApplicationContext context, Fixtures.Person owner, Fixtures.Person editor,
            Fixtures.Person contributor, long productId) {
        // a session that has reached roadmap planning, so statements and planned initiatives exist; the owner
        // facilitates and approves (the control requests act as the owner), the viewer is deliberately no
        // approver, so role tests see sign-offs refused to them
        long sessionId = context.getBean(StrategyDemo.class).seed(owner.workspaceId(), productId,
                new Participant(owner.userId(), owner.displayName()), new Participant(owner.userId(), owner.displayName()),
                new Participant(editor.userId(), editor.displayName()), LocalDate.now().minusWeeks(3));
        var session = context.getBean(StrategySessions.class).get(productId, sessionId).session();
        return new Strategy(sessionId, session.statements().getFirst().id(), session.initiatives().getFirst().id());
    }

    private static Roadmap roadmap(ApplicationContext context, long productId) {
        Decisions decisions = context.getBean(Decisions.class);
        Initiatives initiatives = context.getBean(Initiatives.class);
        long themeId = context.getBean(Themes.class).create(productId, new RoadmapInputs.ThemeInput("Visibility", "See every van")).value().id();
        long objectiveId = context.getBean(Objectives.class).create(productId, new RoadmapInputs.ObjectiveInput("Fresher positions",
                "Position age", "s", Direction.DECREASE, new BigDecimal("600"), new BigDecimal("10"), new BigDecimal("300"),
                LocalDate.now().plusMonths(6))).value().id();
        long first = initiative(initiatives, productId, themeId, objectiveId, "Live map");
        long second = initiative(initiatives, productId, themeId, objectiveId, "ETA alerts");
        long dependencyId = context.getBean(Dependencies.class).add(productId,
                new RoadmapInputs.DependencyInput(second, first, null, null, "needs live positions")).value().id();
        long riskId = context.getBean(Risks.class).create(productId, new RoadmapInputs.RiskInput(first, "Tracker firmware lags", 3, 3,
                "Pilot with two depots", "Platform lead")).value().id();
        long snapshotId = context.getBean(Snapshots.class).take(productId, "Baseline").id();
        long decisionId = decisions.create(productId, new RoadmapInputs.DecisionInput("Live map before ETA alerts",
                "Alerts are only as good as the positions under them", LocalDate.now().minusDays(1), "Leadership team", null, true,
                Visibility.INTERNAL, List.of(first, second), List.of(themeId), List.of(objectiveId))).value().id();
        return new Roadmap(themeId, objectiveId, first, dependencyId, riskId, snapshotId, decisionId);
    }

    private static long initiative(Initiatives initiatives, long productId, long themeId, long objectiveId, String title) {
        return initiatives.create(productId, new RoadmapInputs.InitiativeInput(title, "", themeId, List.of(objectiveId),
                Horizon.NOW, Stage.DISCOVERY, "Platform", new BigDecimal("2"), new BigDecimal("4"), 70, null, null, null,
                Visibility.INTERNAL, null, null, null, null)).value().id();
    }

    public long workspaceId() {
        return owner.workspaceId();
    }

    public Fixtures.Person as(Role role) {
        return switch (role) {
            case OWNER -> owner;
            case EDITOR -> editor;
            case CONTRIBUTOR -> contributor;
            case VIEWER -> viewer;
        };
    }

    /** The ids this workspace's things have, for the path variables and id parameters of one endpoint. */
    public Function<String, String> ids(Endpoints.Endpoint endpoint) {
        // an initiative of the strategy session and one of the roadmap share the variable's name
        boolean inSession = endpoint.pattern().contains("/sessions/");
        return name -> name.equals("initiativeId") && inSession && strategy != null
                ? String.valueOf(strategy.initiativeId())
                : id(name);
    }

    /**
     * The id of this workspace's thing that a path variable or id parameter of that name points at.
     * Throws for a name it does not know: a new kind of id must be added here consciously, so the
     * isolation and role tests cover it.
     */
    public String id(String variable) {
        return switch (variable) {
            case "productId" -> String.valueOf(product.id());
            // a member who is not the owner, so "last owner" rules cannot hide a missing scope check
            case "userId" -> String.valueOf(editor.userId());
            case "invitationId" -> String.valueOf(invitationId);
            case "tokenId" -> String.valueOf(ownerTokenId);
            case "workspaceId" -> String.valueOf(workspaceId());
            case "phase" -> "positioning";
            case "sessionId" -> String.valueOf(strategyIds().sessionId());
            case "statementId" -> String.valueOf(strategyIds().statementId());
            case "initiativeId" -> String.valueOf(roadmapIds().initiativeId());
            case "themeId" -> String.valueOf(roadmapIds().themeId());
            case "objectiveId" -> String.valueOf(roadmapIds().objectiveId());
            case "dependencyId" -> String.valueOf(roadmapIds().dependencyId());
            case "riskId" -> String.valueOf(roadmapIds().riskId());
            case "decisionId" -> String.valueOf(roadmapIds().decisionId());
            case "snapshotId", "from" -> String.valueOf(roadmapIds().snapshotId());
            case "linkId" -> String.valueOf(shareLinkId);
            // a share link's token: the link itself is the capability, like an invitation's secret
            case "token" -> shareToken;
            case "jobId" -> exportJobId;
            case "uploadId" -> uploadIds();
            case "antiGoalId" -> antiGoalIds();
            case "notificationId" -> notificationIds();
            case "dismissalId" -> dismissalIds();
            case "reindexJobId" -> {
                if (reindexJobId == null) {
                    throw new IllegalStateException("Create the tenant with the application context to reach text index rebuilds");
                }
                yield reindexJobId;
            }
            default -> throw new IllegalStateException("No id for the path variable or parameter '" + variable
                    + "'. Teach app.truenorth.support.Tenant#id which thing of a workspace it names (create one in "
                    + "Tenant.create), so tenant isolation and role checks cover the new endpoint.");
        };
    }

    private Strategy strategyIds() {
        if (strategy == null) {
            throw new IllegalStateException("Create the tenant with the application context to reach strategy endpoints");
        }
        return strategy;
    }

    private String uploadIds() {
        if (uploadId == null) {
            throw new IllegalStateException("Create the tenant with the application context to reach import endpoints");
        }
        return uploadId;
    }

    private String antiGoalIds() {
        if (antiGoalId == null) {
            throw new IllegalStateException("Create the tenant with the application context to reach anti-goal endpoints");
        }
        return String.valueOf(antiGoalId);
    }

    private String notificationIds() {
        if (notificationId == null) {
            throw new IllegalStateException("Create the tenant with the application context to reach inbox endpoints");
        }
        return String.valueOf(notificationId);
    }

    private String dismissalIds() {
        if (dismissalId == null) {
            throw new IllegalStateException("Create the tenant with the application context to reach dismissal endpoints");
        }
        return String.valueOf(dismissalId);
    }

    private Roadmap roadmapIds() {
        if (roadmap == null) {
            throw new IllegalStateException("Create the tenant with the application context to reach roadmap endpoints");
        }
        return roadmap;
    }
}
