package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.required;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.RoadmapDiff;
import app.truenorth.roadmap.domain.SnapshotItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named snapshots of a roadmap ("Board, March"), kept as they were, and what changed between two of
 * them or since one. A snapshot is taken and read, never changed.
 */
@Service
public class Snapshots {

    /** The columns of {@link SnapshotInfo}; the items themselves are read only for one snapshot at a time. */
    private static final String SELECT_INFO = "select id, name, item_count, taken_by, taken_at from roadmap_snapshot";

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    Snapshots(JdbcClient jdbc, Roadmaps roadmaps, AuditLog audit, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** A saved snapshot without its items. */
    public record SnapshotInfo(long id, String name, int itemCount, String takenBy, OffsetDateTime takenAt) {
    }

    public record Snapshot(SnapshotInfo info, List<SnapshotItem> items) {
    }

    /** Saves the roadmap as it stands now under a name ("Board, March"). */
    @Transactional
    public SnapshotInfo take(long productId, String name) {
        Target target = roadmaps.editable(productId);
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "name", name, 120);
        RoadmapChecks.check(problems);
        List<SnapshotItem> items = roadmaps.read(target.product()).snapshotItems();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roadmap_snapshot (roadmap_id, name, items_json, item_count, taken_by, taken_at)
                values (:r, :name, :items, :count, :by, :now)""")
                .param("r", target.roadmapId()).param("name", name.trim()).param("items", json.writeValueAsString(items))
                .param("count", items.size()).param("by", Callers.current().displayName()).param("now", OffsetDateTime.now(clock))
                .update(keys, "id");
        SnapshotInfo info = info(target.roadmapId(), keys.getKey().longValue());
        audit.record(target.workspaceId(), "roadmap_snapshot", info.id(), "created",
                "Saved roadmap snapshot " + info.name() + " (" + info.itemCount() + " initiatives)", null, info);
        return info;
    }

    /** The roadmap's snapshots, newest first. */
    public List<SnapshotInfo> list(long productId) {
        return jdbc.sql(SELECT_INFO + " where roadmap_id = :r order by taken_at desc, id desc")
                .param("r", roadmaps.readable(productId).roadmapId()).query((rs, i) -> info(rs)).list();
    }

    public Snapshot get(long productId, long snapshotId) {
        long roadmapId = roadmaps.readable(productId).roadmapId();
        SnapshotInfo info = info(roadmapId, snapshotId);
        String items = jdbc.sql("select items_json from roadmap_snapshot where id = :id and roadmap_id = :r")
                .param("id", snapshotId).param("r", roadmapId).query(String.class).single();
        return new Snapshot(info, json.readValue(items, new TypeReference<List<SnapshotItem>>() {
        }));
    }

    /**
     * What changed from one snapshot to another, or to the roadmap as it is now when {@code toSnapshotId}
     * is null.
     */
    public RoadmapDiff diff(long productId, long fromSnapshotId, Long toSnapshotId) {
        Snapshot from = get(productId, fromSnapshotId);
        List<SnapshotItem> to = toSnapshotId == null ? roadmaps.load(productId).snapshotItems() : get(productId, toSnapshotId).items();
        return RoadmapDiff.between(from.items(), to);
    }

    private SnapshotInfo info(long roadmapId, long snapshotId) {
        return jdbc.sql(SELECT_INFO + " where id = :id and roadmap_id = :r").param("id", snapshotId).param("r", roadmapId)
                .query((rs, i) -> info(rs)).optional().orElseThrow(() -> new NotFoundException("Snapshot"));
    }

    private static SnapshotInfo info(ResultSet rs) throws SQLException {
        return new SnapshotInfo(rs.getLong("id"), rs.getString("name"), rs.getInt("item_count"), rs.getString("taken_by"),
                rs.getObject("taken_at", OffsetDateTime.class));
    }
}
