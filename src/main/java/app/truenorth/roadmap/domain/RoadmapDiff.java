package app.truenorth.roadmap.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two snapshots of a roadmap ("since the last board meeting"): initiatives added
 * and removed, moved between horizons, re-scoped (title, description or effort), re-dated, and moved
 * between stages. Every list is ordered by initiative id, so a diff compares equal to the inverse of
 * the diff taken the other way round.
 */
public record RoadmapDiff(List<SnapshotItem> added, List<SnapshotItem> removed, List<Moved> moved, List<Rescoped> rescoped,
        List<Redated> redated, List<Restaged> restaged) {

    public record Moved(long initiativeId, String title, Horizon from, Horizon to) {

        public String describe() {
            return "“" + title + "” moved from " + from.label() + " to " + to.label();
        }
    }

    public record Rescoped(long initiativeId, String title, SnapshotItem before, SnapshotItem after) {

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!Objects.equals(before.title(), after.title())) {
                parts.add("renamed from “" + before.title() + "”");
            }
            if (!Objects.equals(before.description(), after.description())) {
                parts.add("description changed");
            }
            if (!SnapshotItem.sameEffort(before.effort(), after.effort())) {
                parts.add("effort " + effortText(before.effort()) + " → " + effortText(after.effort()));
            }
            return "“" + title + "”: " + String.join("; ", parts);
        }
    }

    private static String effortText(EffortRange effort) {
        return effort == null ? "no estimate" : effort.describe();
    }

    public record Redated(long initiativeId, String title, SnapshotItem before, SnapshotItem after) {

        public String describe() {
            return "“" + title + "”: " + before.describeWhen() + " → " + after.describeWhen();
        }
    }

    public record Restaged(long initiativeId, String title, Stage from, Stage to) {

        public String describe() {
            return "“" + title + "”: " + from.label() + " → " + to.label();
        }
    }

    /** The changes that turn {@code before} into {@code after}. */
    public static RoadmapDiff between(List<SnapshotItem> before, List<SnapshotItem> after) {
        Map<Long, SnapshotItem> old = byId(before);
        Map<Long, SnapshotItem> now = byId(after);
        List<SnapshotItem> added = new ArrayList<>();
        List<SnapshotItem> removed = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        List<Rescoped> rescoped = new ArrayList<>();
        List<Redated> redated = new ArrayList<>();
        List<Restaged> restaged = new ArrayList<>();
        for (SnapshotItem a : now.values()) {
            SnapshotItem b = old.get(a.initiativeId());
            if (b == null) {
                added.add(a);
                continue;
            }
            if (a.horizon() != b.horizon()) {
                moved.add(new Moved(a.initiativeId(), a.title(), b.horizon(), a.horizon()));
            }
            if (!b.sameScope(a)) {
                rescoped.add(new Rescoped(a.initiativeId(), a.title(), b, a));
            }
            if (!b.sameDates(a)) {
                redated.add(new Redated(a.initiativeId(), a.title(), b, a));
            }
            if (a.stage() != b.stage()) {
                restaged.add(new Restaged(a.initiativeId(), a.title(), b.stage(), a.stage()));
            }
        }
        for (SnapshotItem b : old.values()) {
            if (!now.containsKey(b.initiativeId())) {
                removed.add(b);
            }
        }
        return new RoadmapDiff(sorted(added, SnapshotItem::initiativeId), sorted(removed, SnapshotItem::initiativeId),
                sorted(moved, Moved::initiativeId), sorted(rescoped, Rescoped::initiativeId),
                sorted(redated, Redated::initiativeId), sorted(restaged, Restaged::initiativeId));
    }

    /** The diff that undoes this one: what was added is removed, every move runs backwards. */
    public RoadmapDiff inverse() {
        return new RoadmapDiff(removed, added,
                moved.stream().map(m -> new Moved(m.initiativeId(), titleBefore(m.initiativeId(), m.title()), m.to(), m.from())).toList(),
                rescoped.stream().map(r -> new Rescoped(r.initiativeId(), r.before().title(), r.after(), r.before())).toList(),
                redated.stream().map(r -> new Redated(r.initiativeId(), r.before().title(), r.after(), r.before())).toList(),
                restaged.stream().map(r -> new Restaged(r.initiativeId(), titleBefore(r.initiativeId(), r.title()), r.to(), r.from())).toList());
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && moved.isEmpty() && rescoped.isEmpty() && redated.isEmpty()
                && restaged.isEmpty();
    }

    public int size() {
        return added.size() + removed.size() + moved.size() + rescoped.size() + redated.size() + restaged.size();
    }

    /** Entries carry the title as it is after the change; a rename shows up in {@link #rescoped}. */
    private String titleBefore(long id, String titleAfter) {
        return rescoped.stream().filter(r -> r.initiativeId() == id).map(r -> r.before().title()).findFirst().orElse(titleAfter);
    }

    private static Map<Long, SnapshotItem> byId(List<SnapshotItem> items) {
        Map<Long, SnapshotItem> map = new LinkedHashMap<>();
        for (SnapshotItem item : items) {
            map.put(item.initiativeId(), item);
        }
        return map;
    }

    private static <T> List<T> sorted(List<T> list, java.util.function.ToLongFunction<T> id) {
        list.sort(Comparator.comparingLong(id));
        return List.copyOf(list);
    }
}
