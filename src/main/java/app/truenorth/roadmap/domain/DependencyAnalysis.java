package app.truenorth.roadmap.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Checks a roadmap's dependency graph: cycles (named, so the team can break them), dependencies that
 * run against the horizons (a Now item waiting on a Later one) or against the dates (starting before
 * what it needs has ended), and the critical path, the longest chain of work through the graph.
 *
 * <p>Runs in time linear in initiatives plus dependencies, on int arrays, because roadmaps-as-code
 * imports and the health module run it on every change (100,000 initiatives in well under a second).
 */
public final class DependencyAnalysis {

    private DependencyAnalysis() {
    }

    /** What a step on the critical path costs. */
    public enum Weight {
        /** The midpoint of the effort range, in person-weeks. */
        EFFORT("person-weeks"),
        /** Calendar days between the planned start and end; undated items count their effort midpoint as weeks. */
        DURATION("days");

        private final String unit;

        Weight(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /** A cycle in "depends on" order: the first depends on the second … the last depends on the first. */
    public record Cycle(List<Long> initiativeIds, List<String> titles) {

        /** "“A” → “B” → “C” → “A”" */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (String title : titles) {
                sb.append('“').append(title).append("” → ");
            }
            return sb.append('“').append(titles.getFirst()).append('”').toString();
        }
    }

    public enum FlagKind {
        /** The dependent sits in an earlier horizon than what it depends on. */
        HORIZON_ORDER,
        /** The dependent is planned to start before (or on the day) what it depends on ends. */
        STARTS_BEFORE_DEPENDENCY_ENDS
    }

    /** A dependency that contradicts the plan. The message is built on demand: there can be many. */
    public record Flag(FlagKind kind, long dependentId, long requiredId, String dependentTitle, String requiredTitle,
            Horizon dependentHorizon, Horizon requiredHorizon, LocalDate dependentStart, LocalDate requiredEnd) {

        public String message() {
            return switch (kind) {
                case HORIZON_ORDER -> "“" + dependentTitle + "” is in " + dependentHorizon.label() + " but depends on “"
                        + requiredTitle + "” in " + requiredHorizon.label() + ": move one of them, or drop the dependency.";
                case STARTS_BEFORE_DEPENDENCY_ENDS -> "“" + dependentTitle + "” starts on " + dependentStart + ", before “"
                        + requiredTitle + "”, which it depends on, ends on " + requiredEnd + ".";
            };
        }
    }

    /** The longest chain of dependent work, first step first, and its total. */
    public record CriticalPath(List<Long> initiativeIds, List<String> titles, BigDecimal length, Weight weight) {

        public String describe() {
            return String.join(" → ", titles) + " (" + length.stripTrailingZeros().toPlainString() + " " + weight.unit() + ")";
        }
    }

    /**
     * @param criticalPath empty when there is a cycle (no longest path exists) or no initiative at all
     * @param external     dependencies on teams and technologies outside the roadmap
     */
    public record Result(List<Cycle> cycles, List<Flag> flags, Optional<CriticalPath> criticalPath, List<Dependency> external) {

        public boolean hasCycle() {
            return !cycles.isEmpty();
        }
    }

    /** Analyses the graph; dependencies naming initiatives not in the list are ignored. */
    public static Result analyze(List<Initiative> initiatives, List<Dependency> dependencies, Weight weight) {
        int n = initiatives.size();
        // one pass over the initiatives: everything later works on primitive arrays only
        IdIndex index = new IdIndex(n);
        int[] horizon = new int[n];
        long[] start = new long[n]; // epoch days; Long.MIN_VALUE when undated
        long[] end = new long[n];
        long[] cost = new long[n]; // hundredths of the weight's unit, so sums stay exact
        for (int i = 0; i < n; i++) {
            Initiative it = initiatives.get(i);
            index.put(it.id(), i);
            horizon[i] = it.horizon().ordinal();
            start[i] = epochDay(it.startDate(), it.quarter(), true);
            end[i] = epochDay(it.endDate(), it.quarter(), false);
            cost[i] = weightOf(it, weight);
        }

        // edges as int pairs: from (dependent) depends on to (required)
        int m = 0;
        int[] from = new int[dependencies.size()];
        int[] to = new int[dependencies.size()];
        List<Dependency> external = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (!d.isOnInitiative()) {
                external.add(d);
                continue;
            }
            int a = index.get(d.dependentId());
            int b = index.get(d.requiredId());
            if (a < 0 || b < 0) {
                continue;
            }
            from[m] = a;
            to[m] = b;
            m++;
        }

