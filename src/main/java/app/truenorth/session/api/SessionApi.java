package app.truenorth.session.api;

import app.truenorth.market.GateDecision;
import app.truenorth.market.MarketDraft;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.PreconditionRequiredException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.session.LinkKind;
import app.truenorth.session.Phase;
import app.truenorth.session.PlannedInitiative;
import app.truenorth.session.PlanningHorizon;
import app.truenorth.session.Positioning;
import app.truenorth.workspace.MemberAction;
import app.truenorth.workspace.Permission;
import app.truenorth.session.ProblemFraming;
import app.truenorth.session.ProblemStatement;
import app.truenorth.session.StrategySessions;
import app.truenorth.session.brief.StrategyBrief;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of strategy sessions: every artifact readable and writable, with sign-off, change
 * requests, reopen and confirm as actions. Every write carries the session's version (If-Match or a
 * {@code version} field): a stale one is refused with 412 or 409, a missing one with 428, and nothing is
 * written.
 */
@RestController
@RequestMapping("/api/v1/products/{productId}/sessions")
@Validated
@Tag(name = "Strategy sessions", description = "Phases, artifacts, sign-offs, market sizing and the go/no-go gate")
@SecurityRequirement(name = "bearer")
class SessionApi {

    private final StrategySessions sessions;
    private final StrategyBrief brief;

    SessionApi(StrategySessions sessions, StrategyBrief brief) {
        this.sessions = sessions;
        this.brief = brief;
    }

    record NewSession(@NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotNull(message = "is required (YYYY-MM-DD)") LocalDate startDate,
            @Size(max = 3, message = "must be an ISO 4217 code such as EUR") String currency) {
    }

