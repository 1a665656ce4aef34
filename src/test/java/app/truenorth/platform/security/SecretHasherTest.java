package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    @Test
    void aSecretIsItsPrefixAnd256RandomBits() {
        String secret = SecretHasher.newSecret("tn_");
        assertThat(secret).startsWith("tn_").hasSize(3 + 43).matches("tn_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(secret.substring(3))).hasSize(32);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(SecretHasher.newSecret(""))).as("never the same secret twice").isTrue();
        }
    }

    @Test
    void theStoredFormIsTheSha256InHex() {
        // the published SHA-256 test vector for "abc"
        assertThat(SecretHasher.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String secret = SecretHasher.newSecret("inv_");
        assertThat(SecretHasher.hash(secret)).hasSize(64).matches("[0-9a-f]+").doesNotContain(secret);
    }

    @Test
    void matchesOnlyTheSecretThatWasHashed() {
        String secret = SecretHasher.newSecret("tn_");
        String stored = SecretHasher.hash(secret);
        assertThat(SecretHasher.matches(secret, stored)).isTrue();
        assertThat(SecretHasher.matches(secret + "x", stored)).isFalse();
        assertThat(SecretHasher.matches(secret, stored.substring(1))).isFalse();
        assertThat(SecretHasher.matches(null, stored)).isFalse();
        assertThat(SecretHasher.matches(secret, null)).isFalse();
    }
}
