package app.truenorth.roadmap.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One initiative as it stood when a snapshot was taken: enough to say later what changed. */
public record SnapshotItem(long initiativeId, String title, String description, String theme, Horizon horizon, Stage stage,
        EffortRange effort, Quarter quarter, LocalDate startDate, LocalDate endDate) {

    public static SnapshotItem of(Initiative initiative, String themeName) {
        return new SnapshotItem(initiative.id(), initiative.title(), initiative.description(), themeName, initiative.horizon(),
                initiative.stage(), initiative.effort(), initiative.quarter(), initiative.startDate(), initiative.endDate());
    }

    boolean sameScope(SnapshotItem other) {
        return Objects.equals(title, other.title) && Objects.equals(description, other.description)
                && sameEffort(effort, other.effort);
    }

    boolean sameDates(SnapshotItem other) {
        return Objects.equals(quarter, other.quarter) && Objects.equals(startDate, other.startDate)
                && Objects.equals(endDate, other.endDate);
    }

    /** "2026-Q3", "2026-04-01 to 2026-05-15", or "no date". */
    public String describeWhen() {
        if (startDate != null) {
            return startDate + " to " + endDate;
        }
        return quarter != null ? quarter.toString() : "no date";
    }

    static boolean sameEffort(EffortRange a, EffortRange b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.low().compareTo(b.low()) == 0 && a.high().compareTo(b.high()) == 0;
    }
}
