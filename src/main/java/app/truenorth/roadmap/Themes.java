package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.max;
import static app.truenorth.roadmap.RoadmapChecks.required;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.Theme;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A roadmap's themes: added, renamed and deleted by editors, one checked, audited, versioned step at a time. */
@Service
public class Themes {

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final RoadmapReader reader;
    private final AuditLog audit;
    private final Clock clock;

    Themes(JdbcClient jdbc, Roadmaps roadmaps, RoadmapReader reader, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stored<Theme> create(long productId, ThemeInput input) {
        Target target = roadmaps.editable(productId);
        check(input);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql(ThemeTable.INSERT).param("roadmap_id", target.roadmapId()).params(ThemeTable.values(input.name(), input.description()))
                    .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw duplicate(input.name());
        }
        Stored<Theme> theme = reader.theme(target.roadmapId(), keys.getKey().longValue()).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_theme", theme.value().id(), "created", "Added theme " + theme.value().name(),
                null, theme);
        return theme;
    }

    @Transactional
    public Stored<Theme> update(long productId, long themeId, ThemeInput input, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Theme> before = reader.theme(target.roadmapId(), themeId).orElseThrow(() -> new NotFoundException("Theme"));
        check(input);
        int rows;
        try {
            rows = jdbc.sql(ThemeTable.UPDATE).params(ThemeTable.values(input.name(), input.description()))
                    .param("now", OffsetDateTime.now(clock)).param("id", themeId).param("roadmap_id", target.roadmapId())
                    .param("version", expectedVersion).update();
        } catch (DuplicateKeyException e) {
            throw duplicate(input.name());
        }
        Versioned.requireUpdated(rows, "The theme");
        Stored<Theme> after = reader.theme(target.roadmapId(), themeId).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_theme", themeId, "updated", "Updated theme " + after.value().name(), before, after);
        return after;
    }

    /** Deletes a theme; its initiatives stay on the roadmap without a theme (and show up as orphans). */
    @Transactional
    public void delete(long productId, long themeId, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Theme> before = reader.theme(target.roadmapId(), themeId).orElseThrow(() -> new NotFoundException("Theme"));
        int rows = jdbc.sql(ThemeTable.DELETE).param("id", themeId).param("roadmap_id", target.roadmapId())
                .param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The theme");
        audit.record(target.workspaceId(), "roadmap_theme", themeId, "deleted", "Deleted theme " + before.value().name(), before, null);
    }

    /** The rules of a theme's own fields; an import checks the themes it brings by them too. */
    static void check(ThemeInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "name", input.name(), 120);
        max(problems, "description", input.description(), 2000);
        RoadmapChecks.check(problems);
    }

    private static InvalidInputException duplicate(String name) {
        return new InvalidInputException("name", "This roadmap already has a theme named \"" + name.trim() + "\".");
    }
}
