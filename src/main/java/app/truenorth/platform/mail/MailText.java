package app.truenorth.platform.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text part of an e-mail, made from its HTML so the two never disagree: links become
 * "label (address)", blocks become lines, tags go and entities are decoded. Meant for the simple
 * markup of the mail templates, not for any HTML.
 */
final class MailText {

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1\\s*>");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*\"([^\"]*)\"[^>]*>(.*?)</a\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|h[1-6]|li|tr|table|ul|ol)\\s*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    private MailText() {
    }

    static String of(String html) {
        String text = HIDDEN.matcher(html).replaceAll("");
        Matcher links = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String href = links.group(1);
            String label = TAG.matcher(links.group(2)).replaceAll("").strip();
            String both = label.isEmpty() || label.equals(href) ? href : label + " (" + href + ")";
            links.appendReplacement(out, Matcher.quoteReplacement(both));
        }
        links.appendTail(out);
        text = BREAK.matcher(out).replaceAll("\n");
        text = ITEM.matcher(text).replaceAll("- ");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        StringBuilder lines = new StringBuilder();
        boolean blank = true;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip().replaceAll("[ \\t]+", " ");
            if (trimmed.isEmpty()) {
                if (!blank) {
                    lines.append('\n');
                }
                blank = true;
            } else {
                lines.append(trimmed).append('\n');
                blank = false;
            }
        }
        return lines.toString().strip() + "\n";
    }

    private static String decode(String text) {
        Matcher numeric = NUMERIC.matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int code = numeric.group(1) != null ? Integer.parseInt(numeric.group(1), 16) : Integer.parseInt(numeric.group(2));
            String decoded = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : numeric.group();
            numeric.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        numeric.appendTail(out);
        return out.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
