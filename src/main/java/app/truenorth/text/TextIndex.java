package app.truenorth.text;

import app.truenorth.platform.cluster.ChangeSignals;
import app.truenorth.platform.cluster.NodeCache;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The text index: owners of text (initiatives, feedback, cards) index their documents in their own
 * writing transaction and ask for the documents most like a text. Kept as the module's one public
 * service (the module is closed): the database side, the change log and the per-node index have to move
 * in step, and their internals already sit in package-private classes ({@code LuceneIndex}, the scorer). Each document is kept in the
 * database with its sentence vectors (so a restart or another node does not embed it again), and in
 * this node's search index, which is derived from the database and rebuilt from it when missing.
 * Every query is limited to one workspace and one kind.
 *
 * <p>How the nodes stay current: every change is also written to a change log in the same
 * transaction and announced through {@link ChangeSignals}; each node applies the log to its own index
 * in order, records the last entry it applied, and reads the log again after a signal, every few
 * seconds, after a reconnect and at start, so a missed signal only delays it. The search index lives
 * in the data folder on the embedded database (a restart reopens it) and in a temporary folder on
 * PostgreSQL (each node rebuilds it from the stored vectors at start). Until it is ready, and whenever
 * it fails, queries compare the stored vectors directly.
 */
@Service
public class TextIndex implements SmartLifecycle {

    /** Receives a long job's progress. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    static final String TOPIC = "text";
    private static final Logger log = LoggerFactory.getLogger(TextIndex.class);
    private static final int CANDIDATES = 50;
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration GAP_EXPIRY = Duration.ofMinutes(30);
    private static final Duration KEEP_CHANGES = Duration.ofDays(7);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(2);
    private static final Duration EMBED_DELAY_AFTER_START = Duration.ofSeconds(10);

    private final TextStore store;
    private final ChangeSignals signals;
    private final NodeCache<Boolean> watch;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;
    private final Clock clock;
    private final boolean persistent;
    private final Path configuredDir;
    private final boolean background;

    private final Object lock = new Object();
    private final Object rebuildLock = new Object();
    /** One thread at a time applies changes: each reads a document's current state, and order matters. */
    private final Object applyLock = new Object();
    private final Semaphore nudge = new Semaphore(0);
    /** Every change up to here is applied, except the {@link #gaps} (sequence numbers not seen yet). */
    private long applied;
    private final TreeMap<Long, Long> gaps = new TreeMap<>();
    private volatile LuceneIndex lucene;
    private volatile boolean rebuilding;
    private volatile boolean rebuildWanted;
    private volatile Instant builtAt;
    private volatile boolean running;
    private Thread worker;
    private Path base;
    private boolean dirty;
    private long lastCommit;
    private long startedAt;

    TextIndex(TextStore store, ChangeSignals signals, PlatformTransactionManager transactions, DataSource dataSource, Clock clock,
            @Value("${truenorth.data-dir:./data}") String dataDir, @Value("${truenorth.text.index-dir:}") String indexDir,
            @Value("${truenorth.text.model:}") String model, @Value("${truenorth.text.background:true}") boolean background) {
        this.store = store;
        this.signals = signals;
        this.clock = clock;
        this.background = background;
        this.watch = signals.cache(TOPIC, 1, Duration.ofDays(1));
        this.readTx = new TransactionTemplate(transactions);
        readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readTx.setReadOnly(true);
        this.writeTx = new TransactionTemplate(transactions);
        writeTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (!model.isBlank()) {
            Models.choose(model);
        }
        String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : null;
        this.persistent = !indexDir.isBlank() || embeddedFile(url);
        this.configuredDir = indexDir.isBlank() ? Path.of(dataDir, "text-index") : Path.of(indexDir);
        this.base = persistent ? configuredDir : null;
    }

    /** A database file only this process opens: the index can live beside it and survive restarts. */
    static boolean embeddedFile(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:") && !lower.replace(" ", "").contains("auto_server=true");
    }

