package app.truenorth.platform;

/**
 * Helpers for optimistic concurrency: every update statement carries {@code where version = ?} and
 * a row count of zero means someone else got there first.
 */
public final class Versioned {

    private Versioned() {
    }

    public static void requireUpdated(int rows, String what) {
        if (rows == 0) {
            throw ConflictException.staleVersion(what);
        }
    }

    public static String etag(long id, int version) {
        return "\"" + id + "-" + version + "\"";
    }

    /**
     * Reads the version out of an If-Match value made by {@link #etag}. Returns null for a header
     * that is absent or does not name this entity, so the caller can fall back to a body field.
     */
    public static Integer versionFromIfMatch(String ifMatch, long id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        String prefix = id + "-";
        if (!value.startsWith(prefix)) {
            return -1; // an ETag of something else never matches
        }
        try {
            return Integer.parseInt(value.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
