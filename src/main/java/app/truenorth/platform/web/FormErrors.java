package app.truenorth.platform.web;

import app.truenorth.platform.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Field messages for a page form. Built from bean validation and from domain checks alike, so the
 * template shows one message beside each field whatever raised it.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private String global;

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(BindingResult binding) {
        FormErrors errors = new FormErrors();
        for (FieldError e : binding.getFieldErrors()) {
            String message = e.isBindingFailure() ? bindingFailure(e) : e.getDefaultMessage();
            // one message per field; "this is missing" says more than a length rule about the same empty value
            if (missing(e)) {
                errors.byField.put(e.getField(), message);
            } else {
                errors.byField.putIfAbsent(e.getField(), message);
            }
        }
        binding.getGlobalErrors().forEach(e -> errors.global = e.getDefaultMessage());
        return errors;
    }

    private static boolean missing(FieldError error) {
        String code = error.getCode();
        return "NotBlank".equals(code) || "NotNull".equals(code) || "NotEmpty".equals(code);
    }

    /** A value that could not even be converted to the field's type: say what the field takes. */
    private static String bindingFailure(FieldError error) {
        Class<?> type = error.contains(TypeMismatchException.class)
                ? error.unwrap(TypeMismatchException.class).getRequiredType() : null;
        if (type != null && type.isEnum()) {
            return "Choose one of the offered options.";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class))) {
            return "Enter a whole number.";
        }
        return "This value has the wrong format.";
    }

    /**
     * Field messages from a domain check or the form binder. A problem with the hidden {@code version}
     * field has no field to stand beside, so it is shown at the top of the form.
     */
    public static FormErrors of(Map<String, String> fieldErrors) {
        FormErrors errors = new FormErrors();
        errors.byField.putAll(fieldErrors);
        if (fieldErrors.containsKey("version")) {
            errors.global = fieldErrors.get("version");
        }
        return errors;
    }

    public static FormErrors of(Problems problems) {
        return of(problems.asMap());
    }

    public static FormErrors global(String message) {
        FormErrors errors = new FormErrors();
        errors.global = message;
        return errors;
    }

    public FormErrors add(String field, String message) {
        byField.put(field, message);
        return this;
    }

    /**
     * The same messages as one message at the top, for forms whose fields sit where a message cannot (a
     * select in a table row).
     */
    public FormErrors asGlobal() {
        if (byField.isEmpty()) {
            return this;
        }
        FormErrors errors = new FormErrors();
        errors.global = global != null ? global : String.join(" ", new java.util.LinkedHashSet<>(byField.values()));
        return errors;
    }

    /** Field → message. */
    public Map<String, String> fields() {
        return new LinkedHashMap<>(byField);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public String global() {
        return global;
    }

    public boolean any() {
        return global != null || !byField.isEmpty();
    }
}
