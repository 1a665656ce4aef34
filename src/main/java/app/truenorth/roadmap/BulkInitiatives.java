package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.key;
import static app.truenorth.roadmap.RoadmapChecks.text;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.BulkInitiative;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.Roadmaps.Target;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many initiatives at once (imports, {@code truenorth push}), checked by exactly the rules a single one
 * passes ({@link InitiativeChecks}), with their themes named rather than referenced and created when
 * missing.
 */
@Service
public class BulkInitiatives {

    /** Rows per batch statement: large enough to be fast, small enough to report progress often. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Roadmaps roadmaps;
    private final InitiativeChecks checks;
    private final AuditLog audit;
    private final Clock clock;

    BulkInitiatives(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Roadmaps roadmaps, InitiativeChecks checks, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.roadmaps = roadmaps;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a bulk write did or would do.
     *
     * @param newThemes theme names it creates (or would create), in first-use order
     * @param accepted  initiatives that pass every rule
     * @param written   true only when the rows were stored
     */
    public record BulkOutcome(List<String> newThemes, int accepted, List<BulkRejection> rejected, boolean written) {
    }

    /**
     * Adds many initiatives at once. All or nothing: with {@code write} false, or when any row is refused
     * and {@code skipRejected} is false, nothing is stored and the outcome says why; otherwise everything
     * accepted is stored in this one transaction, in batches, with one audit record for the whole write.
     *
     * @param themesToHave themes to have on the roadmap even if no row names them, with their descriptions; a theme
     *                     already on the roadmap keeps its own description
     * @param progress     told how many initiatives are stored so far (for a progress bar); may be null
     */
    @Transactional
    public BulkOutcome add(long productId, List<ThemeInput> themesToHave, List<BulkInitiative> rows, boolean write,
            boolean skipRejected, String source, IntConsumer progress) {
        Target target = roadmaps.editable(productId);
        long roadmapId = target.roadmapId();
        Map<String, Long> themes = new HashMap<>();
        jdbc.sql("select name_key, id from roadmap_theme where roadmap_id = :r").param("r", roadmapId)
                .query((rs, i) -> themes.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, String> newThemes = new LinkedHashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        List<BulkRejection> rejected = new ArrayList<>();
        for (ThemeInput theme : themesToHave) {
            try {
                Themes.check(theme);
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> rejected.add(new BulkRejection(0, "theme " + field, message)));
                continue;
            }
            if (!themes.containsKey(key(theme.name())) && !newThemes.containsKey(key(theme.name()))) {
                newThemes.put(key(theme.name()), theme.name().trim());
                descriptions.put(key(theme.name()), text(theme.description()));
            }
        }
        List<Map<String, Object>> accepted = new ArrayList<>(rows.size());
        List<String> acceptedThemes = new ArrayList<>(rows.size());
        for (BulkInitiative row : rows) {
            String theme = row.themeName() == null || row.themeName().isBlank() ? null : row.themeName().trim();
            try {
                if (theme != null && !themes.containsKey(key(theme)) && !newThemes.containsKey(key(theme))) {
                    try {
                        Themes.check(new ThemeInput(theme, ""));
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("theme", "theme name " + e.fieldErrors().get("name"));
                    }
                }
                InitiativeInput in = row.input();
                // the theme is resolved by name below, so the check must not look for an id that may not exist yet
                var values = InitiativeTable.values(checks.check(roadmapId, target.workspaceId(), productId,
                        new InitiativeInput(in.title(), in.description(), null, in.objectiveIds(), in.horizon(), in.stage(), in.team(),
                                in.effortLow(), in.effortHigh(), in.confidence(), in.quarter(), in.startDate(), in.endDate(),
                                in.visibility(), in.linkKind(), in.linkRef(), in.linkLabel(), in.scores())));
                if (theme != null && !themes.containsKey(key(theme))) {
                    newThemes.putIfAbsent(key(theme), theme);
                }
                accepted.add(values);
                acceptedThemes.add(theme == null ? null : key(theme));
            } catch (InvalidInputException e) {
                e.fieldErrors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(f -> rejected.add(new BulkRejection(row.line(), f.getKey(), f.getValue())));
            }
        }
        List<String> themeNames = List.copyOf(newThemes.values());
        if (!write || (!rejected.isEmpty() && !skipRejected)) {
            return new BulkOutcome(themeNames, accepted.size(), rejected, false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String name : themeNames) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql(ThemeTable.INSERT).param("roadmap_id", roadmapId)
                    .params(ThemeTable.values(name, descriptions.getOrDefault(key(name), ""))).param("now", now).update(keys, "id");
            themes.put(key(name), keys.getKey().longValue());
        }
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            int to = Math.min(accepted.size(), from + CHUNK);
            SqlParameterSource[] params = new SqlParameterSource[to - from];
            for (int i = from; i < to; i++) {
                Map<String, Object> p = accepted.get(i);
                p.put("theme_id", acceptedThemes.get(i) == null ? null : themes.get(acceptedThemes.get(i)));
                p.put("roadmap_id", roadmapId);
                p.put("now", now);
                p.put("position", i);
                params[i - from] = new MapSqlParameterSource(p);
            }
            batch.batchUpdate(InitiativeTable.INSERT, params);
            if (progress != null) {
                progress.accept(to);
            }
        }
        BulkOutcome outcome = new BulkOutcome(themeNames, accepted.size(), rejected, true);
        audit.record(target.workspaceId(), "roadmap", roadmapId, "imported",
                "Imported " + accepted.size() + " initiatives and " + themeNames.size() + " new themes from " + source
                        + (rejected.isEmpty() ? "" : ", skipping " + rejected.stream().map(BulkRejection::line).distinct().count()
                                + " rejected rows"),
                null, Map.of("source", source, "initiatives", accepted.size(), "newThemes", themeNames,
                        "skippedLines", rejected.stream().map(BulkRejection::line).distinct().toList()));
        return outcome;
    }
}
