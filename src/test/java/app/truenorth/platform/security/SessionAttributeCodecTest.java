package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

class SessionAttributeCodecTest {

    private final GenericConversionService codec = SessionAttributeCodec.conversionService(getClass().getClassLoader());

    private byte[] encode(Object value) {
        return codec.convert(value, byte[].class);
    }

    private Object decode(byte[] bytes) {
        return codec.convert(bytes, Object.class);
    }

    private static SecurityContext signedIn(long id, String email) {
        var user = new AuthenticatedUser(id, email, "Ada", null, null);
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void everyRequestGetsItsOwnSecurityContextSoSigningOutInOneLeavesNoTrace() {
        byte[] stored = encode(signedIn(7, "ada@example.com"));
        var first = (SecurityContext) decode(stored);
        var second = (SecurityContext) decode(stored);
        assertThat(second).isNotSameAs(first);
        assertThat(((AuthenticatedUser) first.getAuthentication().getPrincipal()).id()).isEqualTo(7);

        first.setAuthentication(null); // what sign-out does to the context it loaded

        var third = (SecurityContext) decode(stored);
        assertThat(second.getAuthentication()).isNotNull();
        assertThat(third.getAuthentication()).isNotNull();
        assertThat(((AuthenticatedUser) third.getAuthentication().getPrincipal()).email()).isEqualTo("ada@example.com");
    }

    @Test
    void differentBytesAreDecodedAsWhatTheySay() {
        var ada = (SecurityContext) decode(encode(signedIn(7, "ada@example.com")));
        var bob = (SecurityContext) decode(encode(signedIn(8, "bob@example.com")));
        assertThat(((AuthenticatedUser) ada.getAuthentication().getPrincipal()).id()).isEqualTo(7);
        assertThat(((AuthenticatedUser) bob.getAuthentication().getPrincipal()).id()).isEqualTo(8);
        assertThat(decode(encode(41L))).isEqualTo(41L);
        assertThat(decode(encode(42L))).isEqualTo(42L);
    }

    @Test
    void mutableValuesAreDecodedAfreshEachTime() {
        byte[] stored = encode(new ArrayList<>(List.of("a", "b")));
        @SuppressWarnings("unchecked")
        var first = (List<String>) decode(stored);
        first.add("changed by one request");
        assertThat(decode(stored)).isEqualTo(List.of("a", "b"));
    }
}
