package app.truenorth.health.api;

import app.truenorth.health.Health;
import app.truenorth.health.HealthCheck;
import app.truenorth.health.StoredThresholds;
import app.truenorth.health.rules.Finding;
import app.truenorth.health.rules.Thresholds;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of a roadmap's health: the findings and score, and the thresholds. A thresholds update names
 * the version it read (If-Match or a {@code version} field; 0 while the defaults are in force).
 */
@RestController
@RequestMapping("/api/v1/products/{productId}/health")
@Tag(name = "Health", description = "Roadmap health checks: findings with evidence, a score, configurable thresholds")
@SecurityRequirement(name = "bearer")
class HealthApi {

    private final Health health;

    HealthApi(Health health) {
        this.health = health;
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

    record HealthView(long productId, LocalDate checkedOn, int score, String verdict, int initiatives, List<FindingView> findings,
            ThresholdsView thresholds) {
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
                report.findings().stream().map(FindingView::of).toList(), ThresholdsView.of(check.thresholds()));
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
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Integer fromHeader = Versioned.versionFromIfMatch(ifMatch, productId);
        Integer version = fromHeader != null ? fromHeader : body.version();
        if (version == null) {
            throw new InvalidInputException("version", "is required: send the version you read as If-Match header or 'version' field");
        }
        try {
            StoredThresholds s = health.updateThresholds(productId, new Health.ThresholdsInput(body.featureSizeWeeks(),
                    body.maxFeatureSizedPercent(), body.nowCapacityWeeks(), body.maxNowPercent(), body.antiGoalSimilarityPercent()),
                    version);
            return ResponseEntity.ok().eTag(Versioned.etag(productId, s.version())).body(ThresholdsView.of(s));
        } catch (ConflictException e) {
            throw fromHeader != null ? e.asPreconditionFailed() : e;
        }
    }
}
