package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.Theme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a roadmap whole or one of its rows. Every query is scoped by roadmap id, which the caller has
 * taken from a product it was allowed to reach ({@link Roadmaps#editable}, {@link Roadmaps#readable}).
 * The columns and row mappings are the tables' own ({@link InitiativeTable} and its siblings).
 */
@Component
class RoadmapReader {

    private final JdbcClient jdbc;

    RoadmapReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RoadmapData read(String productName, RoadmapSettings settings) {
        long r = settings.id();
        List<Stored<Theme>> themes = jdbc.sql(ThemeTable.SELECT + " where roadmap_id = :r order by name_key")
                .param("r", r).query((rs, i) -> ThemeTable.row(rs)).list();
        List<Stored<Objective>> objectives = jdbc.sql(ObjectiveTable.SELECT + " where roadmap_id = :r order by due_on, title, id")
                .param("r", r).query((rs, i) -> ObjectiveTable.row(rs)).list();
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql("""
                select l.initiative_id, l.objective_id from roadmap_initiative_objective l
                join roadmap_initiative i on i.id = l.initiative_id where i.roadmap_id = :r order by l.objective_id""")
                .param("r", r)
                .query(rs -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        List<Stored<Initiative>> initiatives = jdbc.sql(InitiativeTable.SELECT + " where roadmap_id = :r order by position, title, id")
                .param("r", r).query((rs, i) -> InitiativeTable.row(rs, links.getOrDefault(rs.getLong("id"), List.of()))).list();
        List<Stored<Dependency>> dependencies = jdbc.sql(DependencyTable.SELECT + " where roadmap_id = :r order by id")
                .param("r", r).query((rs, i) -> DependencyTable.row(rs)).list();
        List<Stored<Risk>> risks = jdbc.sql(RiskTable.SELECT + " where roadmap_id = :r order by likelihood * impact desc, title, id")
                .param("r", r).query((rs, i) -> RiskTable.row(rs)).list();
        return new RoadmapData(productName, settings, themes, objectives, initiatives, dependencies, risks, decisions(r, null));
    }

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
        return jdbc.sql(DecisionTable.SELECT + " where roadmap_id = :r and (:id = -1 or id = :id) order by decided_on desc, id desc")
                .param("r", roadmapId).param("id", id == null ? -1L : id)
                .query((rs, i) -> {
                    long decisionId = rs.getLong("id");
                    return DecisionTable.row(rs, initiatives.getOrDefault(decisionId, List.of()),
                            themes.getOrDefault(decisionId, List.of()), objectives.getOrDefault(decisionId, List.of()));
                }).list();
    }

    Optional<Stored<Decision>> decision(long roadmapId, long id) {
        return decisions(roadmapId, id).stream().findFirst();
    }

    Optional<Stored<Theme>> theme(long roadmapId, long id) {
        return jdbc.sql(ThemeTable.SELECT + " where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> ThemeTable.row(rs)).optional();
    }

    Optional<Stored<Objective>> objective(long roadmapId, long id) {
        return jdbc.sql(ObjectiveTable.SELECT + " where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> ObjectiveTable.row(rs)).optional();
    }

    Optional<Stored<Initiative>> initiative(long roadmapId, long id) {
        List<Long> objectives = jdbc.sql("select objective_id from roadmap_initiative_objective where initiative_id = :id order by objective_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql(InitiativeTable.SELECT + " where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> InitiativeTable.row(rs, objectives)).optional();
    }

    Optional<Stored<Dependency>> dependency(long roadmapId, long id) {
        return jdbc.sql(DependencyTable.SELECT + " where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> DependencyTable.row(rs)).optional();
    }

    Optional<Stored<Risk>> risk(long roadmapId, long id) {
        return jdbc.sql(RiskTable.SELECT + " where id = :id and roadmap_id = :r")
                .param("id", id).param("r", roadmapId).query((rs, i) -> RiskTable.row(rs)).optional();
    }
}
