package app.truenorth.roadmap.api;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.StrategyLinks;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.RoadmapDiff;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.Scoring;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Traceability;
import app.truenorth.roadmap.domain.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of a product's roadmap. Updates and deletes name the version they read, as If-Match (the
 * ETag) or a {@code version} field / query parameter: a stale one is refused with 412 (If-Match) or
 * 409, and nothing is overwritten.
 */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class RoadmapApi {

    private final Roadmaps roadmaps;
    private final StrategyLinks links;
    private final Decisions decisions;

    RoadmapApi(Roadmaps roadmaps, StrategyLinks links, Decisions decisions) {
        this.links = links;
        this.roadmaps = roadmaps;
        this.decisions = decisions;
    }

    // ------------------------------------------------------------ JSON shapes

    record SettingsBody(ScoringMethod scoringMethod, Integer reviewCadenceDays, Integer version) {
    }

    record SettingsView(long id, long productId, ScoringMethod scoringMethod, int reviewCadenceDays, LocalDate lastReviewedOn,
            LocalDate nextReviewDue, int version) {

        static SettingsView of(RoadmapSettings s) {
            return new SettingsView(s.id(), s.productId(), s.scoringMethod(), s.reviewCadenceDays(), s.lastReviewedOn(),
                    s.nextReviewDue(), s.version());
        }
    }

    record ThemeBody(String name, String description, Integer version) {
    }

    record ThemeView(long id, String name, String description, int version) {

        static ThemeView of(Stored<Theme> s) {
            return new ThemeView(s.value().id(), s.value().name(), s.value().description(), s.version());
        }
    }

    record ObjectiveBody(String title, String metric, String unit, Direction direction, BigDecimal baseline, BigDecimal target,
            BigDecimal current, LocalDate due, Integer version) {

        RoadmapInputs.ObjectiveInput input() {
            return new RoadmapInputs.ObjectiveInput(title, metric, unit, direction, baseline, target, current, due);
        }
    }

    record ObjectiveView(long id, String title, String metric, String unit, Direction direction, BigDecimal baseline,
            BigDecimal target, BigDecimal current, LocalDate due, BigDecimal progress, String progressText, int version) {

        static ObjectiveView of(Stored<Objective> s) {
            Objective o = s.value();
            return new ObjectiveView(o.id(), o.title(), o.metric(), o.unit(), o.direction(), o.baseline(), o.target(), o.current(),
                    o.due(), o.progress(), o.describeProgress() + " (" + o.describeShare() + ")", s.version());
        }
    }

    record ScoresBody(BigDecimal reach, BigDecimal impact, Integer iceImpact, Integer iceConfidence, Integer iceEase,
            Integer businessValue, Integer timeCriticality, Integer riskReduction, Integer jobSize, Integer value) {

        ScoreInputs inputs() {
            return new ScoreInputs(reach, impact, iceImpact, iceConfidence, iceEase, businessValue, timeCriticality,
                    riskReduction, jobSize, value);
        }

        static ScoresBody of(ScoreInputs s) {
            return new ScoresBody(s.reach(), s.impact(), s.iceImpact(), s.iceConfidence(), s.iceEase(), s.businessValue(),
                    s.timeCriticality(), s.riskReduction(), s.jobSize(), s.value());
        }
    }

    record InitiativeBody(String title, String description, Long themeId, List<Long> objectiveIds, Horizon horizon, Stage stage,
            String team, BigDecimal effortLow, BigDecimal effortHigh, Integer confidence, String quarter, LocalDate startDate,
            LocalDate endDate, Visibility visibility, LinkKind linkKind, Long linkRef, String linkLabel, ScoresBody scores,
            Integer version) {

        RoadmapInputs.InitiativeInput input() {
            return new RoadmapInputs.InitiativeInput(title, description, themeId, objectiveIds, horizon, stage, team, effortLow,
                    effortHigh, confidence, quarter, startDate, endDate, visibility, linkKind, linkRef, linkLabel,
                    scores == null ? null : scores.inputs());
        }
    }

    record LinkView(LinkKind kind, long referenceId, String label) {
    }

    record InitiativeView(long id, String title, String description, Long themeId, List<Long> objectiveIds, Horizon horizon,
            Stage stage, String team, BigDecimal effortLow, BigDecimal effortHigh, int confidence, String quarter,
            LocalDate startDate, LocalDate endDate, Visibility visibility, LinkView link, ScoresBody scores, int version) {

        static InitiativeView of(Stored<Initiative> s) {
            Initiative i = s.value();
            return new InitiativeView(i.id(), i.title(), i.description(), i.themeId(), i.objectiveIds(), i.horizon(), i.stage(),
                    i.team(), i.effort().low(), i.effort().high(), i.confidence(), i.quarter() == null ? null : i.quarter().toString(),
                    i.startDate(), i.endDate(), i.visibility(),
                    i.link() == null ? null : new LinkView(i.link().kind(), i.link().referenceId(), i.link().label()),
                    ScoresBody.of(i.scores()), s.version());
        }
    }

    record MoveBody(Horizon horizon, Integer version) {
    }

    record StageBody(Stage stage, Integer version) {
    }

    record DependencyBody(Long dependentId, Long requiredId, ExternalKind externalKind, String externalName, String note) {
    }

    record DependencyView(long id, long dependentId, Long requiredId, ExternalKind externalKind, String externalName, String note,
            int version) {

        static DependencyView of(Stored<Dependency> s) {
            Dependency d = s.value();
            return new DependencyView(d.id(), d.dependentId(), d.requiredId(), d.externalKind(), d.externalName(), d.note(),
                    s.version());
        }
    }

    record RiskBody(Long initiativeId, String title, Integer likelihood, Integer impact, String mitigation, String owner,
            Integer version) {

        RoadmapInputs.RiskInput input() {
            return new RoadmapInputs.RiskInput(initiativeId, title, likelihood, impact, mitigation, owner);
        }
    }

    record RiskView(long id, Long initiativeId, String title, int likelihood, int impact, int exposure, String level,
            String mitigation, String owner, int version) {

        static RiskView of(Stored<Risk> s) {
            Risk r = s.value();
            return new RiskView(r.id(), r.initiativeId(), r.title(), r.likelihood(), r.impact(), r.exposure(), r.level(),
                    r.mitigation(), r.owner(), s.version());
        }
    }

    /**
     * A decision as sent. Who decided: {@code decidedByUserId} (a member; {@code decidedBy} may then be left out)
     * or {@code decidedBy} (a name). {@code keyDecision} false and {@code visibility} INTERNAL when left out.
     */
    record DecisionBody(String title, String rationale, LocalDate decidedOn, String decidedBy, Long decidedByUserId,
            Boolean keyDecision, Visibility visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds,
            Integer version) {

        RoadmapInputs.DecisionInput input() {
            return new RoadmapInputs.DecisionInput(title, rationale, decidedOn, decidedBy, decidedByUserId, keyDecision, visibility,
                    initiativeIds, themeIds, objectiveIds);
        }
    }

    record DecisionView(long id, String title, String rationale, LocalDate decidedOn, String decidedBy, Long decidedByUserId,
            boolean keyDecision, Visibility visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds,
            int version) {

        static DecisionView of(Stored<Decision> s) {
            Decision d = s.value();
            return new DecisionView(d.id(), d.title(), d.rationale(), d.decidedOn(), d.decidedBy(), d.decidedByUserId(),
                    d.keyDecision(), d.visibility(), d.initiativeIds(), d.themeIds(), d.objectiveIds(), s.version());
        }
    }

    record RankingView(ScoringMethod method, String formula, List<Scoring.Ranked> ranked, List<Scoring.Unscored> unscored) {
    }

    record CycleView(List<Long> initiativeIds, String description) {
    }

    record FlagView(DependencyAnalysis.FlagKind kind, long dependentId, long requiredId, String message) {
    }

    record CriticalPathView(List<Long> initiativeIds, List<String> titles, BigDecimal length, String unit, String description) {
    }

    record AnalysisView(List<CycleView> cycles, List<FlagView> flags, CriticalPathView criticalPath,
            List<DependencyView> external) {
    }

    /**
     * @param strategy the linked differentiator or problem statement in its current wording ({@code live}
     *                 false: it was removed from its session, and the text is the label saved at link time)
     */
    record ChainView(long initiativeId, String title, List<String> objectives, String theme, LinkView link,
            StrategyView strategy, List<String> gaps) {
    }

    record StrategyView(String text, String sessionTitle, boolean live) {
    }

    record TraceabilityView(List<ChainView> chains, List<ChainView> orphans) {
    }

    record SnapshotBody(String name) {
    }

    // ------------------------------------------------------------ roadmap

    @GetMapping
    @Operation(summary = "The roadmap's settings: scoring method, review cadence, last review")
    ResponseEntity<SettingsView> settings(@PathVariable long productId) {
        RoadmapSettings s = roadmaps.settings(productId);
        return ResponseEntity.ok().eTag(Versioned.etag(s.id(), s.version())).body(SettingsView.of(s));
    }

    @PutMapping
    @Operation(summary = "Change the scoring method or review cadence (editor)")
    ResponseEntity<SettingsView> updateSettings(@PathVariable long productId, @RequestBody SettingsBody body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long id = roadmaps.settings(productId).id();
        RoadmapSettings s = versioned(ifMatch, id, body.version(), v -> roadmaps.updateSettings(productId,
                new RoadmapInputs.SettingsInput(body.scoringMethod(), body.reviewCadenceDays() == null ? 0 : body.reviewCadenceDays()), v));
        return ResponseEntity.ok().eTag(Versioned.etag(s.id(), s.version())).body(SettingsView.of(s));
    }

    @PostMapping("/reviews")
    @Operation(summary = "Record that the roadmap was reviewed today (editor)")
    ResponseEntity<SettingsView> reviewed(@PathVariable long productId, @RequestBody SettingsBody body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long id = roadmaps.settings(productId).id();
        RoadmapSettings s = versioned(ifMatch, id, body.version(), v -> roadmaps.markReviewed(productId, v));
        return ResponseEntity.ok().eTag(Versioned.etag(s.id(), s.version())).body(SettingsView.of(s));
    }

    // ------------------------------------------------------------ themes

    @GetMapping("/themes")
    @Operation(summary = "Themes, by name")
    List<ThemeView> themes(@PathVariable long productId) {
        return roadmaps.load(productId).themes().stream().map(ThemeView::of).toList();
    }

    @PostMapping("/themes")
    @Operation(summary = "Add a theme (editor)")
    ResponseEntity<ThemeView> createTheme(@PathVariable long productId, @RequestBody ThemeBody body) {
        Stored<Theme> t = roadmaps.createTheme(productId, new RoadmapInputs.ThemeInput(body.name(), body.description()));
        return created(productId, "themes", t.value().id(), t.version(), ThemeView.of(t));
    }

    @GetMapping("/themes/{themeId}")
    @Operation(summary = "One theme, with its version as ETag")
    ResponseEntity<ThemeView> theme(@PathVariable long productId, @PathVariable long themeId) {
        Stored<Theme> t = roadmaps.load(productId).themes().stream().filter(s -> s.value().id() == themeId).findFirst()
                .orElseThrow(() -> new NotFoundException("Theme"));
        return ResponseEntity.ok().eTag(Versioned.etag(themeId, t.version())).body(ThemeView.of(t));
    }

    @PutMapping("/themes/{themeId}")
    @Operation(summary = "Rename or re-describe a theme (editor)")
    ResponseEntity<ThemeView> updateTheme(@PathVariable long productId, @PathVariable long themeId, @RequestBody ThemeBody body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Theme> t = versioned(ifMatch, themeId, body.version(),
                v -> roadmaps.updateTheme(productId, themeId, new RoadmapInputs.ThemeInput(body.name(), body.description()), v));
        return ResponseEntity.ok().eTag(Versioned.etag(themeId, t.version())).body(ThemeView.of(t));
    }

    @DeleteMapping("/themes/{themeId}")
    @Operation(summary = "Delete a theme (editor); its initiatives stay, without a theme")
    ResponseEntity<Void> deleteTheme(@PathVariable long productId, @PathVariable long themeId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Integer version) {
        versioned(ifMatch, themeId, version, v -> {
            roadmaps.deleteTheme(productId, themeId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ objectives

    @GetMapping("/objectives")
    @Operation(summary = "Objectives with their progress")
    List<ObjectiveView> objectives(@PathVariable long productId) {
        return roadmaps.load(productId).objectives().stream().map(ObjectiveView::of).toList();
    }

    @PostMapping("/objectives")
    @Operation(summary = "Add an objective (editor); the target must lie in the metric's direction from the baseline")
    ResponseEntity<ObjectiveView> createObjective(@PathVariable long productId, @RequestBody ObjectiveBody body) {
        Stored<Objective> o = roadmaps.createObjective(productId, body.input());
        return created(productId, "objectives", o.value().id(), o.version(), ObjectiveView.of(o));
    }

    @GetMapping("/objectives/{objectiveId}")
    @Operation(summary = "One objective, with its version as ETag")
    ResponseEntity<ObjectiveView> objective(@PathVariable long productId, @PathVariable long objectiveId) {
        Stored<Objective> o = roadmaps.load(productId).objectives().stream().filter(s -> s.value().id() == objectiveId).findFirst()
                .orElseThrow(() -> new NotFoundException("Objective"));
        return ResponseEntity.ok().eTag(Versioned.etag(objectiveId, o.version())).body(ObjectiveView.of(o));
    }

    @PutMapping("/objectives/{objectiveId}")
    @Operation(summary = "Change an objective, e.g. its current value (editor)")
    ResponseEntity<ObjectiveView> updateObjective(@PathVariable long productId, @PathVariable long objectiveId,
            @RequestBody ObjectiveBody body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Objective> o = versioned(ifMatch, objectiveId, body.version(),
                v -> roadmaps.updateObjective(productId, objectiveId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(objectiveId, o.version())).body(ObjectiveView.of(o));
    }

    @DeleteMapping("/objectives/{objectiveId}")
    @Operation(summary = "Delete an objective (editor)")
    ResponseEntity<Void> deleteObjective(@PathVariable long productId, @PathVariable long objectiveId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Integer version) {
        versioned(ifMatch, objectiveId, version, v -> {
            roadmaps.deleteObjective(productId, objectiveId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ initiatives

    @GetMapping("/initiatives")
    @Operation(summary = "Initiatives, optionally filtered by horizon, stage, theme or visibility")
    List<InitiativeView> initiatives(@PathVariable long productId, @RequestParam(required = false) Horizon horizon,
            @RequestParam(required = false) Stage stage, @RequestParam(required = false) Long themeId,
            @RequestParam(required = false) Visibility visibility) {
        return roadmaps.load(productId).initiatives().stream()
                .filter(s -> horizon == null || s.value().horizon() == horizon)
                .filter(s -> stage == null || s.value().stage() == stage)
                .filter(s -> themeId == null || themeId.equals(s.value().themeId()))
                .filter(s -> visibility == null || s.value().visibility() == visibility)
                .map(InitiativeView::of).toList();
    }

    @PostMapping("/initiatives")
    @Operation(summary = "Add an initiative (editor)")
    ResponseEntity<InitiativeView> createInitiative(@PathVariable long productId, @RequestBody InitiativeBody body) {
        Stored<Initiative> i = roadmaps.createInitiative(productId, body.input());
        return created(productId, "initiatives", i.value().id(), i.version(), InitiativeView.of(i));
    }

    @GetMapping("/initiatives/{initiativeId}")
    @Operation(summary = "One initiative, with its version as ETag")
    ResponseEntity<InitiativeView> initiative(@PathVariable long productId, @PathVariable long initiativeId) {
        Stored<Initiative> i = roadmaps.load(productId).initiative(initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @PutMapping("/initiatives/{initiativeId}")
    @Operation(summary = "Replace an initiative's fields (editor)")
    ResponseEntity<InitiativeView> updateInitiative(@PathVariable long productId, @PathVariable long initiativeId,
            @RequestBody InitiativeBody body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Initiative> i = versioned(ifMatch, initiativeId, body.version(),
                v -> roadmaps.updateInitiative(productId, initiativeId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @PatchMapping("/initiatives/{initiativeId}/horizon")
    @Operation(summary = "Move an initiative to another horizon (editor)")
    ResponseEntity<InitiativeView> move(@PathVariable long productId, @PathVariable long initiativeId, @RequestBody MoveBody body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Initiative> i = versioned(ifMatch, initiativeId, body.version(),
                v -> roadmaps.moveInitiative(productId, initiativeId, body.horizon(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @PatchMapping("/initiatives/{initiativeId}/stage")
    @Operation(summary = "Move an initiative to another stage (editor)")
    ResponseEntity<InitiativeView> stage(@PathVariable long productId, @PathVariable long initiativeId, @RequestBody StageBody body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Initiative> i = versioned(ifMatch, initiativeId, body.version(),
                v -> roadmaps.changeStage(productId, initiativeId, body.stage(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @DeleteMapping("/initiatives/{initiativeId}")
    @Operation(summary = "Delete an initiative with its dependencies and risks (editor)")
    ResponseEntity<Void> deleteInitiative(@PathVariable long productId, @PathVariable long initiativeId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Integer version) {
        versioned(ifMatch, initiativeId, version, v -> {
            roadmaps.deleteInitiative(productId, initiativeId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ dependencies

    @GetMapping("/dependencies")
    @Operation(summary = "Dependencies between initiatives and on external teams or technologies")
    List<DependencyView> dependencies(@PathVariable long productId) {
        return roadmaps.load(productId).dependencies().stream().map(DependencyView::of).toList();
    }

    @PostMapping("/dependencies")
    @Operation(summary = "Add a dependency (editor); one that would close a cycle is refused and the cycle named")
    ResponseEntity<DependencyView> addDependency(@PathVariable long productId, @RequestBody DependencyBody body) {
        Stored<Dependency> d = roadmaps.addDependency(productId, new RoadmapInputs.DependencyInput(body.dependentId(),
                body.requiredId(), body.externalKind(), body.externalName(), body.note()));
        return created(productId, "dependencies", d.value().id(), d.version(), DependencyView.of(d));
    }

    @DeleteMapping("/dependencies/{dependencyId}")
    @Operation(summary = "Remove a dependency (editor)")
    ResponseEntity<Void> removeDependency(@PathVariable long productId, @PathVariable long dependencyId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Integer version) {
        versioned(ifMatch, dependencyId, version, v -> {
            roadmaps.removeDependency(productId, dependencyId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ risks

    @GetMapping("/risks")
    @Operation(summary = "Risks, highest exposure first")
    List<RiskView> risks(@PathVariable long productId) {
        return roadmaps.load(productId).risks().stream().map(RiskView::of).toList();
    }

    @PostMapping("/risks")
    @Operation(summary = "Add a risk (editor)")
    ResponseEntity<RiskView> createRisk(@PathVariable long productId, @RequestBody RiskBody body) {
        Stored<Risk> r = roadmaps.createRisk(productId, body.input());
        return created(productId, "risks", r.value().id(), r.version(), RiskView.of(r));
    }

    @PutMapping("/risks/{riskId}")
    @Operation(summary = "Change a risk (editor)")
    ResponseEntity<RiskView> updateRisk(@PathVariable long productId, @PathVariable long riskId, @RequestBody RiskBody body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Risk> r = versioned(ifMatch, riskId, body.version(), v -> roadmaps.updateRisk(productId, riskId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(riskId, r.version())).body(RiskView.of(r));
    }

    @DeleteMapping("/risks/{riskId}")
    @Operation(summary = "Delete a risk (editor)")
    ResponseEntity<Void> deleteRisk(@PathVariable long productId, @PathVariable long riskId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Integer version) {
        versioned(ifMatch, riskId, version, v -> {
            roadmaps.deleteRisk(productId, riskId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ decisions

    @GetMapping("/decisions")
    @Operation(summary = "The decision log, latest first; optionally only key decisions or those of one visibility",
            description = "The go/no-go decisions of the product's strategy sessions are not in the log: they are the "
                    + "sessions' own (see the session API).")
    List<DecisionView> decisions(@PathVariable long productId, @RequestParam(required = false) Boolean keyDecision,
            @RequestParam(required = false) Visibility visibility) {
        return decisions.list(productId).stream()
                .filter(s -> keyDecision == null || s.value().keyDecision() == keyDecision)
                .filter(s -> visibility == null || s.value().visibility() == visibility)
                .map(DecisionView::of).toList();
    }

    @PostMapping("/decisions")
    @Operation(summary = "Record a decision (editor): what, why, when, who decided, and what it concerns")
    ResponseEntity<DecisionView> createDecision(@PathVariable long productId, @RequestBody DecisionBody body) {
        Stored<Decision> d = decisions.create(productId, body.input());
        return created(productId, "decisions", d.value().id(), d.version(), DecisionView.of(d));
    }

    @GetMapping("/decisions/{decisionId}")
    @Operation(summary = "One decision, with its version as ETag")
    ResponseEntity<DecisionView> decision(@PathVariable long productId, @PathVariable long decisionId) {
        Stored<Decision> d = decisions.get(productId, decisionId);
        return ResponseEntity.ok().eTag(Versioned.etag(decisionId, d.version())).body(DecisionView.of(d));
    }

    @PutMapping("/decisions/{decisionId}")
    @Operation(summary = "Replace a decision's fields (editor)")
    ResponseEntity<DecisionView> updateDecision(@PathVariable long productId, @PathVariable long decisionId,
            @RequestBody DecisionBody body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Stored<Decision> d = versioned(ifMatch, decisionId, body.version(),
                v -> decisions.update(productId, decisionId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(decisionId, d.version())).body(DecisionView.of(d));
    }

    @DeleteMapping("/decisions/{decisionId}")
    @Operation(summary = "Delete a decision (editor)")
    ResponseEntity<Void> deleteDecision(@PathVariable long productId, @PathVariable long decisionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Integer version) {
        versioned(ifMatch, decisionId, version, v -> {
            decisions.delete(productId, decisionId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ scores, analysis, traceability

    @GetMapping("/ranking")
    @Operation(summary = "Initiatives ranked by the roadmap's scoring method (or another, as ?method=), each score explained")
    RankingView ranking(@PathVariable long productId, @RequestParam(required = false) ScoringMethod method) {
        RoadmapData data = roadmaps.load(productId);
        ScoringMethod chosen = method == null ? data.settings().scoringMethod() : method;
        Scoring.Ranking ranking = Scoring.rank(chosen, data.initiativeList());
        return new RankingView(chosen, chosen.formula(), ranking.ranked(), ranking.unscored());
    }

    @GetMapping("/analysis")
    @Operation(summary = "Dependency analysis: cycles, horizon and date conflicts, critical path (by EFFORT or DURATION)")
    AnalysisView analysis(@PathVariable long productId,
            @RequestParam(defaultValue = "EFFORT") DependencyAnalysis.Weight weight) {
        RoadmapData data = roadmaps.load(productId);
        DependencyAnalysis.Result result = data.analysis(weight);
        CriticalPathView path = result.criticalPath().map(p -> new CriticalPathView(p.initiativeIds(), p.titles(), p.length(),
                p.weight().unit(), p.describe())).orElse(null);
        List<DependencyView> external = data.dependencies().stream().filter(d -> !d.value().isOnInitiative())
                .map(DependencyView::of).toList();
        return new AnalysisView(result.cycles().stream().map(c -> new CycleView(c.initiativeIds(), c.describe())).toList(),
                result.flags().stream().map(f -> new FlagView(f.kind(), f.dependentId(), f.requiredId(), f.message())).toList(),
                path, external);
    }

    @GetMapping("/traceability")
    @Operation(summary = "Each initiative's chain: objectives → theme → differentiator or problem statement; orphans listed")
    TraceabilityView traceability(@PathVariable long productId) {
        RoadmapData data = roadmaps.load(productId);
        var live = links.resolve(data.settings().workspaceId(), productId, data.initiativeList());
        List<ChainView> chains = data.traceability().stream().map(c -> chain(c, live.get(c.initiative().id()))).toList();
        return new TraceabilityView(chains, chains.stream().filter(c -> !c.gaps().isEmpty()).toList());
    }

    private static ChainView chain(Traceability.Chain c, StrategyLinks.LiveLink live) {
        return new ChainView(c.initiative().id(), c.initiative().title(), c.objectives().stream().map(Objective::title).toList(),
                c.theme() == null ? null : c.theme().name(),
                c.link() == null ? null : new LinkView(c.link().kind(), c.link().referenceId(), c.link().label()),
                live == null ? null : new StrategyView(live.text(), live.sessionTitle(), live.live()), c.gaps());
    }

    // ------------------------------------------------------------ snapshots

    @GetMapping("/snapshots")
    @Operation(summary = "Saved snapshots, newest first")
    List<Roadmaps.SnapshotInfo> snapshots(@PathVariable long productId) {
        return roadmaps.snapshots(productId);
    }

    @PostMapping("/snapshots")
    @Operation(summary = "Save the roadmap as it is now under a name (editor)")
    ResponseEntity<Roadmaps.SnapshotInfo> takeSnapshot(@PathVariable long productId, @RequestBody SnapshotBody body) {
        Roadmaps.SnapshotInfo info = roadmaps.takeSnapshot(productId, body.name());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/roadmap/snapshots/" + info.id())).body(info);
    }

    @GetMapping("/snapshots/{snapshotId}")
    @Operation(summary = "One snapshot with its initiatives as they were")
    Roadmaps.Snapshot snapshot(@PathVariable long productId, @PathVariable long snapshotId) {
        return roadmaps.snapshot(productId, snapshotId);
    }

    @GetMapping("/diff")
    @Operation(summary = "What changed from one snapshot to another (to=current, or omitted, for the roadmap as it is now)")
    RoadmapDiff diff(@PathVariable long productId, @RequestParam long from, @RequestParam(defaultValue = "current") String to) {
        Long toId = null;
        if (!"current".equals(to)) {
            try {
                toId = Long.parseLong(to);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("to", "must be a snapshot id or 'current'");
            }
        }
        return roadmaps.diff(productId, from, toId);
    }

    // ------------------------------------------------------------ helpers

    private static <T> ResponseEntity<T> created(long productId, String collection, long id, int version, T body) {
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/roadmap/" + collection + "/" + id))
                .eTag(Versioned.etag(id, version)).body(body);
    }

    /** Runs a versioned change with the version from If-Match or the body; a stale If-Match answers 412. */
    private static <T> T versioned(String ifMatch, long id, Integer bodyVersion, IntFunction<T> change) {
        Integer fromHeader = Versioned.versionFromIfMatch(ifMatch, id);
        Integer version = fromHeader != null ? fromHeader : bodyVersion;
        if (version == null) {
            throw new InvalidInputException("version",
                    "is required: send the version you read as If-Match header or 'version' field");
        }
        try {
            return change.apply(version);
        } catch (ConflictException e) {
            throw fromHeader != null ? e.asPreconditionFailed() : e;
        }
    }

}
