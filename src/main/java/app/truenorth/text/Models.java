package app.truenorth.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedding model of this JVM, loaded on first use (never at start-up), and a cache of the
 * vectors of recent texts: the health check compares the same anti-goals and titles again and again.
 */
final class Models {

    /** Which model: the {@code truenorth.text.model} system property, else the one chosen on the labelled pairs. */
    static final String PROPERTY = "truenorth.text.model";
    private static final Logger log = LoggerFactory.getLogger(Models.class);
    private static final int CACHE = 20_000;

    private static volatile Encoder.Model chosen;
    private static volatile Encoder encoder;
    private static volatile long loadMillis = -1;
    private static final Map<String, float[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE;
        }
    });

    private Models() {
    }

    /** Chooses the model before anything loads it (the server reads it from its configuration). */
    static synchronized void choose(String id) {
        Encoder.Model model = id == null || id.isBlank() ? Scoring.DEFAULT_MODEL : Encoder.Model.byId(id);
        if (encoder != null && encoder.model() != model) {
            throw new IllegalStateException("The embedding model " + encoder.model().id + " is already loaded");
        }
        chosen = model;
    }

    static Encoder.Model model() {
        Encoder.Model m = chosen;
        if (m == null) {
            synchronized (Models.class) {
                if (chosen == null) {
                    String id = System.getProperty(PROPERTY);
                    chosen = id == null || id.isBlank() ? Scoring.DEFAULT_MODEL : Encoder.Model.byId(id);
                }
                m = chosen;
            }
        }
        return m;
    }

    static boolean loaded() {
        return encoder != null;
    }

    /** Milliseconds the model took to load, or -1 before it has. */
    static long loadMillis() {
        return loadMillis;
    }

    static Encoder encoder() {
        Encoder e = encoder;
        if (e == null) {
            synchronized (Models.class) {
                if (encoder == null) {
                    long start = System.nanoTime();
                    encoder = Encoder.load(model());
                    loadMillis = (System.nanoTime() - start) / 1_000_000;
                    log.info("Loaded the sentence-embedding model {} in {} ms", encoder.model().id, loadMillis);
                }
                e = encoder;
            }
        }
        return e;
    }

    /** Vectors of the texts, in their order: cached ones reused, the others embedded in batches. */
    static List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            float[] v = cache.get(t);
            out.add(v);
            if (v == null && !missing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            Encoder enc = encoder();
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < missing.size(); i += Scoring.BATCH) {
                List<String> batch = missing.subList(i, Math.min(missing.size(), i + Scoring.BATCH));
                List<float[]> vectors = enc.embedAll(batch);
                for (int j = 0; j < batch.size(); j++) {
                    fresh.put(batch.get(j), vectors.get(j));
                    cache.put(batch.get(j), vectors.get(j));
                }
            }
            for (int i = 0; i < texts.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, fresh.get(texts.get(i)));
                }
            }
        }
        return out;
    }

    static float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }
}
