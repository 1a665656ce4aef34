package app.truenorth.platform.security;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * How session attributes are stored: Java serialisation, as Spring Session does by default, with one
 * difference: the objects read back are remembered by the exact bytes they came from. Every signed-in
 * request loads the session row and used to deserialise the same security context, CSRF token and
 * selected workspace again, a large share of a page's cost. The row is still read from the shared
 * table on every request, so a session changed or deleted on another node (sign-out, a new CSRF
 * token) has different bytes or none and is never answered from here; only the decoding is saved.
 *
 * <p>Only values that are never changed after loading are shared between requests: strings, numbers,
 * CSRF tokens, and the sign-in of an {@link AuthenticatedUser} (an immutable record). The security
 * context holding it is mutable (sign-out clears it), so each request gets its own context around the
 * shared authentication. Anything else is decoded afresh every time, as before.
 */
final class SessionAttributeCodec {

    /** Enough for every active session of a busy node; beyond it the memory is simply started afresh. */
    static final int MAX_ENTRIES = 10_000;

    private SessionAttributeCodec() {
    }

    static GenericConversionService conversionService(ClassLoader classLoader) {
        var service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, new SerializingConverter());
        service.addConverter(byte[].class, Object.class, new CachingDeserializer(new DeserializingConverter(classLoader)));
        return service;
    }

    static final class CachingDeserializer implements Converter<byte[], Object> {

        private final Converter<byte[], Object> decoder;
        private final Map<Bytes, Object> decoded = new ConcurrentHashMap<>();

        CachingDeserializer(Converter<byte[], Object> decoder) {
            this.decoder = decoder;
        }

        @Override
        public Object convert(byte[] source) {
            Bytes key = new Bytes(source);
            Object known = decoded.get(key);
            if (known != null) {
                return forThisRequest(known);
            }
            Object value = decoder.convert(source);
            if (value != null && shareable(value)) {
                if (decoded.size() >= MAX_ENTRIES) {
                    decoded.clear();
                }
                decoded.put(new Bytes(source.clone()), value);
                return forThisRequest(value);
            }
            return value;
        }

        int size() {
            return decoded.size();
        }

        static boolean shareable(Object value) {
            return value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean
                    || value instanceof DefaultCsrfToken
                    || value instanceof SecurityContextImpl context
                            && context.getClass() == SecurityContextImpl.class
                            && context.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                            && token.getClass() == UsernamePasswordAuthenticationToken.class
                            && token.getPrincipal() instanceof AuthenticatedUser
                            && token.getCredentials() == null;
        }

        static Object forThisRequest(Object value) {
            return value instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication()) : value;
        }
    }

    /** A byte array compared by content. */
    private record Bytes(byte[] content, int hash) {

        Bytes(byte[] content) {
            this(content, Arrays.hashCode(content));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && hash == that.hash && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
