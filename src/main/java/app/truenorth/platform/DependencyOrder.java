package app.truenorth.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Puts things that name what they need in an order where each comes after everything it needs, instead of
 * each picking a number: the demo's contributions, for one. Among those whose needs are met, names in
 * alphabetical order, so the order is the same on every start. Refuses a name used twice, a need that names
 * nothing, and a cycle, naming it.
 */
public final class DependencyOrder {

    private DependencyOrder() {
    }

    /**
     * @param what  what is ordered, for the messages ("demo contributor")
     * @param name  each one's name
     * @param needs the names each one comes after
     * @throws IllegalStateException when a name is used twice, a need names nothing, or needs form a cycle
     */
    public static <T> List<T> sort(String what, Collection<T> items, Function<T, String> name, Function<T, Collection<String>> needs) {
        Map<String, T> byName = new TreeMap<>();
        for (T item : items) {
            if (byName.putIfAbsent(name.apply(item), item) != null) {
                throw new IllegalStateException("Two " + what + "s are named \"" + name.apply(item) + "\"");
            }
        }
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> neededBy = new HashMap<>();
        for (var entry : byName.entrySet()) {
            var wanted = new TreeSet<>(needs.apply(entry.getValue()));
            for (String need : wanted) {
                if (!byName.containsKey(need)) {
                    throw new IllegalStateException("The " + what + " \"" + entry.getKey() + "\" needs \"" + need + "\", and there is no "
                            + what + " of that name (there are " + byName.keySet() + ")");
                }
                neededBy.computeIfAbsent(need, k -> new ArrayList<>()).add(entry.getKey());
            }
            waitingFor.put(entry.getKey(), wanted.size());
        }
        TreeSet<String> ready = new TreeSet<>();
        waitingFor.forEach((n, count) -> {
            if (count == 0) {
                ready.add(n);
            }
        });
        List<T> ordered = new ArrayList<>(byName.size());
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            ordered.add(byName.get(next));
            for (String waiting : neededBy.getOrDefault(next, List.of())) {
                if (waitingFor.merge(waiting, -1, Integer::sum) == 0) {
                    ready.add(waiting);
                }
            }
        }
        if (ordered.size() < byName.size()) {
            TreeSet<String> left = new TreeSet<>(byName.keySet());
            ordered.forEach(t -> left.remove(name.apply(t)));
            throw new IllegalStateException("The " + what + "s' needs form a cycle: " + cycle(left, byName, needs));
        }
        return ordered;
    }

    /**
     * One cycle among what could not be ordered, as "a → b → a" (a needs b, which needs a). Each of those
     * still waits for one of the others, so following the first such need from any of them runs into a cycle.
     */
    private static <T> String cycle(TreeSet<String> left, Map<String, T> byName, Function<T, Collection<String>> needs) {
        Map<String, Integer> path = new LinkedHashMap<>();
        String at = left.first();
        while (!path.containsKey(at)) {
            path.put(at, path.size());
            at = new TreeSet<>(needs.apply(byName.get(at))).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<String> names = new ArrayList<>(path.keySet()).subList(path.get(at), path.size());
        return String.join(" → ", names) + " → " + at;
    }
}
