package app.truenorth.session;

import app.truenorth.market.GateDecision;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.session.SessionRecords.ChangeRequest;
import app.truenorth.session.SessionRecords.Decision;
import app.truenorth.session.SessionRecords.DecisionKind;
import app.truenorth.session.SessionRecords.Gate;
import app.truenorth.session.SessionRecords.SignOff;
import app.truenorth.session.SessionRecords.Vote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores the session aggregate. The root row carries the version; an update rewrites the children
 * inside the same transaction. Differentiators, problem statements and initiatives keep their ids
 * when rewritten (they were issued by the identity column, so re-inserting them never collides).
 */
@Repository
class StrategySessionRepository {

    private final JdbcClient jdbc;

    StrategySessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Summary of a product's sessions, newest first. */
    record Summary(long id, String title, SessionState state, LocalDate startDate, String outcome, OffsetDateTime createdAt) {
    }

    List<Summary> list(long workspaceId, long productId) {
        return jdbc.sql("""
                select id, title, state, start_date, outcome, created_at from strategy_session
                where workspace_id = :ws and product_id = :product order by created_at desc, id desc""")
                .param("ws", workspaceId).param("product", productId)
                .query((rs, i) -> new Summary(rs.getLong(1), rs.getString(2), SessionState.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    Optional<Long> activeId(long workspaceId, long productId) {
        return jdbc.sql("select id from strategy_session where workspace_id = :ws and active_product_id = :product")
                .param("ws", workspaceId).param("product", productId).query(Long.class).optional();
    }

    long insert(StrategySession s, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into strategy_session (workspace_id, product_id, title, facilitator_id, facilitator_name, start_date, weeks,
                                              state, active_product_id, created_at, updated_at)
                values (:ws, :product, :title, :fac, :facName, :start, :weeks, :state, :active, :now, :now)""")
                .param("ws", s.workspaceId()).param("product", s.productId()).param("title", s.title())
                .param("fac", s.facilitator().userId()).param("facName", s.facilitator().name())
                .param("start", s.startDate()).param("weeks", s.weeks()).param("state", s.state().name())
                .param("active", s.productId()).param("now", at(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeChildren(id, s);
        return id;
    }

    /** Saves the aggregate if it is still at the version it was loaded with; else a conflict. */
    void update(StrategySession s, Instant now) {
        Positioning p = s.positioning();
        ProblemFraming f = s.framing();
        Gate g = s.gate();
        int rows = jdbc.sql("""
                update strategy_session set title = :title, start_date = :start, weeks = :weeks, state = :state, outcome = :outcome,
                    active_product_id = :active,
                    pos_target_customer = :pTarget, pos_need = :pNeed, pos_product_name = :pProduct, pos_category = :pCategory,
                    pos_key_benefit = :pBenefit, pos_alternative = :pAlternative,
                    fr_problem = :fProblem, fr_symptoms = :fSymptoms, fr_why_unsolved = :fWhy, fr_assumptions = :fAssumptions,
                    fr_who_has_it = :fWho, fr_when_where = :fWhen, fr_consequences = :fConsequences, fr_who_else = :fWhoElse,
                    fr_alternatives = :fAlternatives, fr_reframed = :fReframed,
                    gate_decision = :gDecision, gate_rationale = :gRationale, gate_by = :gBy, gate_by_name = :gByName, gate_at = :gAt,
                    updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("title", s.title()).param("start", s.startDate()).param("weeks", s.weeks())
                .param("state", s.state().name()).param("outcome", s.outcome())
                .param("active", s.state() == SessionState.ACTIVE ? s.productId() : null)
                .param("pTarget", p.targetCustomer()).param("pNeed", p.need()).param("pProduct", p.productName())
                .param("pCategory", p.category()).param("pBenefit", p.keyBenefit()).param("pAlternative", p.alternative())
                .param("fProblem", f.problem()).param("fSymptoms", f.symptoms()).param("fWhy", f.whyUnsolved())
                .param("fAssumptions", f.assumptions()).param("fWho", f.whoHasIt()).param("fWhen", f.whenWhere())
                .param("fConsequences", f.consequences()).param("fWhoElse", f.whoElse())
                .param("fAlternatives", f.currentAlternatives()).param("fReframed", f.reframedStatement())
                .param("gDecision", g == null ? null : g.decision().name()).param("gRationale", g == null ? null : g.rationale())
                .param("gBy", g == null ? null : g.decidedBy()).param("gByName", g == null ? null : g.decidedByName())
                .param("gAt", g == null ? null : at(g.at()))
                .param("now", at(now)).param("id", s.id()).param("version", s.version())
                .update();
        Versioned.requireUpdated(rows, "The strategy session");
        for (String table : List.of("session_participant", "session_phase", "session_approver", "session_sign_off",
                "session_change_request", "session_decision", "session_differentiator", "session_vote", "problem_statement",
                "session_initiative")) {
            jdbc.sql("delete from " + table + " where session_id = :id").param("id", s.id()).update();
        }
        writeChildren(s.id(), s);
    }

    private void writeChildren(long id, StrategySession s) {
        int pos = 0;
        for (Participant p : s.participants()) {
            jdbc.sql("insert into session_participant (session_id, user_id, name, position) values (:s, :u, :n, :p)")
                    .param("s", id).param("u", p.userId()).param("n", p.name()).param("p", pos++).update();
        }
        for (Phase phase : Phase.values()) {
            var r = s.record(phase);
            jdbc.sql("""
                    insert into session_phase (session_id, phase, synthesis, needs_review, signed_off_at, planned_week)
                    values (:s, :phase, :synthesis, :review, :at, :week)""")
                    .param("s", id).param("phase", phase.name()).param("synthesis", r.synthesis).param("review", r.needsReview)
                    .param("at", r.signedOffAt == null ? null : at(r.signedOffAt)).param("week", r.plannedWeek).update();
            int a = 0;
            for (Participant p : r.approvers) {
                jdbc.sql("insert into session_approver (session_id, phase, user_id, name, position) values (:s, :phase, :u, :n, :p)")
                        .param("s", id).param("phase", phase.name()).param("u", p.userId()).param("n", p.name()).param("p", a++).update();
            }
            for (SignOff so : r.signOffs) {
                jdbc.sql("insert into session_sign_off (session_id, phase, user_id, name, signed_at) values (:s, :phase, :u, :n, :at)")
                        .param("s", id).param("phase", phase.name()).param("u", so.userId()).param("n", so.name())
                        .param("at", at(so.at())).update();
            }
            for (ChangeRequest c : r.changeRequests) {
                jdbc.sql("""
                        insert into session_change_request (session_id, phase, user_id, name, comment, requested_at, addressed)
                        values (:s, :phase, :u, :n, :c, :at, :addressed)""")
                        .param("s", id).param("phase", phase.name()).param("u", c.userId()).param("n", c.name())
                        .param("c", c.comment()).param("at", at(c.at())).param("addressed", c.addressed()).update();
            }
        }
        pos = 0;
        for (Decision d : s.history()) {
            jdbc.sql("""
                    insert into session_decision (session_id, position, phase, kind, user_id, name, comment, decided_at)
                    values (:s, :p, :phase, :kind, :u, :n, :c, :at)""")
                    .param("s", id).param("p", pos++).param("phase", d.phase().name()).param("kind", d.kind().name())
                    .param("u", d.userId()).param("n", d.name()).param("c", d.comment()).param("at", at(d.at())).update();
        }
        pos = 0;
        for (Positioning.Differentiator d : s.positioning().differentiators()) {
            jdbc.sql(d.id() == null
                            ? "insert into session_differentiator (session_id, position, text) values (:s, :p, :t)"
                            : "insert into session_differentiator (id, session_id, position, text) values (:id, :s, :p, :t)")
                    .param("id", d.id()).param("s", id).param("p", pos++).param("t", d.text()).update();
        }
        for (Vote v : s.votes()) {
            jdbc.sql("""
                    insert into session_vote (session_id, user_id, name, agree, comment, voted_at)
                    values (:s, :u, :n, :agree, :c, :at)""")
                    .param("s", id).param("u", v.userId()).param("n", v.name()).param("agree", v.agree())
                    .param("c", v.comment()).param("at", at(v.at())).update();
        }
        pos = 0;
        for (ProblemStatement ps : s.statements()) {
            jdbc.sql(ps.id() == null ? """
                            insert into problem_statement (session_id, position, persona, outcome, barrier, root_cause, emotion,
                                                           interview_count, data_source, validated)
                            values (:s, :p, :persona, :outcome, :barrier, :root, :emotion, :interviews, :data, :validated)"""
                            : """
                            insert into problem_statement (id, session_id, position, persona, outcome, barrier, root_cause, emotion,
                                                           interview_count, data_source, validated)
                            values (:id, :s, :p, :persona, :outcome, :barrier, :root, :emotion, :interviews, :data, :validated)""")
                    .param("id", ps.id()).param("s", id).param("p", pos++).param("persona", ps.persona())
                    .param("outcome", ps.outcome()).param("barrier", ps.barrier()).param("root", ps.rootCause())
                    .param("emotion", ps.emotion()).param("interviews", ps.interviewCount()).param("data", ps.dataSource())
                    .param("validated", ps.validated()).update();
        }
        pos = 0;
        for (PlannedInitiative in : s.initiatives()) {
            jdbc.sql(in.id() == null ? """
                            insert into session_initiative (session_id, position, title, description, link_kind, link_id,
                                                            horizon, effort_low, effort_high, target_quarter)
                            values (:s, :p, :title, :description, :kind, :link, :horizon, :low, :high, :quarter)"""
                            : """
                            insert into session_initiative (id, session_id, position, title, description, link_kind, link_id,
                                                            horizon, effort_low, effort_high, target_quarter)
                            values (:id, :s, :p, :title, :description, :kind, :link, :horizon, :low, :high, :quarter)""")
                    .param("id", in.id()).param("s", id).param("p", pos++).param("title", in.title())
                    .param("description", in.description()).param("kind", in.linkKind() == null ? null : in.linkKind().name())
                    .param("link", in.linkId()).param("horizon", in.horizon().name()).param("low", in.effortLow())
                    .param("high", in.effortHigh()).param("quarter", in.targetQuarter()).update();
        }
    }

    /** The session's version alone, provided it belongs to the workspace and product; else not found. */
    int version(long workspaceId, long productId, long sessionId) {
        return jdbc.sql("select version from strategy_session where id = :id and workspace_id = :ws and product_id = :product")
                .param("id", sessionId).param("ws", workspaceId).param("product", productId)
                .query(Integer.class).optional().orElseThrow(() -> new NotFoundException("Strategy session"));
    }

    /** The whole aggregate, provided it belongs to the workspace and product; else not found. */
    StrategySession load(long workspaceId, long productId, long sessionId) {
        record Root(StrategySession session, Positioning positioningParts, ProblemFraming framing, Gate gate) {
        }
        Root root = jdbc.sql("""
                select * from strategy_session where id = :id and workspace_id = :ws and product_id = :product""")
                .param("id", sessionId).param("ws", workspaceId).param("product", productId)
                .query((rs, i) -> {
                    var session = new StrategySession(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("product_id"),
                            rs.getString("title"), new Participant(rs.getLong("facilitator_id"), rs.getString("facilitator_name")),
                            rs.getObject("start_date", LocalDate.class), SessionState.valueOf(rs.getString("state")),
                            rs.getString("outcome"), rs.getInt("weeks"), rs.getInt("version"), instant(rs.getObject("created_at", OffsetDateTime.class)));
                    var positioningParts = new Positioning(rs.getString("pos_target_customer"), rs.getString("pos_need"),
                            rs.getString("pos_product_name"), rs.getString("pos_category"), rs.getString("pos_key_benefit"),
                            rs.getString("pos_alternative"), List.of());
                    var framing = new ProblemFraming(rs.getString("fr_problem"), rs.getString("fr_symptoms"),
                            rs.getString("fr_why_unsolved"), rs.getString("fr_assumptions"), rs.getString("fr_who_has_it"),
                            rs.getString("fr_when_where"), rs.getString("fr_consequences"), rs.getString("fr_who_else"),
                            rs.getString("fr_alternatives"), rs.getString("fr_reframed"));
                    String decision = rs.getString("gate_decision");
                    Gate gate = decision == null ? null : new Gate(GateDecision.valueOf(decision), rs.getString("gate_rationale"),
                            rs.getLong("gate_by"), rs.getString("gate_by_name"), instant(rs.getObject("gate_at", OffsetDateTime.class)));
                    return new Root(session, positioningParts, framing, gate);
                })
                .optional().orElseThrow(() -> new NotFoundException("Strategy session"));
        StrategySession s = root.session();
        long id = sessionId;
        jdbc.sql("select phase, synthesis, needs_review, signed_off_at, planned_week from session_phase where session_id = :s")
                .param("s", id).query((rs, i) -> {
                    var r = s.record(Phase.valueOf(rs.getString(1)));
                    r.synthesis = rs.getString(2);
                    r.needsReview = rs.getBoolean(3);
                    r.signedOffAt = instant(rs.getObject(4, OffsetDateTime.class));
                    r.plannedWeek = rs.getInt(5);
                    return r;
                }).list();
        jdbc.sql("select phase, user_id, name from session_approver where session_id = :s order by phase, position")
                .param("s", id).query((rs, i) -> s.record(Phase.valueOf(rs.getString(1))).approvers
                        .add(new Participant(rs.getLong(2), rs.getString(3)))).list();
        jdbc.sql("select phase, user_id, name, signed_at from session_sign_off where session_id = :s order by signed_at, user_id")
                .param("s", id).query((rs, i) -> s.record(Phase.valueOf(rs.getString(1))).signOffs
                        .add(new SignOff(rs.getLong(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class))))).list();
        jdbc.sql("select phase, user_id, name, comment, requested_at, addressed from session_change_request where session_id = :s order by id")
                .param("s", id).query((rs, i) -> s.record(Phase.valueOf(rs.getString(1))).changeRequests
                        .add(new ChangeRequest(rs.getLong(2), rs.getString(3), rs.getString(4),
                                instant(rs.getObject(5, OffsetDateTime.class)), rs.getBoolean(6)))).list();
        List<Participant> participants = jdbc.sql("select user_id, name from session_participant where session_id = :s order by position")
                .param("s", id).query((rs, i) -> new Participant(rs.getLong(1), rs.getString(2))).list();
        List<Decision> history = jdbc.sql("""
                select phase, kind, user_id, name, comment, decided_at from session_decision where session_id = :s order by position""")
                .param("s", id).query((rs, i) -> new Decision(Phase.valueOf(rs.getString(1)), DecisionKind.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getString(4), rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)))).list();
        List<Positioning.Differentiator> differentiators = jdbc.sql(
                        "select id, text from session_differentiator where session_id = :s order by position")
                .param("s", id).query((rs, i) -> new Positioning.Differentiator(rs.getLong(1), rs.getString(2))).list();
        List<Vote> votes = jdbc.sql("select user_id, name, agree, comment, voted_at from session_vote where session_id = :s order by voted_at")
                .param("s", id).query((rs, i) -> new Vote(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        instant(rs.getObject(5, OffsetDateTime.class)))).list();
        List<ProblemStatement> statements = jdbc.sql("""
                select id, persona, outcome, barrier, root_cause, emotion, interview_count, data_source, validated
                from problem_statement where session_id = :s order by position""")
                .param("s", id).query((rs, i) -> new ProblemStatement(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getBoolean(9))).list();
        List<PlannedInitiative> initiatives = jdbc.sql("""
                select id, title, description, link_kind, link_id, horizon, effort_low, effort_high, target_quarter
                from session_initiative where session_id = :s order by position""")
                .param("s", id).query((rs, i) -> {
                    String kind = rs.getString(4);
                    long link = rs.getLong(5);
                    return new PlannedInitiative(rs.getLong(1), rs.getString(2), rs.getString(3),
                            kind == null ? null : LinkKind.valueOf(kind), kind == null ? null : link,
                            PlanningHorizon.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9));
                }).list();
        Positioning parts = root.positioningParts();
        s.restoreArtifacts(new Positioning(parts.targetCustomer(), parts.need(), parts.productName(), parts.category(),
                        parts.keyBenefit(), parts.alternative(), differentiators), root.framing(), statements, initiatives, votes,
                root.gate(), participants, history);
        return s;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
