package app.truenorth.health.api;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Dismissals;
import app.truenorth.health.Health;
import app.truenorth.health.HealthCheck;
import app.truenorth.health.StoredThresholds;
import app.truenorth.health.rules.AntiGoalMatch;
import app.truenorth.health.rules.AudienceLinks;
import app.truenorth.health.rules.Evidence;
import app.truenorth.health.rules.Finding;
import app.truenorth.health.rules.HealthReport;
import app.truenorth.health.rules.Thresholds;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.Problems;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of a roadmap's health: the findings and score, the thresholds, the declared anti-goals and the
 * anti-goal findings dismissed for one initiative. A thresholds update names the version it read (If-Match
 * or a {@code version} field; 0 while the defaults are in force): a stale one is 412 or 409, a missing one 428. Anti-goals are added and removed one by
 * one, so concurrent edits cannot overwrite each other; a dismissal's reason is changed, and a dismissal
 * withdrawn, with the version that was read.
 */
@RestController
@RequestMapping("/api/v1/products/{productId}/health")
@Tag(name = "Health", description = "Roadmap health checks: findings with evidence, a score, configurable thresholds")
@SecurityRequirement(name = "bearer")
class HealthApi {

    private final Health health;
    private final AntiGoals antiGoals;
    private final Dismissals dismissals;

    HealthApi(Health health, AntiGoals antiGoals, Dismissals dismissals) {
        this.health = health;
        this.antiGoals = antiGoals;
        this.dismissals = dismissals;
    }

    /**
     * Why an initiative resembles an anti-goal.
     *
     * @param percent       how alike the two texts are, 0–100 (the scale of {@code antiGoalMatchPercent})
     * @param signal        what carried the match: shared terms, meaning, or both
     * @param sharedTerms   significant terms both use, as the initiative writes them
     * @param closestPhrase the initiative's phrase closest to the anti-goal (null when the shared terms say it all)
     * @param explanation   the same in one sentence
     */
    record MatchView(int percent, String signal, List<String> sharedTerms, String closestPhrase, String explanation) {

        static MatchView of(AntiGoalMatch m) {
            return m == null ? null : new MatchView(m.percent(), m.signal(), m.sharedTerms(), m.closestPhrase(), m.explanation());
        }
    }

