package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.session.Participant;
import app.truenorth.session.StrategyArtifacts;
import app.truenorth.session.StrategyDemo;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.time.LocalDate;
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
    @Autowired
    Snapshots snapshots;

    @Autowired
    Decisions decisions;
    @Autowired
    StrategyDemo demo;
    @Autowired
    StrategyArtifacts artifacts;

    @Test
    void theSampleRoadmapFillsEveryFormatAndTheDiffAndServesTheSession() {
        var owner = fixtures.owner();
        var ana = fixtures.member(owner, Role.EDITOR);
        var ben = fixtures.member(owner, Role.CONTRIBUTOR);
        long productId = fixtures.product(owner, "Atlas Fleet").id();
        demo.seed(owner.workspaceId(), productId, new Participant(owner.userId(), owner.displayName()),
                new Participant(ana.userId(), ana.displayName()), new Participant(ben.userId(), ben.displayName()),
                LocalDate.now().minusWeeks(3));
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
            assertThat(analysis.external()).hasSize(2);
            assertThat(data.traceability().stream().filter(c -> c.isOrphan()).map(c -> c.initiative().title()))
                    .contains("Dark mode", "Per-vehicle billing");
            assertThat(data.ranking().ranked()).hasSize(12);
            var snapshot = snapshots.list(productId).getFirst();
            var diff = snapshots.diff(productId, snapshot.id(), null);
            assertThat(diff.moved()).singleElement().satisfies(m -> assertThat(m.describe())
                    .isEqualTo("“Depot board” moved from Next to Now"));
            assertThat(diff.restaged()).hasSize(1);

            // the links are the session's own differentiators and problem statements, with their wording
            var linked = data.initiativeList().stream().filter(i -> i.link() != null).toList();
            assertThat(linked).hasSize(10);
            assertThat(linked).allSatisfy(i -> assertThat(switch (i.link().kind()) {
                case DIFFERENTIATOR -> artifacts.differentiator(owner.workspaceId(), productId, i.link().referenceId())
                        .map(d -> d.text());
                case PROBLEM_STATEMENT -> artifacts.problemStatement(owner.workspaceId(), productId, i.link().referenceId())
                        .map(p -> p.sentence());
            }).hasValue(i.link().label()));
            assertThat(data.initiativeList().stream().filter(i -> i.title().equals("Free-van list for dispatchers")).findFirst()
                    .orElseThrow().link().label()).startsWith("I am a dispatcher");

            // the decision log: latest first, three key, one internal; members by name, others as written
            var log = data.decisionList();
            assertThat(log).hasSize(5);
            assertThat(log.getFirst().title()).isEqualTo("Dark mode waits until proof of delivery has shipped");
            assertThat(log).filteredOn(d -> d.keyDecision()).hasSize(3);
            assertThat(log).filteredOn(d -> !d.isExternal()).singleElement()
                    .satisfies(d -> assertThat(d.decidedBy()).isEqualTo("Leadership team"));
            assertThat(log).allSatisfy(d -> assertThat(d.initiativeIds()).isNotEmpty());
            // the session's go decision stands beside the log
            assertThat(decisions.strategyDecisions(productId)).singleElement().satisfies(g -> {
                assertThat(g.outcome()).isEqualTo("Go");
                assertThat(g.title()).isEqualTo("Go at the go/no-go gate of “Fleet visibility strategy”");
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
