package app.truenorth.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled anti-goal / initiative pairs (src/test/resources/text/anti-goal-pairs.csv) and their
 * fixed split into a calibration half, on which thresholds and weights are chosen, and a held-out half,
 * on which the figures are reported.
 */
final class AntiGoalPairs {

    /** The split's seed: fixed, so the halves never change between runs. */
    static final long SEED = 20_240_611L;

    enum Category {
        PARAPHRASE(true), RESTATED(true), LOOKALIKE(false), UNRELATED(false), NEARMISS(false);

        final boolean match;

        Category(boolean match) {
            this.match = match;
        }
    }

    record Pair(int line, Category category, String antiGoal, String title, String description) {

        boolean match() {
            return category.match;
        }

        String initiative() {
            return description.isEmpty() ? title : title + "\n" + description;
        }
    }

    record Split(List<Pair> calibration, List<Pair> heldOut) {
    }

    private AntiGoalPairs() {
    }

    static List<Pair> all() {
        try (Reader in = new InputStreamReader(AntiGoalPairs.class.getResourceAsStream("/text/anti-goal-pairs.csv"),
                StandardCharsets.UTF_8)) {
            List<Pair> pairs = new ArrayList<>();
            var format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : format.parse(in)) {
                pairs.add(new Pair((int) r.getRecordNumber(), Category.valueOf(r.get("category").toUpperCase(java.util.Locale.ROOT)),
                        r.get("anti_goal"), r.get("title"), r.get("description")));
            }
            return pairs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each category shuffled with {@link #SEED} and dealt alternately into the two halves. */
    static Split split() {
        Map<Category, List<Pair>> byCategory = new LinkedHashMap<>();
        for (Pair p : all()) {
            byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p);
        }
        Random random = new Random(SEED);
        List<Pair> calibration = new ArrayList<>();
        List<Pair> heldOut = new ArrayList<>();
        for (List<Pair> pairs : byCategory.values()) {
            Collections.shuffle(pairs, random);
            for (int i = 0; i < pairs.size(); i++) {
                (i % 2 == 0 ? calibration : heldOut).add(pairs.get(i));
            }
        }
        return new Split(List.copyOf(calibration), List.copyOf(heldOut));
    }
}
