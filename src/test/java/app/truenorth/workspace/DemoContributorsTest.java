package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's contributors run after the ones they need; contributors that need each other cannot start. */
class DemoContributorsTest {

    static final DemoWorkspace DEMO = new DemoWorkspace(1, 2, Map.of("OWNER", 2L), List.of(new DemoWorkspace.DemoProduct("atlas", 3, "Atlas")));

    record Fake(String name, Set<String> needs, List<String> log) implements DemoContributor {
        @Override
        public void contribute(DemoWorkspace demo) {
            log.add(name + "@" + demo.product("atlas").orElseThrow().productId());
        }
    }

    @Test
    void runsEachAfterWhatItNeeds() {
        List<String> log = new ArrayList<>();
        var contributors = new DemoContributors(List.of(new Fake("health", Set.of("roadmap"), log), new Fake("views", Set.of(), log),
                new Fake("roadmap", Set.of("session"), log), new Fake("session", Set.of(), log)));
        contributors.contribute(DEMO);
        assertThat(log).containsExactly("session@3", "roadmap@3", "health@3", "views@3");
    }

    @Test
    void contributorsThatNeedEachOtherStopTheStart() {
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> new DemoContributors(List.of(new Fake("session", Set.of("roadmap"), log),
                new Fake("roadmap", Set.of("session"), log))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The demo contributors' needs form a cycle: roadmap → session → roadmap");
        assertThatThrownBy(() -> new DemoContributors(List.of(new Fake("roadmap", Set.of("strategy"), log))))
                .hasMessageContaining("\"roadmap\" needs \"strategy\"");
        assertThat(log).isEmpty();
    }
}