        // compressed adjacency both ways: what each node requires, and who depends on it
        int[] reqStart = new int[n + 1];
        int[] depStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            reqStart[from[e] + 1]++;
            depStart[to[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            reqStart[i + 1] += reqStart[i];
            depStart[i + 1] += depStart[i];
        }
        int[] reqs = new int[m];
        int[] dependents = new int[m];
        int[] reqFill = Arrays.copyOf(reqStart, n);
        int[] depFill = Arrays.copyOf(depStart, n);
        for (int e = 0; e < m; e++) {
            reqs[reqFill[from[e]]++] = to[e];
            dependents[depFill[to[e]]++] = from[e];
        }

        // Kahn: settle nodes whose requirements are all settled, in an order fit for longest paths
        int[] pending = new int[n];
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            pending[i] = reqStart[i + 1] - reqStart[i];
            if (pending[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int r = order[head++];
            for (int k = depStart[r]; k < depStart[r + 1]; k++) {
                int u = dependents[k];
                if (--pending[u] == 0) {
                    order[tail++] = u;
                }
            }
        }

        List<Cycle> cycles = tail < n ? cycles(initiatives, pending, reqs, reqStart) : List.of();
        List<Flag> flags = flags(initiatives, from, to, m, horizon, start, end);
        Optional<CriticalPath> critical = cycles.isEmpty() && n > 0
                ? Optional.of(criticalPath(initiatives, order, reqs, reqStart, cost, weight))
                : Optional.empty();
        return new Result(cycles, flags, critical, List.copyOf(external));
    }

    /**
     * Every node Kahn could not settle still waits on another unsettled node, so following unsettled
     * requirements from any of them must come back to a node already on the walk: that loop is a
     * cycle. Each node is walked at most once, so this stays linear and names every disjoint cycle it meets.
     */
    private static List<Cycle> cycles(List<Initiative> initiatives, int[] pending, int[] reqs, int[] reqStart) {
        int n = initiatives.size();
        int[] walk = new int[n]; // 0 = not walked, otherwise the walk number that reached it
        int[] position = new int[n];
        List<Cycle> cycles = new ArrayList<>();
        int[] path = new int[n];
        int walkNo = 0;
        for (int s = 0; s < n; s++) {
            if (pending[s] == 0 || walk[s] != 0) {
                continue;
            }
            walkNo++;
            int len = 0;
            int u = s;
            while (true) {
                if (walk[u] == walkNo) {
                    List<Long> ids = new ArrayList<>();
                    List<String> titles = new ArrayList<>();
                    for (int k = position[u]; k < len; k++) {
                        ids.add(initiatives.get(path[k]).id());
                        titles.add(initiatives.get(path[k]).title());
                    }
                    cycles.add(new Cycle(List.copyOf(ids), List.copyOf(titles)));
                    break;
                }
                if (walk[u] != 0) {
                    break; // joined an earlier walk, whose cycle is already named
                }
                walk[u] = walkNo;
                position[u] = len;
                path[len++] = u;
                int next = -1;
                for (int k = reqStart[u]; k < reqStart[u + 1]; k++) {
                    if (pending[reqs[k]] > 0) {
                        next = reqs[k];
                        break;
                    }
                }
                u = next; // never -1: an unsettled node always waits on an unsettled one
            }
        }
        return List.copyOf(cycles);
    }

    private static List<Flag> flags(List<Initiative> initiatives, int[] from, int[] to, int m, int[] horizon, long[] start,
            long[] end) {
        // flagged edges are kept as ints and turned into Flag records only when read: a large imported
        // roadmap can have a flag on every other edge, and most callers only count them or show a page
        int[] flagged = new int[Math.min(m * 2, Math.max(16, m))];
        int count = 0;
        for (int e = 0; e < m; e++) {
            int a = from[e];
            int b = to[e];
            if (a == b) {
                continue; // a self-dependency is reported as a cycle
            }
            if (horizon[a] < horizon[b]) {
                flagged = ensure(flagged, count);
                flagged[count++] = e << 1;
            }
            if (start[a] != Long.MIN_VALUE && end[b] != Long.MIN_VALUE && start[a] <= end[b]) {
                flagged = ensure(flagged, count);
                flagged[count++] = (e << 1) | 1;
            }
        }
        return new FlagList(initiatives, from, to, Arrays.copyOf(flagged, count));
    }

    private static int[] ensure(int[] array, int count) {
        return count < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    /** The planned start or end as an epoch day without building dates for every initiative. */
    private static long epochDay(LocalDate date, Quarter quarter, boolean start) {
        if (date != null) {
            return date.toEpochDay();
        }
        if (quarter == null) {
            return Long.MIN_VALUE;
        }
        return (start ? quarter.start() : quarter.end()).toEpochDay();
    }

    private static CriticalPath criticalPath(List<Initiative> initiatives, int[] order, int[] reqs, int[] reqStart, long[] cost,
            Weight weight) {
        int n = initiatives.size();
        long[] best = new long[n];
        int[] via = new int[n];
        int end = -1;
        for (int k = 0; k < n; k++) {
            int u = order[k];
            long longestBefore = 0;
            int prev = -1;
            for (int j = reqStart[u]; j < reqStart[u + 1]; j++) {
                int r = reqs[j];
                if (prev == -1 || best[r] > longestBefore) {
                    longestBefore = best[r];
                    prev = r;
                }
            }
            best[u] = longestBefore + cost[u];
            via[u] = prev;
            if (end == -1 || best[u] > best[end]) {
                end = u;
            }
        }
        List<Integer> chain = new ArrayList<>();
        for (int u = end; u != -1; u = via[u]) {
            chain.add(u);
        }
        List<Long> ids = new ArrayList<>(chain.size());
        List<String> titles = new ArrayList<>(chain.size());
        for (int k = chain.size() - 1; k >= 0; k--) {
            Initiative it = initiatives.get(chain.get(k));
            ids.add(it.id());
            titles.add(it.title());
        }
        return new CriticalPath(List.copyOf(ids), List.copyOf(titles), BigDecimal.valueOf(best[end], 2), weight);
    }

    /** The cost of one initiative in hundredths of the weight's unit. */
    static long weightOf(Initiative initiative, Weight weight) {
        if (weight == Weight.DURATION && initiative.plannedStart() != null && initiative.plannedEnd() != null) {
            return (ChronoUnit.DAYS.between(initiative.plannedStart(), initiative.plannedEnd()) + 1) * 100;
        }
        if (initiative.effort() == null) {
            return 0;
        }
        long hundredths = midpointHundredths(initiative.effort());
        return weight == Weight.DURATION ? hundredths * 7 : hundredths;
    }

    /** The effort midpoint in hundredths, as {@link EffortRange#midpoint()} rounds it, without BigDecimal division. */
    private static long midpointHundredths(EffortRange effort) {
        BigDecimal sum = effort.low().add(effort.high());
        if (sum.scale() <= 2 && sum.scale() >= 0) {
            long twice = sum.unscaledValue().longValue() * (sum.scale() == 2 ? 1 : sum.scale() == 1 ? 10 : 100);
            return (twice + 1) / 2; // half-up, never negative
        }
        return effort.midpoint().movePointRight(2).longValue();
    }

    /**
     * Whether adding "dependent depends on required" would close a cycle; if so, the cycle it would
     * make, in "depends on" order starting at the dependent. Linear in the dependencies.
     */
    public static Optional<List<Long>> cycleIfAdded(List<Dependency> existing, long dependentId, long requiredId) {
        if (dependentId == requiredId) {
            return Optional.of(List.of(dependentId));
        }
        Map<Long, List<Long>> requires = new HashMap<>();
        for (Dependency d : existing) {
            if (d.isOnInitiative()) {
                requires.computeIfAbsent(d.dependentId(), k -> new ArrayList<>()).add(d.requiredId());
            }
        }
        // breadth-first from the required one along "depends on": reaching the dependent closes the loop
        Map<Long, Long> cameFrom = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(requiredId);
        cameFrom.put(requiredId, null);
        while (!queue.isEmpty()) {
            long u = queue.poll();
            if (u == dependentId) {
                List<Long> back = new ArrayList<>();
                for (Long v = u; v != null; v = cameFrom.get(v)) {
                    back.add(v);
                }
                // back = dependent … required; the cycle reads dependent → required → … → (back to) dependent
                List<Long> cycle = new ArrayList<>();
                cycle.add(dependentId);
                for (int k = back.size() - 1; k >= 1; k--) {
                    cycle.add(back.get(k));
                }
                return Optional.of(List.copyOf(cycle));
            }
            for (long r : requires.getOrDefault(u, List.of())) {
                if (!cameFrom.containsKey(r)) {
                    cameFrom.put(r, u);
                    queue.add(r);
                }
            }
        }
        return Optional.empty();
    }

    /** "“A” → “B” → “A”" for a cycle of ids, titled by the given function. */
    public static String describeCycle(List<Long> cycle, LongFunction<String> title) {
        StringBuilder sb = new StringBuilder();
        for (long id : cycle) {
            sb.append('“').append(title.apply(id)).append("” → ");
        }
        return sb.append('“').append(title.apply(cycle.getFirst())).append('”').toString();
    }
}
