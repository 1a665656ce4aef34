package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class RoadmapSamplesTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RoadmapSamples samples;
    @Autowired
    Roadmaps roadmaps;

    @Test
    void theSampleRoadmapFillsEveryFormatAndTheDiff() {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Demo").id();
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            samples.fill(productId);
            RoadmapData data = roadmaps.load(productId);
            assertThat(data.themes()).hasSize(4);
            assertThat(data.objectives()).hasSize(3);
            assertThat(data.initiatives()).hasSize(12);
            var analysis = data.analysis(DependencyAnalysis.Weight.EFFORT);
            assertThat(analysis.hasCycle()).isFalse();
            assertThat(analysis.criticalPath()).isPresent();
            assertThat(analysis.external()).hasSize(1);
            assertThat(data.traceability().stream().filter(c -> c.isOrphan()).count()).isPositive();
            assertThat(data.ranking().ranked()).hasSize(12);
            var snapshot = roadmaps.snapshots(productId).getFirst();
            var diff = roadmaps.diff(productId, snapshot.id(), null);
            assertThat(diff.moved()).singleElement().satisfies(m -> assertThat(m.describe())
                    .isEqualTo("“Onboarding emails” moved from Next to Now"));
            assertThat(diff.restaged()).hasSize(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
