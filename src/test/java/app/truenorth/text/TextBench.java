package app.truenorth.text;

import app.truenorth.platform.cluster.ChangeSignals;
import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The text engine's benchmark (bench/text.sh): model load, embedding throughput against the model's own
 * batch rate, top-10 queries among 10,000 documents of one workspace in an index of 100,000 beside a
 * bare BM25 top-10 and a brute-force dot product over the same vectors, and a rebuild of the 100,000
 * from stored vectors. Plain Java, one JVM; figures are medians of repeated rounds.
 */
public final class TextBench {

    private static final String[] WORDS = ("route fleet driver invoice export report dashboard customer order delivery parcel shipment "
            + "tracking map offline sync mobile web api webhook integration billing payment refund discount plan seat trial account "
            + "team member role permission audit log search filter tag label theme dark mode alert notification email sms push "
            + "schedule shift calendar booking reservation warehouse inventory stock supplier purchase approval budget forecast "
            + "revenue churn retention onboarding checklist template import csv pdf chart kpi objective goal roadmap release "
            + "feedback survey rating review comment chat support ticket sla escalation incident status uptime backup restore "
            + "encryption password login sso token key security privacy consent gdpr region language currency tax vat customs "
            + "fuel temperature sensor telematics camera photo signature proof document upload attachment storage archive "
            + "faster bulk automatic custom shared public private weekly daily monthly realtime offline self-service guided").split(" ");

    private TextBench() {
    }

