package app.truenorth.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one place that makes and hashes the secrets handed out in links and to programs: API tokens,
 * invitations, share links. A secret is 256 random bits (URL-safe Base64, after an optional prefix that
 * tells the kinds apart), shown once and stored only as its SHA-256 in hex. A fast hash is right here,
 * unlike for passwords: the input is random, so there is nothing to guess from a stolen hash.
 *
 * <p>Stored secrets are found by looking their hash up ({@code where token_hash = :hash}); when a hash is
 * compared in Java instead, use {@link #matches}, whose time does not depend on where the two differ.
 */
public final class SecretHasher {

    /** Random bytes in a new secret: 256 bits. */
    public static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHasher() {
    }

    /** A new secret: {@code prefix} followed by 256 random bits in URL-safe Base64 (43 characters). */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the text (UTF-8), as 64 lowercase hex digits: what is stored for a secret. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, in time that does not leak how much of it matched. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
