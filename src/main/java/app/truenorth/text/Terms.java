package app.truenorth.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How text becomes terms, the same for the search index and the pair scorer: Lucene's standard
 * tokenizer (Unicode word boundaries, so every script splits sensibly), lower case, English
 * possessives dropped, English function words dropped, Porter stemming ("integrations" and
 * "integration" are one term). And the frame of a rule: "We will not build X" is about X.
 */
final class Terms {

    /** English function words: they carry grammar, not a topic. */
    static final CharArraySet FUNCTION_WORDS = new CharArraySet(List.of("a", "about", "above", "after", "again", "against", "all",
            "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
            "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "don't", "down", "during", "each",
            "either", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
            "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let",
            "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
            "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "same", "shall", "she",
            "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
            "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "via",
            "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "within",
            "without", "won't", "would", "you", "your", "yours", "yourself", "never", "ever", "yet", "s", "t", "etc"), false);

    /**
     * The opening that turns a topic into a rule: "we will not", "we won't", "we are not a", "no",
     * "never", "not a", "don't", optionally followed by a verb of making or offering ("build",
     * "offer", "become" ...). Grammar only: the topic that follows is compared as it is.
     */
    private static final Pattern FRAME = Pattern.compile("^\\s*(?:(?:we|i|you|they)\\s+(?:will|shall|do|are|would|should|must|can)?\\s*"
            + "(?:not|never|n't)\\b|(?:we|i)\\s+(?:won't|wont|don't|dont|can't|cannot|shan't|aren't|shouldn't|mustn't)\\b|"
            + "(?:won't|don't|do\\s+not|never|no|not|avoid|stop)\\b)\\s*(?:(?:be|become|build|do|offer|provide|make|create|develop|"
            + "add|ship|support|have|turn\\s+into|go\\s+into|get\\s+into|start|launch)\\b\\s*)?"
            + "(?:(?:an?|the|any|our\\s+own|our|own|ever)\\b\\s*)?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Terms() {
    }

    /** A term and where it stands in the text it came from. */
    record Term(String stem, String word, int start, int end) {
    }

    /** The topic of a rule: "We will not build a CRM" → "CRM"; text without such an opening is unchanged. */
    static String topic(String statement) {
        if (statement == null) {
            return "";
        }
        Matcher m = FRAME.matcher(statement);
        if (m.find() && m.end() < statement.length()) {
            String rest = statement.substring(m.end()).trim();
            if (!rest.isEmpty()) {
                return rest;
            }
        }
        return statement.trim();
    }

    /** The content terms of {@code text}, in order, with their stems and offsets. */
    static List<Term> terms(String text) {
        List<Term> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = ANALYZER.tokenStream("t", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                out.add(new Term(term.toString(), text.substring(start, end), start, end));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The analyzer of both the index and the scorer. */
    static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, FUNCTION_WORDS);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean isFunctionWord(String word) {
        return FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    static Set<String> stems(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Term t : terms(text)) {
            out.add(t.stem());
        }
        return out;
    }
}