    record PlanBody(@NotNull(message = "is required (YYYY-MM-DD)") LocalDate startDate,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 12, message = "must be at most 12") Integer weeks,
            @NotNull(message = "give the planned week of every phase") Map<Phase, Integer> plannedWeeks, Integer version) {
    }

    record ParticipantBody(@NotNull(message = "is required") Long userId, Integer version) {
    }

    record ApproversBody(@NotNull(message = "is required") @Size(min = 1, max = 20, message = "name 1 to 20 approvers") List<Long> userIds,
            Integer version) {
    }

    record DifferentiatorBody(Long id, String text) {
    }

    record PositioningBody(String targetCustomer, String need, String productName, String category, String keyBenefit,
            String alternative, List<DifferentiatorBody> differentiators, Integer version) {
    }

    record VoteBody(@NotNull(message = "is required (true or false)") Boolean agree, String comment) {
    }

    record FramingBody(String problem, String symptoms, String whyUnsolved, String assumptions, String whoHasIt, String whenWhere,
            String consequences, String whoElse, String currentAlternatives, String reframedStatement, Integer version) {
    }

    record StatementBody(String persona, String outcome, String barrier, String rootCause, String emotion,
            @Min(value = 0, message = "must be zero or more") Integer interviewCount, String dataSource, Boolean validated,
            Integer version) {
    }

    /** {@code effortLow}/{@code effortHigh} in person-weeks (required); {@code targetQuarter} like "2026-Q3" or null. */
    record InitiativeBody(String title, String description, LinkKind linkKind, Long linkId, PlanningHorizon horizon,
            java.math.BigDecimal effortLow, java.math.BigDecimal effortHigh, String targetQuarter, Integer version) {

        PlannedInitiative toDraft(Long id) {
            return new PlannedInitiative(id, title, description, linkKind, linkId, horizon, effortLow, effortHigh, targetQuarter);
        }
    }

    record NoteBody(String note, Integer version) {
    }

    record CommentBody(String comment, Integer version) {
    }

    record ReasonBody(String reason, Integer version) {
    }

    record ActionBody(Integer version) {
    }

    record MarketBody(MarketDraft model, Integer version) {
    }

    record GateBody(@NotNull(message = "must be one of GO, NO_GO, REVISIT") GateDecision decision, String rationale, Integer version) {
    }

    @GetMapping
    @Operation(summary = "The product's sessions, newest first (the active one and earlier ones kept as history)")
    List<StrategySessions.Summary> list(@PathVariable long productId) {
        return sessions.list(productId);
    }

    @PostMapping
    @Operation(summary = "Start a session (owner or editor); the caller facilitates. One active session per product.")
    ResponseEntity<SessionView> start(@PathVariable long productId, @Valid @RequestBody NewSession body) {
        var loaded = sessions.start(productId, body.title(), body.startDate(), body.currency());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/sessions/" + loaded.session().id()))
                .eTag(Versioned.etag(loaded.session().id(), loaded.session().version()))
                .body(SessionView.of(loaded, sessions.today()));
    }

    @GetMapping("/{sessionId}")
    @Operation(summary = "A whole session with its version as ETag")
    ResponseEntity<SessionView> get(@PathVariable long productId, @PathVariable long sessionId) {
        return ok(sessions.get(productId, sessionId));
    }

    @GetMapping(value = "/{sessionId}/brief.md", produces = "text/markdown")
    @Operation(summary = "The strategy brief as Markdown")
    ResponseEntity<String> markdown(@PathVariable long productId, @PathVariable long sessionId) {
        var loaded = sessions.get(productId, sessionId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .body(brief.markdown(loaded, sessions.today()));
    }

    @GetMapping(value = "/{sessionId}/brief.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The strategy brief as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long productId, @PathVariable long sessionId) {
        var loaded = sessions.get(productId, sessionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"strategy-brief-" + sessionId + ".pdf\"")
                .body(brief.pdf(loaded, sessions.today()));
    }

    @PutMapping("/{sessionId}/plan")
    @Operation(summary = "Re-plan the weeks: start date, number of weeks, planned week per phase")
    ResponseEntity<SessionView> plan(@PathVariable long productId, @PathVariable long sessionId, @Valid @RequestBody PlanBody body,
            VersionedWrite write) {
        Map<Phase, Integer> weeks = new EnumMap<>(Phase.class);
        weeks.putAll(body.plannedWeeks());
        return write(write, productId, sessionId, body.version(),
                v -> sessions.plan(productId, sessionId, v, body.startDate(), body.weeks(), weeks));
    }

    @PostMapping("/{sessionId}/participants")
    @Operation(summary = "Add a workspace member as participant")
    ResponseEntity<SessionView> addParticipant(@PathVariable long productId, @PathVariable long sessionId,
            @Valid @RequestBody ParticipantBody body, VersionedWrite write) {
        return write(write, productId, sessionId, body.version(), v -> sessions.addParticipant(productId, sessionId, v, body.userId()));
    }

    @DeleteMapping("/{sessionId}/participants/{userId}")
    @Operation(summary = "Remove a participant who approves nothing")
    ResponseEntity<SessionView> removeParticipant(@PathVariable long productId, @PathVariable long sessionId, @PathVariable long userId,
            @RequestParam(required = false) Integer version, VersionedWrite write) {
        return write(write, productId, sessionId, version, v -> sessions.removeParticipant(productId, sessionId, v, userId));
    }

    @PutMapping("/{sessionId}/phases/{phase}/approvers")
    @Operation(summary = "Name who must sign off a phase (members of the workspace)")
    ResponseEntity<SessionView> approvers(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @Valid @RequestBody ApproversBody body, VersionedWrite write) {
        Phase p = phase(phase);
        return write(write, productId, sessionId, body.version(), v -> sessions.nameApprovers(productId, sessionId, v, p, body.userIds()));
    }

    @PutMapping("/{sessionId}/phases/{phase}/synthesis")
    @Operation(summary = "Write the inter-phase synthesis note: what this phase changed in our thinking")
    ResponseEntity<SessionView> synthesis(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestBody NoteBody body, VersionedWrite write) {
        Phase p = phase(phase);
        return write(write, productId, sessionId, body.version(), v -> sessions.writeSynthesis(productId, sessionId, v, p, body.note()));
    }

    @MemberAction
    @PostMapping("/{sessionId}/phases/{phase}/sign-off")
    @Operation(summary = "Sign off a phase as one of its named approvers",
            description = "Refused with 409 when an earlier phase is not signed off, 403 for someone who is not a named approver, "
                    + "400 with the missing fields when the artifact or synthesis note is incomplete.")
    ResponseEntity<SessionView> signOff(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestBody(required = false) ActionBody body, VersionedWrite write) {
        Phase p = phase(phase);
        return act(write, sessionId, body == null ? null : body.version(), v -> sessions.signOff(productId, sessionId, v, p));
    }

    @MemberAction
    @PostMapping("/{sessionId}/phases/{phase}/request-changes")
    @Operation(summary = "Request changes to a phase instead of signing it off (named approvers)")
    ResponseEntity<SessionView> requestChanges(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestBody CommentBody body, VersionedWrite write) {
        Phase p = phase(phase);
        return act(write, sessionId, body.version(),
                v -> sessions.requestChanges(productId, sessionId, v, p, body.comment()));
    }

    @MemberAction
    @PostMapping("/{sessionId}/phases/{phase}/reopen")
    @Operation(summary = "Reopen a signed-off phase; later signed-off phases are flagged 'needs review'")
    ResponseEntity<SessionView> reopen(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestBody ReasonBody body, VersionedWrite write) {
        Phase p = phase(phase);
        return act(write, sessionId, body.version(), v -> sessions.reopen(productId, sessionId, v, p, body.reason()));
    }

    @MemberAction
    @PostMapping("/{sessionId}/phases/{phase}/confirm")
    @Operation(summary = "Confirm a phase flagged 'needs review' still holds (named approvers)")
    ResponseEntity<SessionView> confirm(@PathVariable long productId, @PathVariable long sessionId, @PathVariable String phase,
            @RequestBody(required = false) ActionBody body, VersionedWrite write) {
        Phase p = phase(phase);
        return act(write, sessionId, body == null ? null : body.version(), v -> sessions.confirm(productId, sessionId, v, p));
    }

    @PutMapping("/{sessionId}/positioning")
    @Operation(summary = "Replace the positioning statement's parts; differentiators with an id keep it")
    ResponseEntity<SessionView> positioning(@PathVariable long productId, @PathVariable long sessionId,
            @RequestBody PositioningBody body, VersionedWrite write) {
        // the content is checked after the version: a stale or missing version is answered first
        return write(write, productId, sessionId, body.version(), v -> sessions.updatePositioning(productId, sessionId, v, positioning(body)));
    }

    @MemberAction
    @PostMapping("/{sessionId}/positioning/votes")
    @Operation(summary = "Agree or disagree with the positioning statement (participants)")
    ResponseEntity<SessionView> vote(@PathVariable long productId, @PathVariable long sessionId, @Valid @RequestBody VoteBody body) {
        return ok(sessions.vote(productId, sessionId, body.agree(), body.comment()));
    }

    @PutMapping("/{sessionId}/problem-framing")
    @Operation(summary = "Replace the problem framing canvas")
    ResponseEntity<SessionView> framing(@PathVariable long productId, @PathVariable long sessionId, @RequestBody FramingBody body,
            VersionedWrite write) {
        return write(write, productId, sessionId, body.version(), v -> sessions.updateFraming(productId, sessionId, v, new ProblemFraming(
                body.problem(), body.symptoms(), body.whyUnsolved(), body.assumptions(), body.whoHasIt(), body.whenWhere(),
                body.consequences(), body.whoElse(), body.currentAlternatives(), body.reframedStatement())));
    }

    @PostMapping("/{sessionId}/problem-statements")
    @Operation(summary = "Add a persona-level problem statement")
    ResponseEntity<SessionView> addStatement(@PathVariable long productId, @PathVariable long sessionId,
            @Valid @RequestBody StatementBody body, VersionedWrite write) {
        return write(write, productId, sessionId, body.version(), v -> sessions.addStatement(productId, sessionId, v, statement(null, body)));
    }

    @PutMapping("/{sessionId}/problem-statements/{statementId}")
    @Operation(summary = "Replace a problem statement")
    ResponseEntity<SessionView> updateStatement(@PathVariable long productId, @PathVariable long sessionId,
            @PathVariable long statementId, @Valid @RequestBody StatementBody body,
            VersionedWrite write) {
        return write(write, productId, sessionId, body.version(),
                v -> sessions.updateStatement(productId, sessionId, v, statementId, statement(statementId, body)));
    }

    @DeleteMapping("/{sessionId}/problem-statements/{statementId}")
    @Operation(summary = "Remove a problem statement; initiatives linked to it become orphans")
    ResponseEntity<SessionView> removeStatement(@PathVariable long productId, @PathVariable long sessionId,
            @PathVariable long statementId, @RequestParam(required = false) Integer version,
            VersionedWrite write) {
        return write(write, productId, sessionId, version, v -> sessions.removeStatement(productId, sessionId, v, statementId));
    }

    @PostMapping("/{sessionId}/initiatives")
    @Operation(summary = "Draft an initiative, linked to a differentiator or a problem statement (or orphaned)")
    ResponseEntity<SessionView> addInitiative(@PathVariable long productId, @PathVariable long sessionId,
            @RequestBody InitiativeBody body, VersionedWrite write) {
        return write(write, productId, sessionId, body.version(), v -> sessions.addInitiative(productId, sessionId, v, body.toDraft(null)));
    }

    @PutMapping("/{sessionId}/initiatives/{initiativeId}")
    @Operation(summary = "Replace a drafted initiative")
    ResponseEntity<SessionView> updateInitiative(@PathVariable long productId, @PathVariable long sessionId,
            @PathVariable long initiativeId, @RequestBody InitiativeBody body,
            VersionedWrite write) {
        return write(write, productId, sessionId, body.version(),
                v -> sessions.updateInitiative(productId, sessionId, v, initiativeId, body.toDraft(initiativeId)));
    }

    @DeleteMapping("/{sessionId}/initiatives/{initiativeId}")
    @Operation(summary = "Remove a drafted initiative")
    ResponseEntity<SessionView> removeInitiative(@PathVariable long productId, @PathVariable long sessionId,
            @PathVariable long initiativeId, @RequestParam(required = false) Integer version,
            VersionedWrite write) {
        return write(write, productId, sessionId, version, v -> sessions.removeInitiative(productId, sessionId, v, initiativeId));
    }

    @GetMapping("/{sessionId}/market")
    @Operation(summary = "The market model, its figures step by step, scenarios, reconciliation and gate check")
    SessionView.MarketView market(@PathVariable long productId, @PathVariable long sessionId) {
        return SessionView.market(sessions.get(productId, sessionId));
    }

    @PutMapping("/{sessionId}/market")
    @Operation(summary = "Replace the market model",
            description = "Send the market version you read as 'version'. Every number is text or a number with a unit-specific "
                    + "check: negative, non-numeric, shares above 100 % or figures breaking SOM ≤ SAM ≤ TAM are refused with "
                    + "field errors and nothing is saved.")
    SessionView.MarketView saveMarket(@PathVariable long productId, @PathVariable long sessionId, @RequestBody MarketBody body) {
        if (body.version() == null) {
            throw new PreconditionRequiredException("This change needs the market version you read: send it as the 'version' field.");
        }
        if (body.model() == null) {
            throw new InvalidInputException("model", "is required");
        }
        return SessionView.market(sessions.saveMarket(productId, sessionId, body.version(), body.model()));
    }

    @PostMapping("/{sessionId}/market/gate")
    @Operation(summary = "Record the go/no-go decision; NO_GO closes the session with the rationale as outcome")
    ResponseEntity<SessionView> gate(@PathVariable long productId, @PathVariable long sessionId, @Valid @RequestBody GateBody body,
            VersionedWrite write) {
        return write(write, productId, sessionId, body.version(),
                v -> sessions.decideGate(productId, sessionId, v, body.decision(), body.rationale()));
    }

    private static Positioning positioning(PositioningBody body) {
        List<Positioning.Differentiator> diffs = body.differentiators() == null ? List.of()
                : body.differentiators().stream().map(d -> new Positioning.Differentiator(d.id(), d.text())).toList();
        return new Positioning(body.targetCustomer(), body.need(), body.productName(), body.category(), body.keyBenefit(),
                body.alternative(), diffs);
    }

    private static ProblemStatement statement(Long id, StatementBody body) {
        return new ProblemStatement(id, body.persona(), body.outcome(), body.barrier(), body.rootCause(), body.emotion(),
                body.interviewCount() == null ? 0 : body.interviewCount(), body.dataSource(),
                body.validated() != null && body.validated());
    }

    private static Phase phase(String slug) {
        Phase p = Phase.fromSlug(slug);
        if (p == null) {
            throw new NotFoundException("Phase '" + slug + "'");
        }
        return p;
    }

    private ResponseEntity<SessionView> ok(StrategySessions.Loaded loaded) {
        return ResponseEntity.ok().eTag(Versioned.etag(loaded.session().id(), loaded.session().version()))
                .body(SessionView.of(loaded, sessions.today()));
    }

    /**
     * Every write names the session's version it read (the session's ETag as If-Match, or a version
     * field): a stale If-Match answers 412, a stale field 409, neither 428; the answer carries the new ETag.
     */
    private ResponseEntity<SessionView> write(VersionedWrite write, long productId, long sessionId, Integer bodyVersion,
            IntFunction<StrategySessions.Loaded> action) {
        // an editor's change: the version is compared before the body becomes the session's parts (which
        // check their content as they are built), after the role (an editor's) is checked
        return ok(write.checkedFirst("The strategy session", () -> sessions.version(productId, sessionId, Permission.EDIT))
                .run(sessionId, bodyVersion, action));
    }

    /**
     * An action any member may attempt (sign-off, change requests, reopen, confirm): the session checks who
     * may take it (its named approvers), then the version, then the action's own content.
     */
    private ResponseEntity<SessionView> act(VersionedWrite write, long sessionId, Integer bodyVersion,
            IntFunction<StrategySessions.Loaded> action) {
        return ok(write.run(sessionId, bodyVersion, action));
    }
}
