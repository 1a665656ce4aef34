package app.truenorth.health.rules;

import app.truenorth.roadmap.domain.Initiative;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An anti-goal finding an editor dismissed for one initiative, with their reason. It holds only while
 * both texts read as they did when it was dismissed: {@code textsFingerprint} is a digest of the
 * anti-goal's wording and the initiative's title and description at that moment, so an edit to either
 * brings the finding back. The server stores it; the roadmap file carries it, so the offline linter
 * honours the same dismissals.
 *
 * @param initiativeId the initiative's id as the checked roadmap numbers it (the server's id, or the
 *                     position in a roadmap file)
 */
public record Dismissal(String antiGoal, long initiativeId, String reason, String textsFingerprint) {

    /**
     * The digest of the texts a dismissal was made for (SHA-256, hex). Runs of white space count as one
     * space and the ends are trimmed, so re-saving a text unchanged does not lift the dismissal, while
     * any change of words does. A missing description is the same as an empty one.
     */
    public static String fingerprint(String antiGoal, String title, String description) {
        String texts = normalise(antiGoal) + "\u0000" + normalise(title) + "\u0000" + normalise(description);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(texts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String fingerprint(String antiGoal, Initiative initiative) {
        return fingerprint(antiGoal, initiative.title(), initiative.description());
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** True when this dismissal is about this pair and neither text changed since. */
    public boolean holdsFor(String antiGoal, Initiative initiative) {
        return initiative.id() == initiativeId && normalise(this.antiGoal).equals(normalise(antiGoal))
                && textsFingerprint.equals(fingerprint(antiGoal, initiative));
    }
}
