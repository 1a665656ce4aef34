package app.truenorth.session;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StrategyDemoTest {

    @Autowired
    StrategyDemo demo;
    @Autowired
    StrategySessionRepository repository;
    @Autowired
    StrategyArtifacts artifacts;
    @Autowired
    Fixtures fixtures;

    @Test
    void seedsASessionReadyForRoadmapPlanning() {
        var owner = fixtures.owner();
        var ana = fixtures.member(owner, Role.EDITOR);
        var ben = fixtures.member(owner, Role.VIEWER);
        long productId = fixtures.product(owner, "Atlas").id();
        long id = demo.seed(owner.workspaceId(), productId, new Participant(owner.userId(), owner.displayName()),
                new Participant(ana.userId(), ana.displayName()), new Participant(ben.userId(), ben.displayName()),
                LocalDate.of(2026, 9, 7));

        StrategySession s = repository.load(owner.workspaceId(), productId, id);
        assertThat(s.status(Phase.MARKET_SIZING)).isEqualTo(PhaseStatus.SIGNED_OFF);
        assertThat(s.status(Phase.ROADMAP_PLANNING)).isEqualTo(PhaseStatus.OPEN);
        assertThat(s.collapsed()).isFalse();
        assertThat(s.changeRequests(Phase.POSITIONING)).singleElement().satisfies(c -> assertThat(c.addressed()).isTrue());
        assertThat(s.initiatives()).hasSize(4);
        assertThat(s.initiatives().stream().filter(i -> s.linkLabel(i) == null)).hasSize(1);
        assertThat(s.alignmentPercent()).isEqualByComparingTo("66.7");
        assertThat(artifacts.differentiators(owner.workspaceId(), productId)).hasSize(3);
    }
}