    static String sentence(Random r, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                out.append(i == words / 2 ? " for " : " ");
            }
            out.append(WORDS[r.nextInt(WORDS.length)]);
        }
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.toString();
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int workspaces = 10;
        Random random = new Random(42);
        System.out.printf(Locale.ROOT, "text engine benchmark: %,d documents in %d workspaces, model %s, %d cores%n", total, workspaces,
                Models.model().id, Runtime.getRuntime().availableProcessors());

        // 1. model load, once in this JVM
        long t = System.nanoTime();
        Models.encoder();
        System.out.printf(Locale.ROOT, "model load: %.0f ms%n", (System.nanoTime() - t) / 1e6);

        // 2. embedding throughput: the index's path (passages, batches, cache) against the model's own batch rate
        EmbeddingModel own = Models.model() == Encoder.Model.BGE ? new BgeSmallEnV15QuantizedEmbeddingModel()
                : new AllMiniLmL6V2QuantizedEmbeddingModel();
        int batch = 512;
        double[] ownRates = new double[5];
        double[] ourRates = new double[5];
        for (int round = -1; round < 5; round++) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                a.add(sentence(random, 6 + random.nextInt(7)));
                b.add(sentence(random, 6 + random.nextInt(7)));
            }
            t = System.nanoTime();
            own.embedAll(a.stream().map(TextSegment::from).toList());
            double ownRate = batch / ((System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            for (String text : b) {
                Passages.of(text, "");
            }
            Models.embed(b);
            double ourRate = batch / ((System.nanoTime() - t) / 1e9);
            if (round >= 0) {
                ownRates[round] = ownRate;
                ourRates[round] = ourRate;
            }
        }
        System.out.printf(Locale.ROOT, "embedding, texts/s (median of 5 rounds of %d short texts): model's own batch %.0f, index path %.0f "
                + "(%.0f %%)%n", batch, median(ownRates), median(ourRates), 100 * median(ourRates) / median(ownRates));

        // 3. the corpus: 2,000 embedded texts, each the seed of 50 documents (its vector with noise, its words and two more)
        int seeds = 2_000;
        List<String> seedTexts = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedTexts.add(sentence(random, 5 + random.nextInt(6)));
        }
        List<float[]> seedVectors = Models.embed(seedTexts);
        String[] titles = new String[total];
        float[][] vectors = new float[total][];
        for (int i = 0; i < total; i++) {
            int s = random.nextInt(seeds);
            titles[i] = seedTexts.get(s) + " " + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
            float[] v = seedVectors.get(s).clone();
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (random.nextGaussian() * 0.03);
            }
            vectors[i] = Vectors.normalize(v);
        }
        Path dir = Files.createTempDirectory("truenorth-text-bench-");
        t = System.nanoTime();
        LuceneIndex index = LuceneIndex.open(dir.resolve("g1"), true);
        for (int i = 0; i < total; i++) {
            index.add(i % workspaces, "initiative", "d" + i, List.of(titles[i]), List.of(vectors[i]));
        }
        index.commit(java.util.Map.of("format", LuceneIndex.FORMAT));
        index.refresh();
        System.out.printf(Locale.ROOT, "index build (Lucene only, vectors given): %.1f s%n", (System.nanoTime() - t) / 1e9);

        // 4. queries in workspace 3: the full top-10 (candidates by BM25 and HNSW, every candidate scored), bare BM25, brute force
        int queries = 300;
        List<Scoring.Query> qs = new ArrayList<>();
        List<String> queryTexts = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            queryTexts.add("We will not build " + sentence(random, 3 + random.nextInt(4)).toLowerCase(Locale.ROOT));
        }
        long[] embedNanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            qs.add(PairScorer.query(queryTexts.get(i)));
            embedNanos[i] = System.nanoTime() - s;
        }
        List<float[]> mine = new ArrayList<>();
        for (int i = 3; i < total; i += workspaces) {
            mine.add(vectors[i]);
        }
        String scope = LuceneIndex.scope(3, "initiative");
        int rounds = 5;
        double[] fullP99 = new double[rounds];
        double[] fullP50 = new double[rounds];
        double[] bm25P99 = new double[rounds];
        double[] bm25P50 = new double[rounds];
        double[] bruteP99 = new double[rounds];
        double[] bruteP50 = new double[rounds];
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            long[] full = new long[queries];
            long[] bm25 = new long[queries];
            long[] brute = new long[queries];
            for (int i = 0; i < queries; i++) {
                Scoring.Query q = qs.get(i);
                long s = System.nanoTime();
                List<Match> top = TextIndex.fromIndex(index, q, 3, "initiative", 10);
                full[i] = System.nanoTime() - s;
                if (top.isEmpty()) {
                    throw new IllegalStateException("no answer");
                }
                s = System.nanoTime();
                index.bm25(scope, new ArrayList<>(q.stems()), 10);
                bm25[i] = System.nanoTime() - s;
                s = System.nanoTime();
                PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
                for (int d = 0; d < mine.size(); d++) {
                    double dot = Vectors.dot(q.vector(), mine.get(d));
                    if (heap.size() < 10) {
                        heap.add(new double[] {dot, d});
                    } else if (dot > heap.peek()[0]) {
                        heap.poll();
                        heap.add(new double[] {dot, d});
                    }
                }
                brute[i] = System.nanoTime() - s;
            }
            if (round >= 0) {
                fullP99[round] = percentile(full, 0.99);
                fullP50[round] = percentile(full, 0.50);
                bm25P99[round] = percentile(bm25, 0.99);
                bm25P50[round] = percentile(bm25, 0.50);
                bruteP99[round] = percentile(brute, 0.99);
                bruteP50[round] = percentile(brute, 0.50);
                System.out.printf(Locale.ROOT, "  round %d: top-10 p50 %.2f p99 %.2f ms | bare BM25 p50 %.2f p99 %.2f ms | brute force p50 %.2f "
                        + "p99 %.2f ms%n", round + 1, fullP50[round], fullP99[round], bm25P50[round], bm25P99[round], bruteP50[round],
                        bruteP99[round]);
            }
        }
        System.out.printf(Locale.ROOT, "top-10 among %,d of %,d (medians of %d rounds of %d queries): p50 %.2f ms, p99 %.2f ms; bare BM25 "
                + "p50 %.2f, p99 %.2f ms; brute-force dot product p50 %.2f, p99 %.2f ms%n", mine.size(), total, rounds, queries,
                median(fullP50), median(fullP99), median(bm25P50), median(bm25P99), median(bruteP50), median(bruteP99));
        System.out.printf(Locale.ROOT, "the query's own embedding (reported apart): p50 %.2f ms, p99 %.2f ms%n", percentile(embedNanos, 0.5),
                percentile(embedNanos, 0.99));
        index.close();
        TextIndex.deleteTree(dir);

        // 5. rebuild of every document from the stored vectors (embedded H2 database, in memory)
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:mem:textbench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            ds.setUsername("sa");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/text").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            OffsetDateTime now = OffsetDateTime.now();
            String model = Models.model().id;
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                rows.add(new Object[] {i % workspaces, "initiative", "d" + i, titles[i], "", TextStore.hash(titles[i], ""), model, 1,
                        Vectors.toBytes(vectors[i]), now});
                if (rows.size() == 1000 || i == total - 1) {
                    jdbc.batchUpdate("insert into text_document (workspace_id, kind, doc_id, title, body, content_hash, model, passages, "
                            + "vectors, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                    rows.clear();
                }
            }
            ChangeSignals signals = ChangeSignals.forOneProcess();
            Path rebuildDir = Files.createTempDirectory("truenorth-text-rebuild-");
            TextIndex text = new TextIndex(new TextStore(JdbcClient.create(ds), Clock.systemUTC()), signals, new DataSourceTransactionManager(ds),
                    ds, Clock.systemUTC(), rebuildDir.toString(), rebuildDir.resolve("text-index").toString(), "", false);
            double[] seconds = new double[3];
            for (int round = 0; round < 3; round++) {
                RebuildReport report = text.rebuild(null);
                seconds[round] = report.took().toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "  rebuild %d: %,d documents in %.1f s%n", round + 1, report.documents(), seconds[round]);
            }
            System.out.printf(Locale.ROOT, "rebuild of %,d documents from stored vectors: median %.1f s%n", total, median(seconds));
            text.stop();
            signals.destroy();
            TextIndex.deleteTree(rebuildDir);
        }
    }
}
