package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The roadmap's SELECTs. Every one is scoped by roadmap id, which {@link Roadmaps} has taken from a
 * product the caller was allowed to reach.
 */
final class RoadmapReader {

    private static final String INITIATIVE_COLUMNS = """
            id, title, description, theme_id, horizon, stage, team, effort_low, effort_high, confidence, target_quarter,
            start_on, end_on, visibility, link_kind, link_ref, link_label, reach, impact, ice_impact, ice_confidence, ice_ease,
            business_value, time_criticality, risk_reduction, job_size, value_score, version""";

    private final JdbcClient jdbc;

    RoadmapReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RoadmapSettings> settings(long productId) {
        return jdbc.sql("""
                select id, product_id, workspace_id, scoring_method, review_cadence_days, last_reviewed_on, version
                from roadmap where product_id = :product""")
                .param("product", productId)
                .query((rs, i) -> new RoadmapSettings(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        ScoringMethod.valueOf(rs.getString(4)), rs.getInt(5), date(rs, 6), rs.getInt(7)))
                .optional();
    }

    RoadmapData read(String productName, RoadmapSettings settings) {
        long r = settings.id();
        List<Stored<Theme>> themes = jdbc.sql("select id, name, description, version from roadmap_theme where roadmap_id = :r order by name_key")
                .param("r", r).query((rs, i) -> theme(rs)).list();
        List<Stored<Objective>> objectives = jdbc.sql("""
                select id, title, metric, unit, direction, baseline, target, current_value, due_on, version
                from roadmap_objective where roadmap_id = :r order by due_on, title, id""")
                .param("r", r).query((rs, i) -> objective(rs)).list();
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql("""
                select l.initiative_id, l.objective_id from roadmap_initiative_objective l
                join roadmap_initiative i on i.id = l.initiative_id where i.roadmap_id = :r order by l.objective_id""")
                .param("r", r)
                .query(rs -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        List<Stored<Initiative>> initiatives = jdbc.sql("select " + INITIATIVE_COLUMNS
                        + " from roadmap_initiative where roadmap_id = :r order by position, title, id")
                .param("r", r).query((rs, i) -> initiative(rs, links.getOrDefault(rs.getLong("id"), List.of()))).list();
        List<Stored<Dependency>> dependencies = jdbc.sql("""
                select id, dependent_id, required_id, external_kind, external_name, note, version
                from roadmap_dependency where roadmap_id = :r order by id""")
                .param("r", r).query((rs, i) -> dependency(rs)).list();
        List<Stored<Risk>> risks = jdbc.sql("""
                select id, initiative_id, title, likelihood, impact, mitigation, owner, version
                from roadmap_risk where roadmap_id = :r order by likelihood * impact desc, title, id""")
                .param("r", r).query((rs, i) -> risk(rs)).list();
        return new RoadmapData(productName, settings, themes, objectives, initiatives, dependencies, risks, decisions(r, null));
    }

    private static final String DECISION_COLUMNS = """
            id, title, rationale, decided_on, decided_by, decided_by_user_id, key_decision, visibility, version""";

    /** The roadmap's decisions, latest first, with what each concerns; only the one with {@code id} when it is given. */
    List<Stored<Decision>> decisions(long roadmapId, Long id) {
        record Link(char kind, long decision, long target) {
        }
        List<Link> links = jdbc.sql("""
                select 'I', l.decision_id, l.initiative_id from roadmap_decision_initiative l
                join roadmap_decision d on d.id = l.decision_id where d.roadmap_id = :r and (:id = -1 or d.id = :id)
                union all
                select 'T', l.decision_id, l.theme_id from roadmap_decision_theme l
                join roadmap_decision d on d.id = l.decision_id where d.roadmap_id = :r and (:id = -1 or d.id = :id)
                union all
                select 'O', l.decision_id, l.objective_id from roadmap_decision_objective l
                join roadmap_decision d on d.id = l.decision_id where d.roadmap_id = :r and (:id = -1 or d.id = :id)
                order by 1, 2, 3""")
                .param("r", roadmapId).param("id", id == null ? -1L : id)
                .query((rs, i) -> new Link(rs.getString(1).charAt(0), rs.getLong(2), rs.getLong(3))).list();
        Map<Long, List<Long>> initiatives = new HashMap<>();
        Map<Long, List<Long>> themes = new HashMap<>();
        Map<Long, List<Long>> objectives = new HashMap<>();
        for (Link l : links) {
            (l.kind() == 'I' ? initiatives : l.kind() == 'T' ? themes : objectives)
                    .computeIfAbsent(l.decision(), k -> new ArrayList<>()).add(l.target());
        }
        return jdbc.sql("select " + DECISION_COLUMNS + " from roadmap_decision where roadmap_id = :r and (:id = -1 or id = :id) "
                        + "order by decided_on desc, id desc")
                .param("r", roadmapId).param("id", id == null ? -1L : id)
                .query((rs, i) -> {
                    long decisionId = rs.getLong("id");
                    long userId = rs.getLong("decided_by_user_id");
                    Long decidedByUser = rs.wasNull() ? null : userId;
                    return new Stored<>(new Decision(decisionId, rs.getString("title"), rs.getString("rationale"),
                            date(rs, "decided_on"), rs.getString("decided_by"), decidedByUser, rs.getBoolean("key_decision"),
                            Visibility.valueOf(rs.getString("visibility")), initiatives.getOrDefault(decisionId, List.of()),
                            themes.getOrDefault(decisionId, List.of()), objectives.getOrDefault(decisionId, List.of())),
                            rs.getInt("version"));
                }).list();
    }

    Optional<Stored<Decision>> decision(long roadmapId, long id) {
        return decisions(roadmapId, id).stream().findFirst();
    }

    Optional<Stored<Theme>> theme(long roadmapId, long id) {
        return jdbc.sql("select id, name, description, version from roadmap_theme where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> theme(rs)).optional();
    }

    Optional<Stored<Objective>> objective(long roadmapId, long id) {
        return jdbc.sql("""
                select id, title, metric, unit, direction, baseline, target, current_value, due_on, version
                from roadmap_objective where id = :id and roadmap_id = :r""")
                .param("id", id).param("r", roadmapId).query((rs, i) -> objective(rs)).optional();
    }

    Optional<Stored<Initiative>> initiative(long roadmapId, long id) {
        List<Long> objectives = jdbc.sql("select objective_id from roadmap_initiative_objective where initiative_id = :id order by objective_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("select " + INITIATIVE_COLUMNS + " from roadmap_initiative where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> initiative(rs, objectives)).optional();
    }

    Optional<Stored<Dependency>> dependency(long roadmapId, long id) {
        return jdbc.sql("""
                select id, dependent_id, required_id, external_kind, external_name, note, version
                from roadmap_dependency where id = :id and roadmap_id = :r""")
                .param("id", id).param("r", roadmapId).query((rs, i) -> dependency(rs)).optional();
    }

    Optional<Stored<Risk>> risk(long roadmapId, long id) {
        return jdbc.sql("""
                select id, initiative_id, title, likelihood, impact, mitigation, owner, version
                from roadmap_risk where id = :id and roadmap_id = :r""")
                .param("id", id).param("r", roadmapId).query((rs, i) -> risk(rs)).optional();
    }

    private static Stored<Theme> theme(ResultSet rs) throws SQLException {
        return new Stored<>(new Theme(rs.getLong("id"), rs.getString("name"), rs.getString("description")), rs.getInt("version"));
    }

    private static Stored<Objective> objective(ResultSet rs) throws SQLException {
        return new Stored<>(new Objective(rs.getLong("id"), rs.getString("title"), rs.getString("metric"), rs.getString("unit"),
                Direction.valueOf(rs.getString("direction")), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
                rs.getBigDecimal("current_value"), date(rs, "due_on")), rs.getInt("version"));
    }

    private static Stored<Initiative> initiative(ResultSet rs, List<Long> objectives) throws SQLException {
        String linkKind = rs.getString("link_kind");
        StrategicLink link = linkKind == null ? null
                : new StrategicLink(LinkKind.valueOf(linkKind), rs.getLong("link_ref"), rs.getString("link_label"));
        String quarter = rs.getString("target_quarter");
        ScoreInputs scores = new ScoreInputs(rs.getBigDecimal("reach"), rs.getBigDecimal("impact"), integer(rs, "ice_impact"),
                integer(rs, "ice_confidence"), integer(rs, "ice_ease"), integer(rs, "business_value"),
                integer(rs, "time_criticality"), integer(rs, "risk_reduction"), integer(rs, "job_size"), integer(rs, "value_score"));
        long themeId = rs.getLong("theme_id");
        Long theme = rs.wasNull() ? null : themeId;
        Initiative initiative = new Initiative(rs.getLong("id"), rs.getString("title"), rs.getString("description"), theme,
                objectives, Horizon.valueOf(rs.getString("horizon")), Stage.valueOf(rs.getString("stage")), rs.getString("team"),
                new EffortRange(rs.getBigDecimal("effort_low"), rs.getBigDecimal("effort_high")), rs.getInt("confidence"),
                quarter == null ? null : Quarter.parse(quarter).orElse(null), date(rs, "start_on"), date(rs, "end_on"),
                Visibility.valueOf(rs.getString("visibility")), link, scores);
        return new Stored<>(initiative, rs.getInt("version"));
    }

    private static Stored<Dependency> dependency(ResultSet rs) throws SQLException {
        long required = rs.getLong("required_id");
        Long requiredId = rs.wasNull() ? null : required;
        String kind = rs.getString("external_kind");
        return new Stored<>(new Dependency(rs.getLong("id"), rs.getLong("dependent_id"), requiredId,
                kind == null ? null : ExternalKind.valueOf(kind), rs.getString("external_name"), rs.getString("note")),
                rs.getInt("version"));
    }

    private static Stored<Risk> risk(ResultSet rs) throws SQLException {
        long initiative = rs.getLong("initiative_id");
        Long initiativeId = rs.wasNull() ? null : initiative;
        return new Stored<>(new Risk(rs.getLong("id"), initiativeId, rs.getString("title"), rs.getInt("likelihood"),
                rs.getInt("impact"), rs.getString("mitigation"), rs.getString("owner")), rs.getInt("version"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