    // ------------------------------------------------------------------------------------------------
    // writes, in the owner's transaction

    /**
     * Adds or replaces a document. Call it inside the transaction that writes the owner's text: the
     * document and its vectors are written in that transaction, and the search index follows when it
     * commits (nothing changes when it rolls back). Text of any size or script is accepted; control
     * characters count as spaces and text past 20,000 characters is not compared. Unchanged text is
     * not embedded again. The first call in a JVM loads the embedding model (about a second or two).
     */
    @Transactional
    public void index(TextDoc doc) {
        check(doc.kind(), doc.id());
        String title = Passages.clean(doc.title());
        String body = Passages.clean(doc.body());
        String hash = TextStore.hash(title, body);
        String model = Models.model().id;
        var existing = store.find(doc.workspaceId(), doc.kind(), doc.id());
        if (existing.isPresent() && existing.get().hash().equals(hash) && model.equals(existing.get().model())) {
            return;
        }
        List<String> passages = Passages.of(title, body);
        List<float[]> vectors = passages.isEmpty() ? List.of() : Models.embed(passages);
        store.upsert(doc.workspaceId(), doc.kind(), doc.id(), title, body, hash, model, passages.size(), concat(vectors));
        announce(store.recordChange(doc.workspaceId(), doc.kind(), doc.id()));
    }

    /**
     * Adds or replaces many documents at once (an import): written in the caller's transaction like
     * {@link #index}, but embedded afterwards in the background, so the transaction stays short.
     * Until then they are found by their words, and scored by embedding them on the spot.
     */
    @Transactional
    public void indexAll(Collection<TextDoc> docs) {
        long last = 0;
        for (TextDoc doc : docs) {
            check(doc.kind(), doc.id());
            String title = Passages.clean(doc.title());
            String body = Passages.clean(doc.body());
            String hash = TextStore.hash(title, body);
            var existing = store.find(doc.workspaceId(), doc.kind(), doc.id());
            if (existing.isPresent() && existing.get().hash().equals(hash)) {
                continue;
            }
            store.upsert(doc.workspaceId(), doc.kind(), doc.id(), title, body, hash, null, 0, null);
            last = store.recordChange(doc.workspaceId(), doc.kind(), doc.id());
        }
        if (last > 0) {
            announce(last);
        }
    }

    /** Removes a document, in the caller's transaction; nothing happens when it is not indexed. */
    @Transactional
    public void remove(String kind, long workspaceId, String id) {
        check(kind, id);
        if (store.delete(workspaceId, kind, id)) {
            announce(store.recordChange(workspaceId, kind, id));
        }
    }

    /** Removes every document of a workspace (the workspace is deleted, or replaced by a restore). */
    @Transactional
    public void removeWorkspace(long workspaceId) {
        store.deleteWorkspace(workspaceId);
        announce(store.recordChange(workspaceId, null, null));
    }

