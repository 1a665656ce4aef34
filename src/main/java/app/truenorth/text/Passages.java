package app.truenorth.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A document cut into the passages that are embedded and compared one by one; a document is as close
 * to a query as its closest passage, so a long description does not dilute the one sentence that
 * matters. The title is a passage of its own; the body is cut at sentence ends into passages of about
 * {@value #WORDS} words; a short document is also compared whole. Text past {@value #MAX_CHARS}
 * characters is not compared (a 1 MB paste is indexed by its beginning), and control characters count
 * as spaces.
 */
final class Passages {

    static final int MAX_CHARS = 20_000;
    static final int WORDS = 40;
    static final int MAX_PASSAGES = 64;
    static final int MAX_PASSAGE_CHARS = 400;

    private Passages() {
    }

    /** The text the index and the scorer see: control characters as spaces, cut at {@value #MAX_CHARS}. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1); // never split a character in two
        }
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD' ? ' ' : c);
        }
        return out.toString().strip();
    }

    static List<String> of(String title, String body) {
        String t = clean(title);
        String b = clean(body);
        List<String> out = new ArrayList<>();
        if (!t.isBlank()) {
            out.add(t);
        }
        if (b.isBlank()) {
            return out;
        }
        List<String> chunks = chunks(b);
        int words = words(t) + words(b);
        if (!t.isBlank() && words <= WORDS + WORDS / 2) {
            out.add(t + ". " + b);
        }
        for (String chunk : chunks) {
            for (String c : bySize(chunk)) {
                if (out.size() >= MAX_PASSAGES) {
                    return out;
                }
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Sentences grouped into passages of about {@value #WORDS} words; a run-on sentence is cut by words. */
    private static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int count = 0;
        for (String sentence : text.split("(?<=[.!?\u3002\uff01\uff1f])\\s+|\\s*\\n\\s*\\n\\s*|\\s*\\n\\s*(?=[-*\u2022])")) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            int n = words(s);
            if (n > WORDS * 3 / 2) {
                if (count > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    count = 0;
                }
                String[] w = s.split("\\s+");
                for (int i = 0; i < w.length; i += WORDS) {
                    out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, Math.min(w.length, i + WORDS))));
                }
                continue;
            }
            if (count > 0 && count + n > WORDS) {
                out.add(current.toString());
                current.setLength(0);
                count = 0;
            }
            if (count > 0) {
                current.append(' ');
            }
            current.append(s);
            count += n;
        }
        if (count > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Scripts written without spaces (Chinese, Japanese) make long "words": cut those by characters. */
    private static List<String> bySize(String chunk) {
        if (chunk.length() <= MAX_PASSAGE_CHARS) {
            return List.of(chunk);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < chunk.length()) {
            int end = Math.min(chunk.length(), start + MAX_PASSAGE_CHARS);
            if (end < chunk.length() && Character.isHighSurrogate(chunk.charAt(end - 1))) {
                end--;
            }
            String piece = chunk.substring(start, end).strip();
            if (!piece.isEmpty()) {
                out.add(piece);
            }
            start = end;
        }
        return out;
    }

    static int words(String s) {
        if (s.isBlank()) {
            return 0;
        }
        return s.strip().split("\\s+").length;
    }
}
