package app.truenorth.text;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.text.AntiGoalPairs.Category;
import app.truenorth.text.AntiGoalPairs.Pair;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The labelled pairs keep the shape that makes them a fair test: enough paraphrases that share no
 * content word (not even a word's stem or its first five letters), enough look-alikes that do share
 * one, and the split into halves fixed and balanced. Content words are judged here independently of
 * the code under test: Lucene's English stemmer and a list of English function words.
 */
class AntiGoalFixtureTest {

    /** English function words and the words that frame any anti-goal; never a topic. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "about", "after", "all", "also", "an", "and", "any", "are", "as",
            "at", "be", "been", "both", "but", "by", "can", "cannot", "do", "does", "each", "either", "every", "for", "from", "get",
            "gets", "has", "have", "how", "if", "in", "inside", "into", "is", "it", "its", "let", "more", "most", "new", "no", "nor",
            "not", "of", "on", "one", "only", "or", "other", "our", "ourselves", "own", "per", "so", "such", "than", "that", "the",
            "their", "them", "then", "there", "these", "they", "this", "to", "too", "two", "up", "us", "very", "was", "we", "well",
            "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "won't", "won", "would", "you", "your",
            "never", "off", "out", "should", "set", "first", "ten", "three", "s", "t");

    private static final Analyzer STEMMER = new EnglishAnalyzer(org.apache.lucene.analysis.CharArraySet.EMPTY_SET);

    private final List<Pair> pairs = AntiGoalPairs.all();

    @Test
    void holdsAtLeastSixtyPairsWithTwentyFiveOfEachHardKind() {
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(count(Category.PARAPHRASE)).isGreaterThanOrEqualTo(25);
        assertThat(count(Category.LOOKALIKE)).isGreaterThanOrEqualTo(25);
        // a rule "a shared word means no match" must fail on the fixture: matches that share words and
        // strangers that share none are in it too
        assertThat(count(Category.RESTATED)).isGreaterThanOrEqualTo(8);
        assertThat(count(Category.UNRELATED)).isGreaterThanOrEqualTo(8);
        // and strangers from the same domain, which keep the bar for pairs sharing no word honest
        assertThat(count(Category.NEARMISS)).isGreaterThanOrEqualTo(25);
    }

    @Test
    void paraphrasesAndStrangersShareNoContentWord() {
        for (Pair p : pairs) {
            if (p.category() == Category.PARAPHRASE || p.category() == Category.UNRELATED || p.category() == Category.NEARMISS) {
                assertThat(shared(p)).as("line %d: %s / %s", p.line(), p.antiGoal(), p.initiative()).isEmpty();
            }
        }
    }

    @Test
    void lookalikesAndRestatementsShareAContentWord() {
        for (Pair p : pairs) {
            if (p.category() == Category.LOOKALIKE || p.category() == Category.RESTATED) {
                assertThat(sharedStems(p)).as("line %d: %s / %s", p.line(), p.antiGoal(), p.initiative()).isNotEmpty();
            }
        }
    }

    @Test
    void theHalvesAreFixedDisjointAndBalanced() {
        var split = AntiGoalPairs.split();
        assertThat(split.calibration().size() + split.heldOut().size()).isEqualTo(pairs.size());
        assertThat(split.calibration()).doesNotContainAnyElementsOf(split.heldOut());
        for (Category c : Category.values()) {
            long calibration = split.calibration().stream().filter(p -> p.category() == c).count();
            long heldOut = split.heldOut().stream().filter(p -> p.category() == c).count();
            assertThat(Math.abs(calibration - heldOut)).as(c.name()).isLessThanOrEqualTo(1);
        }
        assertThat(AntiGoalPairs.split()).isEqualTo(split);
    }

    @Test
    void theCheckCatchesASharedWord() {
        // the shape rules would be worthless if the word check missed plurals or stems
        var p = new Pair(0, Category.PARAPHRASE, "No custom integrations", "Custom integration for one client", "");
        assertThat(sharedStems(p)).contains("integr", "custom");
        var q = new Pair(0, Category.PARAPHRASE, "We will not run a loyalty programme", "Program for loyal buyers", "");
        assertThat(shared(q)).isNotEmpty();
    }

    private long count(Category c) {
        return pairs.stream().filter(p -> p.category() == c).count();
    }

    /** Shared stems, plus content words that begin with the same five letters ("programme"/"program"). */
    private static Set<String> shared(Pair p) {
        Set<String> out = new HashSet<>(sharedStems(p));
        for (String a : contentWords(p.antiGoal())) {
            for (String b : contentWords(p.initiative())) {
                if (a.length() >= 5 && b.length() >= 5 && a.regionMatches(0, b, 0, 5)
                        || a.length() >= 4 && b.length() >= 4 && (a.startsWith(b) || b.startsWith(a))) {
                    out.add(a + "/" + b);
                }
            }
        }
        return out;
    }

    private static Set<String> sharedStems(Pair p) {
        Set<String> a = stems(p.antiGoal());
        a.retainAll(stems(p.initiative()));
        return a;
    }

    private static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            String word = w.replaceAll("^'+|'+$", "").replaceAll("'s$", "");
            if (!word.isEmpty() && !FUNCTION_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String word : contentWords(text)) {
            try (TokenStream ts = STEMMER.tokenStream("f", new StringReader(word))) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    out.add(term.toString());
                }
                ts.end();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
