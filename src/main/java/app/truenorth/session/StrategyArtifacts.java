package app.truenorth.session;

import app.truenorth.market.GateDecision;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only look-ups of a product's differentiators, problem statements and go/no-go decisions across all
 * its sessions, for modules that link to them (the roadmap shows each initiative's chain and the gate
 * decisions beside its decision log). Callers pass the workspace they have already checked access to;
 * ids of other workspaces or products are not found.
 */
@Service
public class StrategyArtifacts {

    private final JdbcClient jdbc;

    StrategyArtifacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A differentiator from a session's positioning. */
    public record DifferentiatorRef(long id, long sessionId, String sessionTitle, String text) {
    }

    /** A persona-level problem statement with its evidence. */
    public record ProblemStatementRef(long id, long sessionId, String sessionTitle, String persona, String sentence,
            boolean validated, String evidence) {
    }

    /**
     * A go or no-go decision recorded at a session's market-sizing gate.
     *
     * @param outcome "Go" or "No-go", as the session shows it
     */
    public record GateDecisionRef(long sessionId, String sessionTitle, String outcome, boolean go, String rationale,
            String decidedBy, Instant decidedAt) {
    }

    /**
     * The product's standing go/no-go decisions, latest first. A gate left at "revisit" decided nothing, and a
     * reopened market sizing clears its gate, so neither is listed.
     */
    public List<GateDecisionRef> gateDecisions(long workspaceId, long productId) {
        return jdbc.sql("""
                select id, title, gate_decision, gate_rationale, gate_by_name, gate_at from strategy_session
                where workspace_id = :ws and product_id = :product and gate_decision in ('GO', 'NO_GO') and gate_at is not null
                order by gate_at desc, id desc""")
                .param("ws", workspaceId).param("product", productId)
                .query((rs, i) -> {
                    GateDecision decision = GateDecision.valueOf(rs.getString(3));
                    String rationale = rs.getString(4);
                    String by = rs.getString(5);
                    return new GateDecisionRef(rs.getLong(1), rs.getString(2), decision.label(), decision == GateDecision.GO,
                            rationale == null ? "" : rationale, by == null ? "" : by, rs.getObject(6, OffsetDateTime.class).toInstant());
                })
                .list();
    }

    public Optional<DifferentiatorRef> differentiator(long workspaceId, long productId, long differentiatorId) {
        return differentiators(workspaceId, productId, differentiatorId).stream().findFirst();
    }

    /** Differentiators of the product, newest session first. */
    public List<DifferentiatorRef> differentiators(long workspaceId, long productId) {
        return differentiators(workspaceId, productId, null);
    }

    public Optional<ProblemStatementRef> problemStatement(long workspaceId, long productId, long statementId) {
        return problemStatements(workspaceId, productId, statementId).stream().findFirst();
    }

    /** Problem statements of the product, newest session first. */
    public List<ProblemStatementRef> problemStatements(long workspaceId, long productId) {
        return problemStatements(workspaceId, productId, null);
    }

    private List<DifferentiatorRef> differentiators(long workspaceId, long productId, Long id) {
        return jdbc.sql("""
                select d.id, s.id, s.title, d.text
                from session_differentiator d join strategy_session s on s.id = d.session_id
                where s.workspace_id = :ws and s.product_id = :product and (:id = -1 or d.id = :id)
                order by s.created_at desc, s.id desc, d.position""")
                .param("ws", workspaceId).param("product", productId).param("id", id == null ? -1L : id)
                .query((rs, i) -> new DifferentiatorRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private List<ProblemStatementRef> problemStatements(long workspaceId, long productId, Long id) {
        return jdbc.sql("""
                select p.id, s.id, s.title, p.persona, p.outcome, p.barrier, p.root_cause, p.emotion, p.interview_count,
                       p.data_source, p.validated
                from problem_statement p join strategy_session s on s.id = p.session_id
                where s.workspace_id = :ws and s.product_id = :product and (:id = -1 or p.id = :id)
                order by s.created_at desc, s.id desc, p.position""")
                .param("ws", workspaceId).param("product", productId).param("id", id == null ? -1L : id)
                .query((rs, i) -> {
                    var statement = new ProblemStatement(rs.getLong(1), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getBoolean(11));
                    return new ProblemStatementRef(statement.id(), rs.getLong(2), rs.getString(3), statement.persona(),
                            statement.sentence(), statement.validated(), statement.evidence());
                })
                .list();
    }
}
