package app.truenorth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Things that name what they need come after it; ties by name; cycles and unknown names are refused. */
class DependencyOrderTest {

    record Part(String name, List<String> needs) {
    }

    static List<String> order(Map<String, List<String>> parts) {
        var items = parts.entrySet().stream().map(e -> new Part(e.getKey(), e.getValue())).toList();
        return DependencyOrder.sort("part", items, Part::name, Part::needs).stream().map(Part::name).toList();
    }

    @Test
    void eachComesAfterWhatItNeedsAndOtherwiseByName() {
        assertThat(order(Map.of("views", List.of(), "health", List.of("roadmap"), "roadmap", List.of("session"), "session", List.of())))
                .containsExactly("session", "roadmap", "health", "views");
        assertThat(order(Map.of("a", List.of("d"), "b", List.of(), "c", List.of("b"), "d", List.of("b", "c"))))
                .containsExactly("b", "c", "d", "a");
        assertThat(order(Map.of())).isEmpty();
    }

    @Test
    void aCycleIsRefusedAndNamed() {
        assertThatThrownBy(() -> order(Map.of("session", List.of(), "roadmap", List.of("health", "session"), "health",
                List.of("views"), "views", List.of("roadmap"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The parts' needs form a cycle: health → views → roadmap → health");
        assertThatThrownBy(() -> order(Map.of("self", List.of("self")))).hasMessageContaining("self → self");
    }

    @Test
    void aNeedThatNamesNothingIsRefused() {
        assertThatThrownBy(() -> order(Map.of("roadmap", List.of("sesion"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"roadmap\" needs \"sesion\"");
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        assertThatThrownBy(() -> DependencyOrder.sort("part", List.of(new Part("a", List.of()), new Part("a", List.of())), Part::name,
                Part::needs)).isInstanceOf(IllegalStateException.class).hasMessageContaining("\"a\"");
    }
}
