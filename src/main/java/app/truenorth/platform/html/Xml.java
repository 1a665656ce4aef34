package app.truenorth.platform.html;

/**
 * The one escaper for markup the server writes in Java: the SVG pictures (the roadmap timeline, the market
 * sizing chart). Every string that can hold something a person typed goes through {@link #escape} before it
 * joins such a picture, and only such pictures may be inserted into a page unescaped. Everything else is
 * HTML from templates, which escape by themselves.
 *
 * <p>Safe in element text and in quoted attribute values alike, and well-formed XML in both: the five
 * markup characters become entities, and the characters XML 1.0 does not allow (control characters, the
 * two non-characters U+FFFE and U+FFFF, halves of a surrogate pair) are dropped, because the PDF and PNG
 * renderers parse the picture as XML and refuse a document that holds one.
 */
public final class Xml {

    private Xml() {
    }

    /** The text as XML character data; null reads as empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out);
        return out.toString();
    }

    /** Appends the text as XML character data, without an intermediate string; null appends nothing. */
    public static StringBuilder escape(String text, StringBuilder out) {
        if (text == null) {
            return out;
        }
        int n = text.length();
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(text.charAt(k + 1))) {
                        out.append(c).append(text.charAt(++k));
                    } else if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /** Whether XML 1.0 allows this character on its own (a surrogate only allows itself as half of a pair). */
    public static boolean allowed(char c) {
        return c >= 0x20 ? c < 0xD800 || (c > 0xDFFF && c < 0xFFFE) : c == '\t' || c == '\n' || c == '\r';
    }
}
