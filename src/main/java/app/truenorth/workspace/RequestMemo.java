package app.truenorth.workspace;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers what one request has read, for the rest of that request only: a page asks for the
 * caller's memberships and the workspace's products several times (page, layout, switcher). Nothing
 * outlives the request, so the next request always reads the database afresh; changes made during a
 * request drop what it remembered ({@link #forget(String)}). Outside a web request nothing is kept.
 */
final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    static <T> T get(String key, Supplier<T> load) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return load.get();
        }
        String name = PREFIX + key;
        @SuppressWarnings("unchecked")
        T known = (T) request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return known;
        }
        T value = load.get();
        request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        return value;
    }

    /** Drops every remembered value whose key starts with {@code keyPrefix}. */
    static void forget(String keyPrefix) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(PREFIX + keyPrefix)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }
}
