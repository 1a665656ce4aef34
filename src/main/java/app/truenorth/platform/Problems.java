package app.truenorth.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field problems of one input, collected in one place before anything is written: the form binder
 * records the values it cannot read, domain checks add the rules they find broken, and
 * {@link #throwIfAny()} refuses the whole input at once, so the person sees every problem in one go
 * (beside the fields on a page, as {@code errors} in the API's problem+json). Plain Java: the offline
 * tools use it too.
 */
public final class Problems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Records a problem; a field keeps its first message, usually the most basic one ("is required"). */
    public Problems add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /** Adds a message to the field's others, joined by "; " (several problems of one row of a file). */
    public Problems append(String field, String message) {
        byField.merge(field, message, (a, b) -> a + "; " + b);
        return this;
    }

    /** Records the problem when {@code broken} holds: {@code problems.addIf(title.isBlank(), "title", "must not be blank")}. */
    public Problems addIf(boolean broken, String field, String message) {
        return broken ? add(field, message) : this;
    }

    public Problems addAll(Map<String, String> problems) {
        problems.forEach(this::add);
        return this;
    }

    /** The problems of a refused input, e.g. a value object's own checks run while building a bigger input. */
    public Problems addAll(InvalidInputException refused) {
        return addAll(refused.fieldErrors());
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    /** Field → message, in the order they were found. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(byField);
    }

    /** Refuses the input when anything was recorded; nothing has been written yet. */
    public void throwIfAny() {
        if (any()) {
            throw new InvalidInputException(byField);
        }
    }

    @Override
    public String toString() {
        return byField.toString();
    }
}