    private static void check(String kind, String id) {
        if (kind == null || kind.isBlank() || kind.length() > 40 || !kind.equals(kind.strip())) {
            throw new IllegalArgumentException("A document kind is a short name of up to 40 characters: " + kind);
        }
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("A document id has 1 to 100 characters");
        }
    }

    private static byte[] concat(List<float[]> vectors) {
        float[] all = new float[vectors.size() * Encoder.DIMENSIONS];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, all, i * Encoder.DIMENSIONS, Encoder.DIMENSIONS);
        }
        return Vectors.toBytes(all);
    }

    /** Tells every node; this node applies the change as soon as the transaction commits, before returning. */
    private void announce(long seq) {
        signals.changed(TOPIC, null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    awaitApplied(seq);
                }
            });
        } else {
            awaitApplied(seq);
        }
    }

    /** Waits (briefly) until this node's index has applied {@code seq}, so a writer reads its own write. */
    private void awaitApplied(long seq) {
        if (!running || lucene == null) {
            return; // queries read the database directly meanwhile
        }
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        synchronized (lock) {
            nudge.release();
            while (applied < seq && running && lucene != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // queries

    /**
     * The {@code k} documents of {@code kind} in the workspace most like {@code text}, best first, with
     * their scores (0–1) and evidence. Found by their words and by their meaning, so a paraphrase that
     * shares no word is found too; {@code text} is read like a {@link PairScorer} statement (a rule's
     * frame such as "We will not" is not compared). Empty for an empty text or an empty workspace.
     */
    public List<Match> similar(long workspaceId, String kind, String text, int k) {
        if (k <= 0 || kind == null || kind.isBlank()) {
            return List.of();
        }
        Scoring.Query q = PairScorer.query(text);
        if (q.empty()) {
            return List.of();
        }
        LuceneIndex index = lucene;
        if (index != null) {
            try {
                return fromIndex(index, q, workspaceId, kind, k);
            } catch (IOException | RuntimeException e) {
                broken(index, e);
            }
        }
        return best(fromStore(store.scope(workspaceId, kind), q), k);
    }

    /**
     * {@code statement} against each listed document of {@code kind} in the workspace, best first:
     * the same scores and evidence as {@link PairScorer#score(String, String, String)} on the texts, but
     * from the stored vectors. Ids that are not indexed are left out.
     */
    public List<Match> compare(long workspaceId, String kind, String statement, Collection<String> ids) {
        if (ids.isEmpty() || kind == null || kind.isBlank()) {
            return List.of();
        }
        Scoring.Query q = PairScorer.query(statement);
        List<TextStore.StoredDoc> docs = store.find(workspaceId, kind, ids);
        if (q.empty()) {
            return docs.stream().map(d -> new Match(d.docId(), 0, Scoring.NOTHING.evidence())).toList();
        }
        return best(fromStore(docs, q), Integer.MAX_VALUE);
    }

    /** The query on one node's search index: candidates by words and by vectors, each scored on all its passages. */
    static List<Match> fromIndex(LuceneIndex index, Scoring.Query q, long workspaceId, String kind, int k) throws IOException {
        int n = Math.max(CANDIDATES, 5 * k);
        List<LuceneIndex.Hit> hits = index.candidates(LuceneIndex.scope(workspaceId, kind), new ArrayList<>(q.stems()), q.vector(), n);
        Map<String, List<LuceneIndex.Hit>> byDoc = new LinkedHashMap<>();
        for (LuceneIndex.Hit h : hits) {
            byDoc.computeIfAbsent(h.docId(), x -> new ArrayList<>()).add(h);
        }
        Scoring.Weights w = Scoring.weights(Models.model());
        List<Match> out = new ArrayList<>(byDoc.size());
        for (var e : byDoc.entrySet()) {
            List<LuceneIndex.Hit> passages = e.getValue();
            if (passages.size() < passages.get(0).passages()) {
                passages = index.passages(workspaceId, kind, e.getKey()); // score by every passage, as compare() does
            }
            passages = new ArrayList<>(passages);
            passages.sort(Comparator.comparingInt(LuceneIndex.Hit::passage));
            List<String> texts = passages.stream().map(LuceneIndex.Hit::text).toList();
            List<float[]> vectors = passages.stream().map(LuceneIndex.Hit::vector).toList();
            if (vectors.contains(null)) {
                vectors = Models.embed(texts); // not embedded yet (an import): embed now, as the scorer would
            }
            PairScore s = Scoring.score(q, texts, vectors, w);
            out.add(new Match(e.getKey(), s.score(), s.evidence()));
        }
        return best(out, k);
    }

    /** Scores of stored documents, embedding on the spot those without vectors of the current model. */
    private List<Match> fromStore(List<TextStore.StoredDoc> docs, Scoring.Query q) {
        String model = Models.model().id;
        Scoring.Weights w = Scoring.weights(Models.model());
        List<Match> out = new ArrayList<>(docs.size());
        for (TextStore.StoredDoc d : docs) {
            List<String> passages = Passages.of(d.title(), d.body());
            if (passages.isEmpty()) {
                out.add(new Match(d.docId(), 0, Scoring.NOTHING.evidence()));
                continue;
            }
            List<float[]> vectors = d.vectorsFor(model, passages.size());
            if (vectors == null) {
                vectors = Models.embed(passages);
            }
            PairScore s = Scoring.score(q, passages, vectors, w);
            out.add(new Match(d.docId(), s.score(), s.evidence()));
        }
        return out;
    }

    private static List<Match> best(List<Match> matches, int k) {
        return matches.stream().sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id)).limit(k).toList();
    }

    // ------------------------------------------------------------------------------------------------
    // rebuild and status

    /**
     * Rebuilds this node's search index from the database, embedding again the documents whose
     * vectors are missing or come from another model. Queries keep working meanwhile.
     */
    public RebuildReport rebuild(Progress progress) {
        long start = System.nanoTime();
        long[] counts = rebuildNow(progress);
        embedWaiting(Integer.MAX_VALUE, progress);
        return new RebuildReport(counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start));
    }

    /** The index's state on this node. */
    public IndexStatus status() {
        String model = Models.model().id;
        return readTx.execute(tx -> {
            long appliedNow;
            synchronized (lock) {
                appliedNow = applied;
            }
            return new IndexStatus(model, store.count(), store.countWaiting(model),
                    lucene != null && !rebuilding ? IndexStatus.State.READY : IndexStatus.State.REBUILDING, appliedNow,
                    store.latestChange(), builtAt);
        });
    }

    /** Builds a new index from the stored documents and vectors, then puts it in place; returns {documents, waiting}. */
    private long[] rebuildNow(Progress progress) {
        synchronized (rebuildLock) {
            rebuilding = true;
            rebuildWanted = false;
            try {
                String model = Models.model().id;
                OffsetDateTime started = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                long from = readTx.execute(tx -> store.latestChange());
                long total = readTx.execute(tx -> store.count());
                Path dir = nextGeneration();
                LuceneIndex fresh = LuceneIndex.open(dir, true);
                long[] counts = new long[2];
                try {
                    readTx.executeWithoutResult(tx -> store.forEach(500, d -> {
                        List<String> passages = Passages.of(d.title(), d.body());
                        List<float[]> vectors = d.vectorsFor(model, passages.size());
                        if (vectors == null && !passages.isEmpty()) {
                            counts[1]++;
                        }
                        try {
                            fresh.add(d.workspaceId(), d.kind(), d.docId(), passages, vectors);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (++counts[0] % 1000 == 0 && progress != null) {
                            progress.update(counts[0], total);
                        }
                    }));
                    fresh.commit(commitData(from, model));
                    fresh.refresh();
                } catch (IOException | RuntimeException e) {
                    fresh.close();
                    throw e;
                }
                LuceneIndex old;
                synchronized (applyLock) {
                    synchronized (lock) {
                        old = lucene;
                        lucene = fresh;
                        applied = from;
                        gaps.clear();
                        lastCommit = System.nanoTime();
                        dirty = false;
                    }
                }
                closeQuietly(old);
                deleteOtherGenerations(dir);
                builtAt = clock.instant();
                if (progress != null) {
                    progress.update(counts[0], total);
                }
                // transactions that took their change number before the rebuild read the log but
                // committed after it: apply the last minute again (applying is idempotent)
                apply(readTx.execute(tx -> store.changesSince(started.minusMinutes(1))));
                catchUp();
                log.info("Rebuilt the text index from {} stored documents ({} waiting for vectors) in {}", counts[0], counts[1], dir);
                return counts;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not rebuild the text index: " + e.getMessage(), e);
            } finally {
                rebuilding = false;
            }
        }
    }

    private Map<String, String> commitData(long appliedSeq, String model) {
        return Map.of("format", LuceneIndex.FORMAT, "model", model, "applied", Long.toString(appliedSeq));
    }

    private Path nextGeneration() throws IOException {
        if (base == null) {
            base = Files.createTempDirectory("truenorth-text-index-");
        }
        Files.createDirectories(base);
        long next = 1;
        try (Stream<Path> children = Files.list(base)) {
            for (Path p : children.toList()) {
                long g = generation(p);
                next = Math.max(next, g + 1);
            }
        }
        return base.resolve("g" + next);
    }

    private static long generation(Path p) {
        String name = p.getFileName().toString();
        if (name.length() > 1 && name.charAt(0) == 'g') {
            try {
                return Long.parseLong(name.substring(1));
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        return -1;
    }

    private void deleteOtherGenerations(Path keep) {
        try (Stream<Path> children = Files.list(base)) {
            for (Path p : children.toList()) {
                if (!p.equals(keep) && generation(p) >= 0) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old text index folders in {}: {}", base, e.getMessage());
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", p, e.getMessage());
        }
    }

    /** A query or an update failed inside the index: stop using it and rebuild it in the background. */
    private void broken(LuceneIndex index, Exception e) {
        synchronized (lock) {
            if (lucene != index) {
                return;
            }
            lucene = null;
        }
        log.warn("The text index failed ({}); queries read the stored vectors until it is rebuilt", e.toString());
        closeQuietly(index);
        rebuildWanted = true;
        nudge.release();
    }

    private static void closeQuietly(LuceneIndex index) {
        if (index != null) {
            try {
                index.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Closing a text index failed: {}", e.toString());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // keeping current

    /** Applies the change log past what this node applied, and any change numbers it has not seen yet. */
    void catchUp() {
        synchronized (applyLock) {
            catchUpNow();
        }
    }

    private void catchUpNow() {
        if (lucene == null) {
            return;
        }
        long oldest = readTx.execute(tx -> store.oldestChange());
        long from;
        synchronized (lock) {
            from = applied;
        }
        if (from > 0 && oldest > from + 1) {
            rebuildWanted = true; // the log was pruned past what this node applied: only a rebuild is complete
            return;
        }
        while (running || worker == null) {
            long after;
            Long gapFrom = null;
            Long gapTo = null;
            synchronized (lock) {
                after = applied;
                long expiry = System.nanoTime() - GAP_EXPIRY.toNanos();
                gaps.values().removeIf(seen -> seen < expiry);
                if (!gaps.isEmpty()) {
                    gapFrom = gaps.firstKey();
                    gapTo = gaps.lastKey();
                }
            }
            List<TextStore.Change> changes = readTx.execute(tx -> store.changesAfter(after, 500));
            if (gapFrom != null) {
                long lo = gapFrom;
                long hi = gapTo;
                List<TextStore.Change> late = readTx.execute(tx -> store.changesBetween(lo, hi));
                List<TextStore.Change> filled = new ArrayList<>();
                synchronized (lock) {
                    for (TextStore.Change c : late) {
                        if (gaps.containsKey(c.seq())) {
                            filled.add(c);
                        }
                    }
                }
                if (!filled.isEmpty()) {
                    apply(filled);
                    synchronized (lock) {
                        filled.forEach(c -> gaps.remove(c.seq()));
                    }
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            if (!apply(changes)) {
                return;
            }
            synchronized (lock) {
                long now = System.nanoTime();
                for (TextStore.Change c : changes) {
                    if (c.seq() > applied + 1 && c.seq() - applied < 100_000) {
                        for (long s = applied + 1; s < c.seq(); s++) {
                            gaps.put(s, now);
                        }
                    }
                    gaps.remove(c.seq());
                    applied = Math.max(applied, c.seq());
                }
                dirty = true;
                lock.notifyAll();
            }
            if (changes.size() < 500) {
                return;
            }
        }
    }

    /** Applies changes to the current index, reading each document's current state; false if it failed. */
    private boolean apply(List<TextStore.Change> changes) {
        synchronized (applyLock) {
            return applyNow(changes);
        }
    }

    private boolean applyNow(List<TextStore.Change> changes) {
        LuceneIndex index = lucene;
        if (index == null || changes.isEmpty()) {
            return index != null;
        }
        String model = Models.model().id;
        Map<String, TextStore.Change> latest = new LinkedHashMap<>();
        for (TextStore.Change c : changes) {
            String key = c.docId() == null ? "ws:" + c.workspaceId() : LuceneIndex.key(c.workspaceId(), c.kind(), c.docId());
            latest.remove(key);
            latest.put(key, c);
        }
        // one read per workspace and kind for the documents that changed
        Map<String, List<String>> wanted = new HashMap<>();
        for (TextStore.Change c : latest.values()) {
            if (c.docId() != null) {
                wanted.computeIfAbsent(c.workspaceId() + "\u0000" + c.kind(), x -> new ArrayList<>()).add(c.docId());
            }
        }
        Map<String, TextStore.StoredDoc> docs = new HashMap<>();
        readTx.executeWithoutResult(tx -> wanted.forEach((scope, ids) -> {
            int split = scope.indexOf('\u0000');
            for (TextStore.StoredDoc d : store.find(Long.parseLong(scope.substring(0, split)), scope.substring(split + 1), ids)) {
                docs.put(LuceneIndex.key(d.workspaceId(), d.kind(), d.docId()), d);
            }
        }));
        try {
            for (var e : latest.entrySet()) {
                TextStore.Change c = e.getValue();
                if (c.docId() == null) {
                    index.deleteWorkspace(c.workspaceId());
                    // documents indexed again after the removal, in the same batch, come back below
                    continue;
                }
                TextStore.StoredDoc d = docs.get(e.getKey());
                if (d == null) {
                    index.delete(c.workspaceId(), c.kind(), c.docId());
                } else {
                    List<String> passages = Passages.of(d.title(), d.body());
                    index.replace(d.workspaceId(), d.kind(), d.docId(), passages, d.vectorsFor(model, passages.size()));
                }
            }
            index.refresh();
            return true;
        } catch (IOException | RuntimeException e) {
            broken(index, e);
            return false;
        }
    }

    /** Embeds documents that wait for vectors of the current model, a batch at a time; returns how many. */
    private long embedWaiting(int max, Progress progress) {
        String model = Models.model().id;
        long total = readTx.execute(tx -> store.countWaiting(model));
        long done = 0;
        while (done < max && (running || worker == null || progress != null)) {
            List<TextStore.StoredDoc> batch = readTx.execute(tx -> store.waiting(model, 32));
            if (batch.isEmpty()) {
                break;
            }
            for (TextStore.StoredDoc d : batch) {
                List<String> passages = Passages.of(d.title(), d.body());
                List<float[]> vectors = passages.isEmpty() ? List.of() : Models.embed(passages);
                writeTx.executeWithoutResult(tx -> {
                    if (store.storeVectors(d.rowId(), d.hash(), model, passages.size(), concat(vectors))) {
                        store.recordChange(d.workspaceId(), d.kind(), d.docId());
                        signals.changed(TOPIC, null);
                    }
                });
                done++;
            }
            if (progress != null) {
                progress.update(done, total);
            }
            catchUp();
        }
        return done;
    }

    // ------------------------------------------------------------------------------------------------
    // the node's background work

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        startedAt = System.nanoTime();
        worker = Thread.ofPlatform().daemon().name("truenorth-text-index").start(this::work);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            nudge.release();
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LuceneIndex index;
        synchronized (lock) {
            index = lucene;
            lucene = null;
            lock.notifyAll();
        }
        if (index != null) {
            try {
                if (persistent) {
                    index.commitAndClose(commitData(safeApplied(), Models.model().id));
                } else {
                    index.close();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not save the text index: {}", e.toString());
            }
        }
        if (!persistent && base != null) {
            deleteTree(base);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** What a restart may start from: before the oldest change number not seen yet. */
    private long safeApplied() {
        synchronized (lock) {
            return gaps.isEmpty() ? applied : Math.min(applied, gaps.firstKey() - 1);
        }
    }

    private void work() {
        try {
            open();
        } catch (RuntimeException e) {
            log.warn("Could not open the text index: {}", e.toString());
        }
        long lastGeneration = watch.generation();
        long lastPoll = System.nanoTime();
        long lastPrune = 0;
        while (running) {
            try {
                boolean nudged = nudge.tryAcquire(200, TimeUnit.MILLISECONDS);
                nudge.drainPermits();
                if (!running) {
                    break;
                }
                if (lucene == null || rebuildWanted) {
                    rebuildNow(null);
                }
                long generation = watch.generation();
                long now = System.nanoTime();
                if (nudged || generation != lastGeneration || now - lastPoll > POLL.toNanos()) {
                    lastGeneration = generation;
                    lastPoll = now;
                    catchUp();
                    if (background && now - startedAt > EMBED_DELAY_AFTER_START.toNanos()) {
                        embedWaiting(256, null);
                    }
                }
                commitIfDue(false);
                if (now - lastPrune > Duration.ofHours(1).toNanos()) {
                    lastPrune = now;
                    writeTx.executeWithoutResult(tx -> store.pruneChanges(KEEP_CHANGES));
                }
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.warn("Text index upkeep failed, trying again shortly: {}", e.toString());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    if (!running) {
                        break;
                    }
                }
            }
        }
    }

    private void commitIfDue(boolean now) {
        LuceneIndex index = lucene;
        if (index == null || !persistent) {
            return;
        }
        boolean due;
        synchronized (lock) {
            due = dirty && (now || System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos());
            if (due) {
                dirty = false;
                lastCommit = System.nanoTime();
            }
        }
        if (due) {
            try {
                index.commit(commitData(safeApplied(), Models.model().id));
            } catch (IOException | RuntimeException e) {
                broken(index, e);
            }
        }
    }

    /** At start: the index left in the data folder if it is sound and current, else a rebuild. */
    private void open() {
        try {
            base = persistent ? configuredDir : base != null ? base : Files.createTempDirectory("truenorth-text-index-");
            if (persistent) {
                Files.createDirectories(base);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (persistent) {
            Path current = latestGeneration();
            if (current != null) {
                try {
                    LuceneIndex index = LuceneIndex.open(current, false);
                    Map<String, String> data = index.commitData();
                    if (LuceneIndex.FORMAT.equals(data.get("format")) && Models.model().id.equals(data.get("model"))
                            && data.get("applied") != null) {
                        synchronized (lock) {
                            applied = Long.parseLong(data.get("applied"));
                            lucene = index;
                            lastCommit = System.nanoTime();
                        }
                        builtAt = null;
                        catchUp();
                        log.info("Opened the text index in {} (changes applied up to {})", current, applied);
                        return;
                    }
                    log.info("The text index in {} was built for another model or format; rebuilding it", current);
                    index.close();
                } catch (LockObtainFailedException e) {
                    // another node in this JVM uses the folder (tests): this one keeps its own, temporary
                    moveToTemporaryFolder();
                } catch (IOException | RuntimeException e) {
                    log.warn("The text index in {} cannot be read ({}); rebuilding it from the database", current, e.toString());
                }
            }
        }
        rebuildNow(null);
    }

    private void moveToTemporaryFolder() {
        try {
            base = Files.createTempDirectory("truenorth-text-index-");
            log.info("The text index folder is in use by another node of this process; using {}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path latestGeneration() {
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> children = Files.list(base)) {
            return children.filter(p -> generation(p) >= 0).max(Comparator.comparingLong(TextIndex::generation)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The folder of this node's index (tests, the status page). */
    Path folder() {
        LuceneIndex index = lucene;
        return index == null ? base : index.path();
    }

    /** Whether this node's search index is open and answering (else queries read the stored vectors). */
    boolean ready() {
        return lucene != null && !rebuilding;
    }

    /** Applies whatever is pending now, and (on the embedded database) saves the index (tests). */
    void flush() {
        catchUp();
        commitIfDue(true);
    }
}
