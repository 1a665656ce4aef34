package app.truenorth.support;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MvcResult;

/** Checks every security and bad-input test applies to every response it gets. */
public final class Responses {

    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|(Exception:)|(\\w+\\.\\w+\\.\\w+Exception\\b)");
    private static final Pattern FIELD_ERROR = Pattern.compile(
            "<p class=\"field-error\" id=\"e-([\\w.-]+)\">(.*?)</p>", Pattern.DOTALL);

    private Responses() {
    }

    public static String body(MvcResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Null when the response is neither a server error nor shows internals (a stack trace, an
     * exception's class name); otherwise what is wrong with it.
     */
    public static String serverErrorOrLeak(MvcResult result) {
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            return "answered " + status;
        }
        Matcher leak = STACK_TRACE.matcher(body(result));
        if (leak.find()) {
            return "shows internals: '" + leak.group() + "'";
        }
        return null;
    }

    /** Text as the browser shows it, from the HTML the templates escape. */
    public static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The message a page shows beside the field, or null. */
    public static String fieldError(MvcResult result, String field) {
        Matcher m = FIELD_ERROR.matcher(body(result));
        while (m.find()) {
            if (m.group(1).equals(field)) {
                return unescape(m.group(2).trim());
            }
        }
        return null;
    }
}
