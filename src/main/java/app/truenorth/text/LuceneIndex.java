package app.truenorth.text;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One node's search index: a Lucene document per passage, holding the passage's text for BM25 (English
 * analysis, see {@link Terms}) and its sentence vector in an HNSW graph, so one index answers both
 * kinds of query. Every query is confined to one workspace and kind by a filter inside the query
 * itself, for BM25 and for the vector search alike.
 */
final class LuceneIndex implements Closeable {

    static final String FORMAT = "1";
    private static final int HNSW_CONNECTIONS = 16;
    private static final int HNSW_BEAM = 100;

    /** A passage found by a query. {@code vector} is null when the passage has none yet. */
    record Hit(String docId, int passage, int passages, String text, float[] vector) {
    }

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneIndex(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code path}; fails on a corrupt or foreign index. */
    static LuceneIndex open(Path path, boolean create) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(Terms.ANALYZER)
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setCodec(codec())
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            return new LuceneIndex(path, directory, writer);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Whether {@code path} holds an index at all. */
    static boolean exists(Path path) {
        try (Directory d = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    /** The default codec with the graph's size set here; it keeps the default's name, so any Lucene reads it. */
    private static Codec codec() {
        KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(HNSW_CONNECTIONS, HNSW_BEAM);
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return hnsw;
            }
        };
    }

    Path path() {
        return path;
    }

    /** What the last commit recorded (the change applied, the model), empty for a new index. */
    Map<String, String> commitData() {
        Map<String, String> out = new HashMap<>();
        for (var e : writer.getLiveCommitData()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    static String scope(long workspaceId, String kind) {
        return workspaceId + "\u0000" + kind;
    }

    static String key(long workspaceId, String kind, String docId) {
        return workspaceId + "\u0000" + kind + "\u0000" + docId;
    }

    /** Replaces a document's passages; {@code vectors} null (or shorter) leaves passages without a vector. */
    void replace(long workspaceId, String kind, String docId, List<String> passages, List<float[]> vectors) throws IOException {
        String key = key(workspaceId, kind, docId);
        List<Document> docs = passages(key, workspaceId, kind, docId, passages, vectors);
        if (docs.isEmpty()) {
            writer.deleteDocuments(new Term("key", key));
        } else {
            writer.updateDocuments(new Term("key", key), docs);
        }
    }

    /** Adds a document known to be new (a rebuild): no delete to look up. */
    void add(long workspaceId, String kind, String docId, List<String> passages, List<float[]> vectors) throws IOException {
        if (!passages.isEmpty()) {
            writer.addDocuments(passages(key(workspaceId, kind, docId), workspaceId, kind, docId, passages, vectors));
        }
    }

    /** One Lucene document per passage: its text for BM25, its vector for the graph, and whose it is. */
    private static List<Document> passages(String key, long workspaceId, String kind, String docId, List<String> passages,
            List<float[]> vectors) {
        List<Document> docs = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Document d = new Document();
            d.add(new StringField("key", key, Field.Store.NO));
            d.add(new StringField("scope", scope(workspaceId, kind), Field.Store.NO));
            d.add(new StringField("ws", Long.toString(workspaceId), Field.Store.NO));
            d.add(new StoredField("id", docId));
            d.add(new StoredField("p", i));
            d.add(new StoredField("n", passages.size()));
            d.add(new TextField("text", passages.get(i), Field.Store.YES));
            float[] v = vectors == null || i >= vectors.size() ? null : vectors.get(i);
            if (v != null) {
                d.add(new KnnFloatVectorField("vec", v, VectorSimilarityFunction.DOT_PRODUCT));
                d.add(new StoredField("vecb", new BytesRef(Vectors.toBytes(v))));
            }
            docs.add(d);
        }
        return docs;
    }

    void delete(long workspaceId, String kind, String docId) throws IOException {
        writer.deleteDocuments(new Term("key", key(workspaceId, kind, docId)));
    }

    void deleteWorkspace(long workspaceId) throws IOException {
        writer.deleteDocuments(new Term("ws", Long.toString(workspaceId)));
    }

    /** Makes changes visible to queries (not yet durable). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes changes durable, recording {@code data} with them. */
    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(new LinkedHashMap<>(data).entrySet());
        writer.commit();
    }

    /**
     * The candidates for a query: the BM25 top {@code n} on {@code terms} and the vector top {@code n}
     * for {@code vector}, both within {@code scope}; every passage found once.
     */
    List<Hit> candidates(String scope, List<String> terms, float[] vector, int n) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query filter = new TermQuery(new Term("scope", scope));
            Map<Integer, Boolean> found = new LinkedHashMap<>();
            if (!terms.isEmpty()) {
                BooleanQuery.Builder text = new BooleanQuery.Builder();
                for (String t : terms) {
                    text.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
                }
                Query bm25 = new BooleanQuery.Builder().add(filter, BooleanClause.Occur.FILTER)
                        .add(text.build(), BooleanClause.Occur.MUST).build();
                for (ScoreDoc sd : searcher.search(bm25, n).scoreDocs) {
                    found.put(sd.doc, Boolean.TRUE);
                }
            }
            if (vector != null) {
                TopDocs knn = searcher.search(new KnnFloatVectorQuery("vec", vector, n, filter), n);
                for (ScoreDoc sd : knn.scoreDocs) {
                    found.put(sd.doc, Boolean.TRUE);
                }
            }
            List<Hit> out = new ArrayList<>(found.size());
            StoredFields stored = searcher.storedFields();
            for (int doc : found.keySet()) {
                out.add(hit(stored.document(doc)));
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Bare BM25: the ids of the {@code k} best passages for {@code terms} within {@code scope} (benchmarks). */
    List<String> bm25(String scope, List<String> terms, int k) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            BooleanQuery.Builder text = new BooleanQuery.Builder();
            for (String t : terms) {
                text.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            }
            Query q = new BooleanQuery.Builder().add(new TermQuery(new Term("scope", scope)), BooleanClause.Occur.FILTER)
                    .add(text.build(), BooleanClause.Occur.MUST).build();
            StoredFields stored = searcher.storedFields();
            List<String> out = new ArrayList<>(k);
            for (ScoreDoc sd : searcher.search(q, k).scoreDocs) {
                out.add(stored.document(sd.doc).get("id"));
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Every passage of one document. */
    List<Hit> passages(long workspaceId, String kind, String docId) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term("key", key(workspaceId, kind, docId))), Passages.MAX_PASSAGES + 1);
            StoredFields stored = searcher.storedFields();
            List<Hit> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(hit(stored.document(sd.doc)));
            }
            return out;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Documents (not passages) in the index. */
    long passageCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    private static Hit hit(Document d) {
        BytesRef vb = d.getBinaryValue("vecb");
        float[] vector = null;
        if (vb != null) {
            byte[] bytes = new byte[vb.length];
            System.arraycopy(vb.bytes, vb.offset, bytes, 0, vb.length);
            vector = Vectors.fromBytes(bytes);
        }
        return new Hit(d.get("id"), d.getField("p").numericValue().intValue(), d.getField("n").numericValue().intValue(), d.get("text"),
                vector);
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.rollback(); // uncommitted changes are re-applied from the database at the next start
            } finally {
                directory.close();
            }
        }
    }

    /** Commits {@code data}, then closes. */
    void commitAndClose(Map<String, String> data) throws IOException {
        commit(data);
        close();
    }
}
