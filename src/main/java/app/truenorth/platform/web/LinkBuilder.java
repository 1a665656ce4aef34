package app.truenorth.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one place absolute links are made: share links, invitations, every link in an e-mail. They start
 * with {@code truenorth.base-url} (environment {@code TRUENORTH_BASE_URL}), e.g.
 * {@code https://roadmaps.example.com}, which may carry a path prefix but no query. Only when it is
 * unset do links take the scheme, host and port of the request being served, i.e. of its
 * {@code Host} header, which whoever sends the request chooses (a warning at start-up says so): set
 * it on any instance reachable by others.
 */
@Component
public final class LinkBuilder {

    private static final Logger log = LoggerFactory.getLogger(LinkBuilder.class);

    private final String configured;

    LinkBuilder(@Value("${truenorth.base-url:}") String baseUrl) {
        this.configured = normalise(baseUrl);
        if (configured == null) {
            log.warn("truenorth.base-url (TRUENORTH_BASE_URL) is not set: links in e-mails, invitations and share "
                    + "links use the Host header of the request that makes them. Set it to the address people use.");
        }
    }

    /** A builder for code outside Spring (tools, tests); {@code baseUrl} null or blank means unset. */
    public static LinkBuilder of(String baseUrl) {
        return new LinkBuilder(baseUrl == null ? "" : baseUrl);
    }

    /** Whether {@code truenorth.base-url} is set (otherwise links follow the request's Host header). */
    public boolean configured() {
        return configured != null;
    }

    /**
     * Where the application is reached, without a trailing slash: the configured base URL, or the
     * current request's scheme, host, port and context path.
     *
     * @throws IllegalStateException when it is unset and this thread serves no request (a background
     *         job): such code needs {@code truenorth.base-url}
     */
    public String base() {
        if (configured != null) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
        }
        throw new IllegalStateException("truenorth.base-url is not set and there is no request to take the host from");
    }

    /**
     * The absolute link to {@code path} of this application, e.g. {@code absolute("/share/abc")} →
     * {@code https://roadmaps.example.com/share/abc}. The path is used as given (encode its parts first).
     *
     * @throws IllegalArgumentException when {@code path} does not start with a single {@code /}
     */
    public String absolute(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("A link path starts with a single '/': " + path);
        }
        return base() + path;
    }

    /** The base URL without its trailing slash; null when unset; refused unless http(s) with a host and no query. */
    static String normalise(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("truenorth.base-url must be an http(s) address with a host and no "
                        + "query, e.g. https://roadmaps.example.com: " + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("truenorth.base-url is not a valid address: " + baseUrl, e);
        }
        return trimmed;
    }
}
