package app.truenorth.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sentence-embedding model run in this process: the quantised ONNX file and its tokenizer ship inside
 * the application's jar, so nothing is downloaded. Besides the sentence vector it keeps the vector of
 * every token in context, which is how the scorer tells whether a word two texts share means the same
 * in both ("dark patterns" and "dark mode" share a word, not a meaning).
 */
final class Encoder implements AutoCloseable {

    /** Longest input in word pieces; longer text is embedded passage by passage (see {@link Passages}). */
    static final int MAX_TOKENS = 256;

    enum Model {
        MINILM("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", false),
        BGE("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", true);

        final String id;
        final String onnx;
        final String tokenizer;
        /** BGE's sentence vector is its first token's; MiniLM's the mean of all tokens. */
        final boolean clsPooling;

        Model(String id, String onnx, String tokenizer, boolean clsPooling) {
            this.id = id;
            this.onnx = onnx;
            this.tokenizer = tokenizer;
            this.clsPooling = clsPooling;
        }

        static Model byId(String id) {
            for (Model m : values()) {
                if (m.id.equals(id) || m.name().equalsIgnoreCase(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("Unknown embedding model " + id + "; known: all-minilm-l6-v2-q, bge-small-en-v1.5-q");
        }
    }

    /** A text as the model read it: the sentence vector and each token's vector with its place in the text. */
    record Encoded(float[] sentence, float[][] tokens, int[] starts, int[] ends, boolean[] special) {
    }

    static final int DIMENSIONS = 384;

    private final Model model;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    private Encoder(Model model, OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    static Encoder load(Model model) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true"); // the tokenizer library must never look for downloads
        }
        try {
            byte[] onnx = resource(model.onnx);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // one thread per call: requests embed in parallel already, and the answer must not depend on
            // how a matrix product was split between threads
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(onnx, options);
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = Encoder.class.getClassLoader().getResourceAsStream(model.tokenizer)) {
                if (in == null) {
                    throw new IllegalStateException("The tokenizer " + model.tokenizer + " is not on the class path");
                }
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
                        "maxLength", String.valueOf(MAX_TOKENS), "modelMaxLength", String.valueOf(MAX_TOKENS)));
            }
            return new Encoder(model, environment, session, tokenizer);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the embedding model " + model.id + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Encoder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The embedding model " + name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    Model model() {
        return model;
    }

    /** The normalised sentence vector of {@code text} (which must not be blank). */
    float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** Sentence vectors of several texts at once, padded into one batch per call. */
    List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (Encoded e : encodeAll(texts)) {
            out.add(e.sentence());
        }
        return out;
    }

    /** The text with its token vectors. */
    Encoded encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    List<Encoded> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts, true, false);
        int batch = encodings.length;
        int length = 0;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] tokenIds = encodings[b].getIds();
            long[] attention = encodings[b].getAttentionMask();
            System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
            System.arraycopy(attention, 0, mask, b * length, attention.length);
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] states = (float[][][]) result.get(0).getValue();
                List<Encoded> out = new ArrayList<>(batch);
                for (int b = 0; b < batch; b++) {
                    out.add(encoded(encodings[b], states[b]));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private Encoded encoded(Encoding encoding, float[][] states) {
        int n = encoding.getIds().length;
        float[][] tokens = new float[n][];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] special = new boolean[n];
        long[] specialMask = encoding.getSpecialTokenMask();
        var spans = encoding.getCharTokenSpans();
        float[] sum = new float[states[0].length];
        for (int i = 0; i < n; i++) {
            tokens[i] = states[i];
            special[i] = specialMask[i] == 1;
            starts[i] = spans[i] == null ? -1 : spans[i].getStart();
            ends[i] = spans[i] == null ? -1 : spans[i].getEnd();
            for (int d = 0; d < sum.length; d++) {
                sum[d] += states[i][d];
            }
        }
        float[] sentence = model.clsPooling ? states[0].clone() : sum;
        return new Encoded(Vectors.normalize(sentence), tokens, starts, ends, special);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing on shutdown: nothing left to do
        }
        tokenizer.close();
    }
}
