package app.truenorth.roadmap.domain;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The flags of {@link DependencyAnalysis}, stored as (edge, kind) ints and turned into {@link DependencyAnalysis.Flag}
 * records only when read: a large imported roadmap can have a flag on every other edge, and most callers only
 * count them or show a page.
 */
final class FlagList extends AbstractList<DependencyAnalysis.Flag> implements RandomAccess {

    private final List<Initiative> initiatives;
    private final int[] from;
    private final int[] to;
    private final int[] flagged;

    FlagList(List<Initiative> initiatives, int[] from, int[] to, int[] flagged) {
        this.initiatives = initiatives;
        this.from = from;
        this.to = to;
        this.flagged = flagged;
    }

    @Override
    public DependencyAnalysis.Flag get(int i) {
        int edge = flagged[i] >>> 1;
        DependencyAnalysis.FlagKind kind = (flagged[i] & 1) == 0 ? DependencyAnalysis.FlagKind.HORIZON_ORDER
                : DependencyAnalysis.FlagKind.STARTS_BEFORE_DEPENDENCY_ENDS;
        Initiative dependent = initiatives.get(from[edge]);
        Initiative required = initiatives.get(to[edge]);
        return new DependencyAnalysis.Flag(kind, dependent.id(), required.id(), dependent.title(), required.title(), dependent.horizon(),
                required.horizon(), dependent.plannedStart(), required.plannedEnd());
    }

    @Override
    public int size() {
        return flagged.length;
    }
}