    /** An item a finding is about; {@code match} only on anti-goal findings. */
    record EvidenceView(Long initiativeId, String label, MatchView match) {

        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.initiativeId(), e.label(), MatchView.of(e.match()));
        }
    }

    record FindingView(String rule, String title, String severity, String message, String fix, List<EvidenceView> evidence) {

        static FindingView of(Finding f) {
            return new FindingView(f.rule().id(), f.rule().title(), f.severity().name().toLowerCase(), f.message(), f.fix(),
                    f.evidence().stream().map(EvidenceView::of).toList());
        }
    }

    /** An anti-goal match that is not a finding because an editor dismissed it; {@code dismissalId} names the dismissal. */
    record DismissedView(String antiGoal, Long antiGoalId, long initiativeId, String label, MatchView match, String reason,
            Long dismissalId) {

        static DismissedView of(HealthReport.Dismissed d, HealthCheck check) {
            long initiativeId = d.evidence().initiativeId();
            return new DismissedView(d.antiGoal(), check.antiGoal(d.antiGoal()).map(AntiGoals.AntiGoal::id).orElse(null), initiativeId,
                    d.evidence().label(), MatchView.of(d.evidence().match()), d.reason(),
                    check.dismissal(d.antiGoal(), initiativeId).map(Dismissals.StoredDismissal::id).orElse(null));
        }
    }

    /**
     * A dismissal on record.
     *
     * @param holds false once the anti-goal's or the initiative's text changed since: the finding is back
     */
    record DismissalView(long id, long antiGoalId, String antiGoal, long initiativeId, String initiativeTitle, String reason,
            boolean holds, String dismissedBy, OffsetDateTime dismissedAt, int version) {

        static DismissalView of(Dismissals.StoredDismissal d) {
            return new DismissalView(d.id(), d.antiGoalId(), d.antiGoal(), d.initiativeId(), d.initiativeTitle(), d.reason(), d.holds(),
                    d.dismissedBy(), d.dismissedAt(), d.version());
        }
    }

    /** Dismisses the anti-goal's finding for one initiative, with the reason. */
    record DismissBody(Long antiGoalId, Long initiativeId, String reason) {
    }

    /** A new reason for a dismissal, with the version read (or send it as If-Match). */
    record DismissalBody(String reason, Integer version) {
    }

    record ThresholdsView(BigDecimal featureSizeWeeks, int maxFeatureSizedPercent, BigDecimal nowCapacityWeeks, int maxNowPercent,
            int antiGoalMatchPercent, boolean defaults, int version) {

        static ThresholdsView of(StoredThresholds s) {
            Thresholds t = s.thresholds();
            return new ThresholdsView(t.featureSizeWeeks(), t.maxFeatureSizedPercent(), t.nowCapacityWeeks(), t.maxNowPercent(),
                    t.antiGoalMatchPercent(), s.defaults(), s.version());
        }
    }

    record AntiGoalView(long id, String text, OffsetDateTime createdAt) {

        static AntiGoalView of(AntiGoals.AntiGoal g) {
            return new AntiGoalView(g.id(), g.text(), g.createdAt());
        }
    }

    /** A new anti-goal: a solution the strategy rules out, in a few words. */
    record AntiGoalBody(String text) {
    }

    /**
     * What the one-size-fits-all rule looked at: live share links per audience holding them and view shown.
     */
    record AudienceLinksView(String audience, String view, boolean customerSafeView, boolean customers, int links,
            List<String> linkLabels) {

        static AudienceLinksView of(AudienceLinks a) {
            return new AudienceLinksView(a.audience(), a.view(), a.externalView(), a.customers(), a.linkCount(), a.links());
        }
    }

    record HealthView(long productId, LocalDate checkedOn, int score, String verdict, int initiatives, List<FindingView> findings,
            List<DismissedView> dismissed, ThresholdsView thresholds, List<AntiGoalView> antiGoals, List<AudienceLinksView> shareLinks) {
    }

    /**
     * New thresholds. {@code antiGoalSimilarityPercent}, the retired word-overlap threshold, is refused with
     * an explanation rather than read on the new scale.
     */
    record ThresholdsBody(BigDecimal featureSizeWeeks, Integer maxFeatureSizedPercent, BigDecimal nowCapacityWeeks,
            Integer maxNowPercent, Integer antiGoalMatchPercent, Integer version,
            @io.swagger.v3.oas.annotations.media.Schema(deprecated = true, description = "Retired: refused; use antiGoalMatchPercent")
            Integer antiGoalSimilarityPercent) {
    }

    @GetMapping
    @Operation(summary = "The roadmap's health: score, findings with evidence and suggested fixes, and the thresholds used")
    HealthView health(@PathVariable long productId) {
        HealthCheck check = health.check(productId);
        var report = check.report();
        return new HealthView(productId, check.today(), report.score(), report.verdict(), report.initiativeCount(),
                report.findings().stream().map(FindingView::of).toList(),
                report.dismissed().stream().map(d -> DismissedView.of(d, check)).toList(), ThresholdsView.of(check.thresholds()),
                check.antiGoals().stream().map(AntiGoalView::of).toList(),
                check.audiences().stream().map(AudienceLinksView::of).toList());
    }

    @GetMapping("/anti-goals")
    @Operation(summary = "The roadmap's declared anti-goals (things it will not build), oldest first")
    List<AntiGoalView> antiGoals(@PathVariable long productId) {
        return antiGoals.list(productId).stream().map(AntiGoalView::of).toList();
    }

    @GetMapping("/anti-goals/{antiGoalId}")
    @Operation(summary = "One anti-goal")
    AntiGoalView antiGoal(@PathVariable long productId, @PathVariable long antiGoalId) {
        return AntiGoalView.of(antiGoals.get(productId, antiGoalId));
    }

    @PostMapping("/anti-goals")
    @Operation(summary = "Add an anti-goal (editor): at least one significant word, at most 200 characters, not listed yet")
    ResponseEntity<AntiGoalView> addAntiGoal(@PathVariable long productId, @RequestBody AntiGoalBody body) {
        AntiGoals.AntiGoal added = antiGoals.add(productId, body.text());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/health/anti-goals/" + added.id()))
                .body(AntiGoalView.of(added));
    }

    @DeleteMapping("/anti-goals/{antiGoalId}")
    @Operation(summary = "Remove an anti-goal (editor); one removed already is 404")
    ResponseEntity<Void> removeAntiGoal(@PathVariable long productId, @PathVariable long antiGoalId) {
        antiGoals.remove(productId, antiGoalId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/thresholds")
    @Operation(summary = "The thresholds, with their version as ETag")
    ResponseEntity<ThresholdsView> thresholds(@PathVariable long productId) {
        StoredThresholds s = health.thresholds(productId);
        return ResponseEntity.ok().eTag(Versioned.etag(productId, s.version())).body(ThresholdsView.of(s));
    }

    @PutMapping("/thresholds")
    @Operation(summary = "Change the thresholds (editor); nowCapacityWeeks may be null when unknown")
    ResponseEntity<ThresholdsView> updateThresholds(@PathVariable long productId, @RequestBody ThresholdsBody body,
            VersionedWrite write) {
        if (body.antiGoalSimilarityPercent() != null) {
            throw new InvalidInputException("antiGoalSimilarityPercent", "is retired: it was the share of an anti-goal's words an "
                    + "initiative repeated; send antiGoalMatchPercent, how alike the two texts are (0–100, default "
                    + Thresholds.DEFAULT_ANTI_GOAL_MATCH_PERCENT + "), instead. Your " + body.antiGoalSimilarityPercent()
                    + " corresponds to " + Thresholds.matchPercentFromWordOverlap(body.antiGoalSimilarityPercent())
                    + " on the new scale.");
        }
        StoredThresholds s = write.run(productId, body.version(), version -> health.updateThresholds(productId,
                new Health.ThresholdsInput(body.featureSizeWeeks(), body.maxFeatureSizedPercent(), body.nowCapacityWeeks(),
                        body.maxNowPercent(), body.antiGoalMatchPercent()), version));
        return ResponseEntity.ok().eTag(Versioned.etag(productId, s.version())).body(ThresholdsView.of(s));
    }

    @GetMapping("/dismissals")
    @Operation(summary = "Anti-goal findings dismissed for one initiative, oldest first; holds=false once a text changed")
    List<DismissalView> dismissals(@PathVariable long productId) {
        return dismissals.list(productId).stream().map(DismissalView::of).toList();
    }

    @GetMapping("/dismissals/{dismissalId}")
    @Operation(summary = "One dismissal, with its version as ETag")
    ResponseEntity<DismissalView> dismissal(@PathVariable long productId, @PathVariable long dismissalId) {
        Dismissals.StoredDismissal d = dismissals.get(productId, dismissalId);
        return ResponseEntity.ok().eTag(Versioned.etag(dismissalId, d.version())).body(DismissalView.of(d));
    }

    @PostMapping("/dismissals")
    @Operation(summary = "Dismiss an anti-goal finding for one initiative, with a reason (editor). It holds until the anti-goal's "
            + "or the initiative's text changes; 409 when already dismissed")
    ResponseEntity<DismissalView> dismiss(@PathVariable long productId, @RequestBody DismissBody body) {
        Problems problems = new Problems();
        if (body.antiGoalId() == null) {
            problems.add("antiGoalId", "is required: the id of the anti-goal (GET …/health/anti-goals)");
        }
        if (body.initiativeId() == null) {
            problems.add("initiativeId", "is required: the id of the initiative the finding names");
        }
        problems.throwIfAny();
        Dismissals.StoredDismissal d = dismissals.dismiss(productId, body.antiGoalId(), body.initiativeId(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/health/dismissals/" + d.id()))
                .eTag(Versioned.etag(d.id(), d.version())).body(DismissalView.of(d));
    }

    @PutMapping("/dismissals/{dismissalId}")
    @Operation(summary = "Change a dismissal's reason (editor), with the version read as If-Match or 'version'")
    ResponseEntity<DismissalView> changeDismissal(@PathVariable long productId, @PathVariable long dismissalId,
            @RequestBody DismissalBody body, VersionedWrite write) {
        Dismissals.StoredDismissal d = write.run(dismissalId, body.version(),
                version -> dismissals.changeReason(productId, dismissalId, body.reason(), version));
        return ResponseEntity.ok().eTag(Versioned.etag(dismissalId, d.version())).body(DismissalView.of(d));
    }

    @DeleteMapping("/dismissals/{dismissalId}")
    @Operation(summary = "Withdraw a dismissal (editor), with the version read as If-Match: "
            + "the finding shows again while the pair matches; 404 when withdrawn already")
    ResponseEntity<Void> withdrawDismissal(@PathVariable long productId, @PathVariable long dismissalId, VersionedWrite write) {
        write.run(dismissalId, null, version -> {
            dismissals.withdraw(productId, dismissalId, version);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
