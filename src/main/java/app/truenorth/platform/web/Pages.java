package app.truenorth.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;

/** Small helpers for building page shells from a request. */
public final class Pages {

    /** Flash attribute name for a one-time confirmation shown at the top of the next page ({@link Shell#flash()}). */
    public static final String FLASH = "flash";

    private Pages() {
    }

    /**
     * True for an htmx request that wants only the page's content. Boosted navigation and history
     * restores swap the whole body, so they get the full page.
     */
    public static boolean wantsFragment(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-Boosted"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    public static String csrfToken(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : "";
    }

    public static String csrfParameter(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getParameterName() : "_csrf";
    }

    /** A shell for pages outside the product and workspace navigation: sign-in, setup, errors. */
    public static Shell publicShell(HttpServletRequest request, String title) {
        return new Shell(title, null, null, null, List.of(), csrfToken(request), csrfParameter(request),
                wantsFragment(request), null, List.of());
    }
}
