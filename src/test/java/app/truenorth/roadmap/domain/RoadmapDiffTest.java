package app.truenorth.roadmap.domain;

import static app.truenorth.roadmap.domain.TestInitiatives.initiative;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoadmapDiffTest {

    private static SnapshotItem item(TestInitiatives b) {
        return SnapshotItem.of(b.build(), "Theme");
    }

    @Test
    void reportsAddedRemovedMovedRescopedRedatedAndRestaged() {
        var before = List.of(
                item(initiative(1, "Keep").in(Horizon.NOW)),
                item(initiative(2, "Drop")),
                item(initiative(3, "Move").in(Horizon.NEXT)),
                item(initiative(4, "Grow").effort("2", "4")),
                item(initiative(5, "Slip").quarter("2026-Q2")),
                item(initiative(6, "Ship").stage(Stage.DISCOVERY)));
        var after = List.of(
                item(initiative(1, "Keep").in(Horizon.NOW)),
                item(initiative(3, "Move").in(Horizon.NOW)),
                item(initiative(4, "Grow").effort("4", "8")),
                item(initiative(5, "Slip").quarter("2026-Q3")),
                item(initiative(6, "Ship").stage(Stage.BUILDING)),
                item(initiative(7, "New")));
        var diff = RoadmapDiff.between(before, after);
        assertThat(diff.added()).extracting(SnapshotItem::title).containsExactly("New");
        assertThat(diff.removed()).extracting(SnapshotItem::title).containsExactly("Drop");
        assertThat(diff.moved()).singleElement().satisfies(m -> assertThat(m.describe()).isEqualTo("“Move” moved from Next to Now"));
        assertThat(diff.rescoped()).singleElement().satisfies(r ->
                assertThat(r.describe()).isEqualTo("“Grow”: effort 2–4 person-weeks → 4–8 person-weeks"));
        assertThat(diff.redated()).singleElement().satisfies(r -> assertThat(r.describe()).isEqualTo("“Slip”: 2026-Q2 → 2026-Q3"));
        assertThat(diff.restaged()).singleElement().satisfies(r -> assertThat(r.describe()).isEqualTo("“Ship”: Discovery → Building"));
        assertThat(diff.size()).isEqualTo(6);
    }

    @Test
    void aRenameIsARescopeAndTheSameEffortWrittenDifferentlyIsNot() {
        var before = List.of(item(initiative(1, "Reports").effort("2", "4")));
        var after = List.of(item(initiative(1, "Insights").effort("2.0", "4.00")));
        var diff = RoadmapDiff.between(before, after);
        assertThat(diff.rescoped()).singleElement().satisfies(r ->
                assertThat(r.describe()).isEqualTo("“Insights”: renamed from “Reports”"));
        assertThat(RoadmapDiff.between(before, List.of(item(initiative(1, "Reports").effort("2.0", "4.00"))))
                .isEmpty()).isTrue();
    }

    @Test
    void datesChangingFromAQuarterToExactDatesIsARedate() {
        var before = List.of(item(initiative(1, "X").quarter("2026-Q3")));
        var after = List.of(item(initiative(1, "X").quarter("2026-Q3").dates("2026-07-01", "2026-08-15")));
        assertThat(RoadmapDiff.between(before, after).redated()).singleElement().satisfies(r ->
                assertThat(r.describe()).isEqualTo("“X”: 2026-Q3 → 2026-07-01 to 2026-08-15"));
    }
}
