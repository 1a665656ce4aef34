package app.truenorth.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a rule the domain checks (beyond bean validation), with a message per field so
 * pages can show it beside the field and the API can list it in problem+json.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return Map.copyOf(fieldErrors);
    }
}
