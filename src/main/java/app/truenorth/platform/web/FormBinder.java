package app.truenorth.platform.web;

import app.truenorth.platform.Problems;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;

/**
 * Turns the text a page form sends into typed values, and every value it cannot read into a field
 * problem, all in one place: a handler reads each field once ({@code form.field("weeks").required().whole()}),
 * gets {@code null} for a value that is missing or unreadable, and calls {@link #check()} before the
 * change runs, which refuses the input with every problem at once (422, each message beside its field).
 *
 * <p>It reads a handler's {@code @RequestParam Map} or {@code MultiValueMap}, a record form whose
 * components Spring bound as text ({@link #of(Record)}), or single values handed to it
 * ({@link #field(String, String)}). Blank counts as missing. The default messages say what the field
 * takes; pass your own where the field needs a unit ("must be a number of person-weeks").
 */
public final class FormBinder {

    /** The message for a form that lost its hidden version field, shown at the top of the form. */
    public static final String MISSING_VERSION = "The form is missing its version; reload the page and try again.";

    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})\\s*-?\\s*Q([1-4])$");

    private final MultiValueMap<String, String> values;
    private final Problems problems = new Problems();

    private FormBinder(MultiValueMap<String, String> values) {
        this.values = values;
    }

    public static FormBinder of(Map<String, String> values) {
        MultiValueMap<String, String> multi = new LinkedMultiValueMap<>();
        values.forEach(multi::add);
        return new FormBinder(multi);
    }

    public static FormBinder of(MultiValueMap<String, String> values) {
        return new FormBinder(new LinkedMultiValueMap<>(values));
    }

    /** Nothing posted yet: values come in through {@link #field(String, String)}. */
    public static FormBinder empty() {
        return new FormBinder(new LinkedMultiValueMap<>());
    }

    /**
     * A record form as Spring bound it: each component is a field of that name; lists give several values,
     * anything else its text.
     */
    public static FormBinder of(Record form) {
        MultiValueMap<String, String> multi = new LinkedMultiValueMap<>();
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            Object value;
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(form);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of " + form.getClass().getSimpleName(), e);
            }
            if (value instanceof Collection<?> many) {
                many.forEach(v -> multi.add(component.getName(), v == null ? null : String.valueOf(v)));
            } else if (value != null) {
                multi.add(component.getName(), String.valueOf(value));
            }
        }
        return new FormBinder(multi);
    }

    /** Adds what Spring's binder refused (a record form bound with {@code @Valid}), with the same messages as {@link FormErrors}. */
    public FormBinder with(BindingResult binding) {
        FormErrors.of(binding).fields().forEach(problems::add);
        return this;
    }

    /** A field of the posted form. */
    public Field field(String name) {
        return new Field(name, values.getFirst(name));
    }

    /** A value handed over directly (a record component, a path segment), reported under {@code name}. */
    public Field field(String name, String value) {
        return new Field(name, value);
    }

    /** The raw text of a field, or null when it was not sent. */
    public String text(String name) {
        return values.getFirst(name);
    }

    /** Every value sent for a field (check boxes, multi-selects), never null. */
    public List<String> all(String name) {
        List<String> all = values.get(name);
        return all == null ? List.of() : all.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** True when a check box was ticked: it sends "on" (or "true") only when ticked. */
    public boolean ticked(String name) {
        String value = text(name);
        return "on".equalsIgnoreCase(value) || "true".equalsIgnoreCase(value);
    }

    public boolean sent(String name) {
        return values.containsKey(name);
    }

    /**
     * The version the form was rendered with (its hidden {@code version} field). Missing or unreadable,
     * it is a problem of the form as a whole: {@link FormErrors#of(Map)} shows it at the top.
     */
    public Integer version() {
        return field("version").required(MISSING_VERSION).whole(MISSING_VERSION);
    }

    /** The version when the form sent one, else null (for changes that may go without it). */
    public Integer optionalVersion() {
        return field("version").whole(MISSING_VERSION);
    }

    /** Records a problem found while reading the form (a combination of fields that does not fit). */
    public FormBinder problem(String field, String message) {
        problems.add(field, message);
        return this;
    }

    public Problems problems() {
        return problems;
    }

    public boolean valid() {
        return !problems.any();
    }

    /** Refuses the input (InvalidInputException) when any value could not be read. */
    public FormBinder check() {
        problems.throwIfAny();
        return this;
    }

    /** The posted values, one per field, for showing the form back as it was typed. */
    public Map<String, String> values() {
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((k, v) -> single.put(k, v == null || v.isEmpty() ? null : v.getFirst()));
        return single;
    }

    /** One field: say whether it is required, then read it as the type it holds. */
    public final class Field {

        private final String name;
        private final String raw;
        private String requiredMessage;

        private Field(String name, String raw) {
            this.name = name;
            this.raw = raw;
        }

        /** A blank value is a problem ("is required"). */
        public Field required() {
            return required("is required");
        }

        public Field required(String message) {
            this.requiredMessage = message;
            return this;
        }

        /** The text as typed, or null when blank; a required blank is a problem. */
        public String text() {
            return present() ? raw : null;
        }

        public Integer whole() {
            return whole("must be a whole number");
        }

        public Integer whole(String message) {
            return read(message, s -> Integer.parseInt(s));
        }

        /** An id chosen from a list. */
        public Long id() {
            return id("choose one from the list");
        }

        public Long id(String message) {
            return read(message, s -> Long.parseLong(s));
        }

        /** A decimal number; a comma works as the decimal mark too. */
        public BigDecimal decimal() {
            return decimal("must be a number");
        }

        public BigDecimal decimal(String message) {
            return read(message, s -> new BigDecimal(s.replace(',', '.')));
        }

        /** A date as a date input sends it (YYYY-MM-DD). */
        public LocalDate date() {
            return date("must be a date (YYYY-MM-DD)");
        }

        public LocalDate date(String message) {
            return read(message, LocalDate::parse);
        }

        /** A calendar quarter such as 2026-Q3 ("2026Q3", "2026 q3" too), returned as "2026-Q3". */
        public String quarter() {
            return quarter("must look like 2026-Q3");
        }

        public String quarter(String message) {
            return read(message, s -> {
                Matcher m = QUARTER.matcher(s.toUpperCase(Locale.ROOT));
                if (!m.matches()) {
                    throw new IllegalArgumentException(s);
                }
                return m.group(1) + "-Q" + m.group(2);
            });
        }

        /** One of an enum's values by name, in any case. */
        public <E extends Enum<E>> E choice(Class<E> type) {
            return choice(type, "choose one of the offered options");
        }

        public <E extends Enum<E>> E choice(Class<E> type, String message) {
            return read(message, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
        }

        /** A value read by the module's own parser (a domain type the platform does not know), empty when unreadable. */
        public <T> T parsed(Function<String, Optional<T>> parser, String message) {
            return read(message, s -> parser.apply(s).orElseThrow(() -> new IllegalArgumentException(s)));
        }

        /** Every value sent for the field, each one of an enum's values; unknown ones are a problem. */
        public <E extends Enum<E>> Set<E> choices(Class<E> type, String message) {
            return choices(type, unknown -> message);
        }

        /** The same, with a message that names the unknown value. */
        public <E extends Enum<E>> Set<E> choices(Class<E> type, Function<String, String> message) {
            Set<E> chosen = EnumSet.noneOf(type);
            for (String s : all(name)) {
                try {
                    chosen.add(Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(name, message.apply(s));
                }
            }
            return chosen;
        }

        /** Every value sent for the field, each an id from a list. */
        public List<Long> ids(String message) {
            List<Long> ids = new ArrayList<>();
            for (String s : all(name)) {
                try {
                    ids.add(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    problems.add(name, message);
                }
            }
            return ids;
        }

        private boolean present() {
            if (raw == null || raw.isBlank()) {
                if (requiredMessage != null) {
                    problems.add(name, requiredMessage);
                }
                return false;
            }
            return true;
        }

        private <T> T read(String message, Parser<T> parser) {
            if (!present()) {
                return null;
            }
            try {
                return parser.parse(raw.trim());
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                problems.add(name, message);
                return null;
            }
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }
}
