package app.truenorth.health.api;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Health;
import app.truenorth.health.HealthCheck;
import app.truenorth.health.StoredThresholds;
import app.truenorth.health.rules.AudienceLinks;
import app.truenorth.health.rules.Finding;
import app.truenorth.health.rules.Thresholds;
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
 * REST API of a roadmap's health: the findings and score, the thresholds and the declared anti-goals. A
 * thresholds update names the version it read (If-Match or a {@code version} field; 0 while the defaults
 * are in force): a stale one is 412 or 409, a missing one 428. Anti-goals are added and removed one by one, so concurrent edits cannot overwrite each other.
 */
@RestController
@RequestMapping("/api/v1/products/{productId}/health")
@Tag(name = "Health", description = "Roadmap health checks: findings with evidence, a score, configurable thresholds")
@SecurityRequirement(name = "bearer")
class HealthApi {

    private final Health health;
    private final AntiGoals antiGoals;

    HealthApi(Health health, AntiGoals antiGoals) {
        this.health = health;
        this.antiGoals = antiGoals;
    }

    record EvidenceView(Long initiativeId, String label) {
    }

    record FindingView(String rule, String title, String severity, String message, String fix, List<EvidenceView> evidence) {

        static FindingView of(Finding f) {
            return new FindingView(f.rule().id(), f.rule().title(), f.severity().name().toLowerCase(), f.message(), f.fix(),
                    f.evidence().stream().map(e -> new EvidenceView(e.initiativeId(), e.label())).toList());
        }
    }

    record ThresholdsView(BigDecimal featureSizeWeeks, int maxFeatureSizedPercent, BigDecimal nowCapacityWeeks, int maxNowPercent,
            int antiGoalSimilarityPercent, boolean defaults, int version) {

        static ThresholdsView of(StoredThresholds s) {
            Thresholds t = s.thresholds();
            return new ThresholdsView(t.featureSizeWeeks(), t.maxFeatureSizedPercent(), t.nowCapacityWeeks(), t.maxNowPercent(),
                    t.antiGoalSimilarityPercent(), s.defaults(), s.version());
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
            ThresholdsView thresholds, List<AntiGoalView> antiGoals, List<AudienceLinksView> shareLinks) {
    }

    record ThresholdsBody(BigDecimal featureSizeWeeks, Integer maxFeatureSizedPercent, BigDecimal nowCapacityWeeks,
            Integer maxNowPercent, Integer antiGoalSimilarityPercent, Integer version) {
    }

    @GetMapping
    @Operation(summary = "The roadmap's health: score, findings with evidence and suggested fixes, and the thresholds used")
    HealthView health(@PathVariable long productId) {
        HealthCheck check = health.check(productId);
        var report = check.report();
        return new HealthView(productId, check.today(), report.score(), report.verdict(), report.initiativeCount(),
                report.findings().stream().map(FindingView::of).toList(), ThresholdsView.of(check.thresholds()),
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
    @Operation(summary = "Add an anti-goal (editor): at least two significant words, at most 200 characters, not listed yet")
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
        StoredThresholds s = write.run(productId, body.version(), version -> health.updateThresholds(productId,
                new Health.ThresholdsInput(body.featureSizeWeeks(), body.maxFeatureSizedPercent(), body.nowCapacityWeeks(),
                        body.maxNowPercent(), body.antiGoalSimilarityPercent()), version));
        return ResponseEntity.ok().eTag(Versioned.etag(productId, s.version())).body(ThresholdsView.of(s));
    }
}
