package app.truenorth.health.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Visibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The decision log in the roadmap-as-code format: read with its references, refused with lines when wrong. */
class RoadmapYamlDecisionsTest {

    @Test
    void theDocumentedExampleCarriesItsDecisionsWithTheirReferences() throws Exception {
        RoadmapFile file = RoadmapYaml.read(Files.readString(Path.of("docs/roadmap.yaml")));
        assertThat(file.decisions()).hasSize(2);
        Decision traffic = file.decisions().getFirst();
        assertThat(traffic.title()).startsWith("Buy live traffic data");
        assertThat(traffic.decidedOn()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(traffic.keyDecision()).isTrue();
        assertThat(traffic.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(traffic.initiativeIds()).extracting(id -> file.initiativeKeys().get(id)).containsExactly("traffic-feed", "live-eta");
        assertThat(traffic.objectiveIds()).hasSize(1);
        Decision sso = file.decisions().getLast();
        assertThat(sso.isExternal()).isTrue();
        assertThat(sso.themeIds()).singleElement().satisfies(id -> assertThat(file.themes().stream()
                .filter(t -> t.id() == id).findFirst().orElseThrow().name()).isEqualTo("Enterprise readiness"));
    }

    @Test
    void aFileWithoutDecisionsReadsAsBefore() throws Exception {
        RoadmapFile file = RoadmapYaml.read("""
                version: 1
                product: Beacon
                initiatives:
                  - {key: one, title: First, horizon: now}
                """);
        assertThat(file.decisions()).isEmpty();
    }

    @Test
    void unknownKeysBlankTextAndTyposAreReportedAtTheirLines() {
        var refused = catchThrowableOfType(RoadmapFileException.class, () -> RoadmapYaml.read("""
                version: 1
                product: Beacon
                initiatives:
                  - {key: one, title: First, horizon: now}
                decisions:
                  - title: "  "
                    rationale: Because
                    decided: 2026-05-01
                    decidedBy: Dana
                    initiatives: [one, two]
                """));
        assertThat(refused.problems()).extracting(RoadmapFileException.Problem::describe)
                .anySatisfy(p -> assertThat(p).startsWith("line 6: /decisions/0/title").contains("say what was decided"))
                .anySatisfy(p -> assertThat(p).startsWith("line 10: /decisions/0/initiatives/1").contains("no initiative has the key “two”"));

        var typo = catchThrowableOfType(RoadmapFileException.class, () -> RoadmapYaml.read("""
                version: 1
                product: Beacon
                initiatives:
                  - {key: one, title: First, horizon: now}
                decisions:
                  - {title: Ship it, rationale: Because, decided: 2026-05-01, decidedBy: Dana, keyDecison: true}
                """));
        assertThat(typo.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("keyDecison");
        });
    }
}
