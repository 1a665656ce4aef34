package app.truenorth.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The stored half of the text index: documents with their vectors, and the log of changes. */
@Component
class TextStore {

    /** A stored document; {@code vectors} null while it waits to be embedded (or was embedded by another model). */
    record StoredDoc(long rowId, long workspaceId, String kind, String docId, String title, String body, String hash, String model,
            int passages, byte[] vectors) {

        /** The passage vectors, if they were made by {@code model} for exactly these passages; else null. */
        List<float[]> vectorsFor(String currentModel, int passageCount) {
            if (vectors == null || !currentModel.equals(model) || passages != passageCount
                    || vectors.length != passageCount * Encoder.DIMENSIONS * 4) {
                return null;
            }
            float[] all = Vectors.fromBytes(vectors);
            List<float[]> out = new ArrayList<>(passageCount);
            for (int i = 0; i < passageCount; i++) {
                float[] v = new float[Encoder.DIMENSIONS];
                System.arraycopy(all, i * Encoder.DIMENSIONS, v, 0, Encoder.DIMENSIONS);
                out.add(v);
            }
            return out;
        }
    }

    /** One entry of the change log. */
    record Change(long seq, long workspaceId, String kind, String docId) {
    }

    private static final String COLUMNS = "id, workspace_id, kind, doc_id, title, body, content_hash, model, passages, vectors";

    private final JdbcClient jdbc;
    private final Clock clock;

    TextStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String hash(String title, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    Optional<StoredDoc> find(long workspaceId, String kind, String docId) {
        return jdbc.sql("select " + COLUMNS + " from text_document where workspace_id = :ws and kind = :kind and doc_id = :id")
                .param("ws", workspaceId).param("kind", kind).param("id", docId).query((rs, i) -> map(rs)).optional();
    }

    List<StoredDoc> find(long workspaceId, String kind, Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return List.of();
        }
        List<StoredDoc> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(docIds);
        for (int i = 0; i < ids.size(); i += 500) {
            out.addAll(jdbc.sql("select " + COLUMNS + " from text_document where workspace_id = :ws and kind = :kind and doc_id in (:ids)")
                    .param("ws", workspaceId).param("kind", kind).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> map(rs)).list());
        }
        return out;
    }

    /** Every document of one workspace and kind (the search index is being rebuilt: queries read them all). */
    List<StoredDoc> scope(long workspaceId, String kind) {
        return jdbc.sql("select " + COLUMNS + " from text_document where workspace_id = :ws and kind = :kind")
                .param("ws", workspaceId).param("kind", kind).query((rs, i) -> map(rs)).list();
    }

    /** Adds or replaces a document; inserts or updates in one statement pair, in the caller's transaction. */
    void upsert(long workspaceId, String kind, String docId, String title, String body, String hash, String model, int passages,
            byte[] vectors) {
        int updated = jdbc.sql("""
                update text_document set title = :title, body = :body, content_hash = :hash, model = :model, passages = :passages,
                       vectors = :vectors, updated_at = :now
                 where workspace_id = :ws and kind = :kind and doc_id = :id""")
                .param("title", title).param("body", body).param("hash", hash).param("model", model).param("passages", passages)
                .param("vectors", vectors).param("now", now()).param("ws", workspaceId).param("kind", kind).param("id", docId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into text_document (workspace_id, kind, doc_id, title, body, content_hash, model, passages, vectors, updated_at)
                    values (:ws, :kind, :id, :title, :body, :hash, :model, :passages, :vectors, :now)""")
                    .param("title", title).param("body", body).param("hash", hash).param("model", model).param("passages", passages)
                    .param("vectors", vectors).param("now", now()).param("ws", workspaceId).param("kind", kind).param("id", docId).update();
        }
    }

    /** Stores vectors made in the background, unless the text changed meanwhile. */
    boolean storeVectors(long rowId, String hash, String model, int passages, byte[] vectors) {
        return jdbc.sql("""
                update text_document set model = :model, passages = :passages, vectors = :vectors
                 where id = :row and content_hash = :hash""")
                .param("model", model).param("passages", passages).param("vectors", vectors).param("row", rowId).param("hash", hash)
                .update() == 1;
    }

    boolean delete(long workspaceId, String kind, String docId) {
        return jdbc.sql("delete from text_document where workspace_id = :ws and kind = :kind and doc_id = :id")
                .param("ws", workspaceId).param("kind", kind).param("id", docId).update() > 0;
    }

    int deleteWorkspace(long workspaceId) {
        return jdbc.sql("delete from text_document where workspace_id = :ws").param("ws", workspaceId).update();
    }

    /** Records a change (docId null: the whole workspace) and returns its sequence number. */
    long recordChange(long workspaceId, String kind, String docId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into text_change (workspace_id, kind, doc_id, changed_at) values (:ws, :kind, :id, :now)")
                .param("ws", workspaceId).param("kind", kind).param("id", docId).param("now", now()).update(keys, "seq");
        return keys.getKey().longValue();
    }

    long latestChange() {
        return jdbc.sql("select coalesce(max(seq), 0) from text_change").query(Long.class).single();
    }

    long oldestChange() {
        return jdbc.sql("select coalesce(min(seq), 0) from text_change").query(Long.class).single();
    }

    List<Change> changesAfter(long seq, int limit) {
        return jdbc.sql("select seq, workspace_id, kind, doc_id from text_change where seq > :seq order by seq limit :limit")
                .param("seq", seq).param("limit", limit)
                .query((rs, i) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    List<Change> changesBetween(long from, long to) {
        return jdbc.sql("select seq, workspace_id, kind, doc_id from text_change where seq between :from and :to order by seq")
                .param("from", from).param("to", to)
                .query((rs, i) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Changes recorded since {@code since}, whatever their number (after a rebuild, for late commits). */
    List<Change> changesSince(OffsetDateTime since) {
        return jdbc.sql("select seq, workspace_id, kind, doc_id from text_change where changed_at >= :since order by seq")
                .param("since", since).query((rs, i) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    int pruneChanges(Duration olderThan) {
        return jdbc.sql("delete from text_change where changed_at < :before").param("before", now().minus(olderThan)).update();
    }

    /** Documents without vectors of {@code model}, a batch at a time. */
    List<StoredDoc> waiting(String model, int limit) {
        return jdbc.sql("select " + COLUMNS + " from text_document where model is null or model <> :model order by id limit :limit")
                .param("model", model).param("limit", limit).query((rs, i) -> map(rs)).list();
    }

    long countWaiting(String model) {
        return jdbc.sql("select count(*) from text_document where model is null or model <> :model").param("model", model)
                .query(Long.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from text_document").query(Long.class).single();
    }

    /** Every document, in pages by row id, without holding a cursor open for the whole rebuild. */
    void forEach(int page, Consumer<StoredDoc> each) {
        long after = 0;
        while (true) {
            List<StoredDoc> batch = jdbc.sql("select " + COLUMNS + " from text_document where id > :after order by id limit :limit")
                    .param("after", after).param("limit", page).query((rs, i) -> map(rs)).list();
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(each);
            after = batch.get(batch.size() - 1).rowId();
        }
    }

    private static StoredDoc map(ResultSet rs) throws SQLException {
        return new StoredDoc(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getInt(9), rs.getBytes(10));
    }
}
