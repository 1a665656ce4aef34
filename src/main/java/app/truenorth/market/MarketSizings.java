package app.truenorth.market;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the market model of a strategy session. Callers (the session module) have already checked
 * the caller's access and that market sizing is open; this service checks the model itself and
 * guards concurrent edits with the sizing's version.
 */
@Service
public class MarketSizings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    MarketSizings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored model with its version, and its figures. */
    public record Sizing(long id, long workspaceId, long sessionId, MarketModel model, MarketResult result, int version,
            OffsetDateTime updatedAt) {
    }

    /** Starts an empty sizing for a new session. */
    @Transactional
    public Sizing create(long workspaceId, long sessionId, Currency currency) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into market_sizing (workspace_id, session_id, currency, horizon_years, created_at, updated_at)
                values (:ws, :session, :currency, 3, :now, :now)""")
                .param("ws", workspaceId).param("session", sessionId).param("currency", currency.getCurrencyCode())
                .param("now", now).update();
        Sizing sizing = get(workspaceId, sessionId);
        writeInputs(sizing.id(), sizing.model());
        return get(workspaceId, sessionId);
    }

    public Optional<Sizing> find(long workspaceId, long sessionId) {
        record Row(long id, String currency, int horizon, int version, OffsetDateTime updatedAt) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, currency, horizon_years, version, updated_at from market_sizing
                where workspace_id = :ws and session_id = :session""")
                .param("ws", workspaceId).param("session", sessionId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
        return row.map(r -> {
            MarketModel model = readModel(r.id(), Currency.getInstance(r.currency()), r.horizon());
            return new Sizing(r.id(), workspaceId, sessionId, model, MarketCalculator.calculate(model), r.version(), r.updatedAt());
        });
    }

    public Sizing get(long workspaceId, long sessionId) {
        return find(workspaceId, sessionId).orElseThrow(() -> new NotFoundException("Market sizing"));
    }

    /**
     * Replaces the model, provided nobody saved another since {@code expectedVersion}. The model is
     * calculated first, so a model that breaks SOM ≤ SAM ≤ TAM is refused before anything is written.
     */
    @Transactional
    public Sizing save(long workspaceId, long sessionId, MarketModel model, int expectedVersion) {
        MarketResult result = MarketCalculator.calculate(model);
        Sizing before = get(workspaceId, sessionId);
        int rows = jdbc.sql("""
                update market_sizing set currency = :currency, horizon_years = :horizon, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("currency", model.currency().getCurrencyCode()).param("horizon", model.horizonYears())
                .param("now", OffsetDateTime.now(clock)).param("id", before.id()).param("version", expectedVersion)
                .update();
        Versioned.requireUpdated(rows, "The market sizing");
        jdbc.sql("delete from market_input where sizing_id = :id").param("id", before.id()).update();
        jdbc.sql("delete from market_segment where sizing_id = :id").param("id", before.id()).update();
        writeInputs(before.id(), model);
        Sizing after = get(workspaceId, sessionId);
        audit.record(workspaceId, "market_sizing", before.id(), "updated", "Updated the market sizing"
                + (result.hasFigures() ? ": SOM " + result.primary().size().som().display() : ""), summary(before.result()),
                summary(after.result()));
        return after;
    }

    /** What the audit trail keeps of a sizing: its headline figures. */
    record Figures(String tam, String sam, String som) {
    }

    private static Figures summary(MarketResult result) {
        if (!result.hasFigures()) {
            return new Figures(null, null, null);
        }
        var size = result.primary().size();
        return new Figures(size.tam().toString(), size.sam().toString(), size.som().toString());
    }

    private void writeInputs(long sizingId, MarketModel model) {
        List<Input> inputs = new ArrayList<>();
        if (model.topDown() != null) {
            var td = model.topDown();
            inputs.addAll(List.of(named(td.marketFigure(), "topDown.marketFigure"), named(td.segmentShare(), "topDown.segmentShare"),
                    named(td.reachableShare(), "topDown.reachableShare"), named(td.achievableShare(), "topDown.achievableShare")));
        }
        for (int i = 0; i < model.segments().size(); i++) {
            var s = model.segments().get(i);
            String prefix = "segments[" + i + "].";
            jdbc.sql("insert into market_segment (sizing_id, position, name) values (:id, :pos, :name)")
                    .param("id", sizingId).param("pos", i).param("name", s.name()).update();
            inputs.addAll(List.of(named(s.customers(), prefix + "customers"),
                    named(s.annualContractValue(), prefix + "annualContractValue"),
                    named(s.reachableShare(), prefix + "reachableShare"), named(s.achievableShare(), prefix + "achievableShare")));
        }
        if (model.valueTheory() != null) {
            var vt = model.valueTheory();
            inputs.addAll(List.of(named(vt.costOfProblem(), "valueTheory.costOfProblem"),
                    named(vt.captureRate(), "valueTheory.captureRate"), named(vt.customers(), "valueTheory.customers")));
        }
        var sc = model.scenarios();
        inputs.addAll(List.of(named(sc.bear(), "scenarios.bear"), named(sc.base(), "scenarios.base"), named(sc.bull(), "scenarios.bull")));
        if (model.somThreshold() != null) {
            inputs.add(named(model.somThreshold(), "somThreshold"));
        }
        for (Input input : inputs) {
            jdbc.sql("""
                    insert into market_input (sizing_id, field, amount, unit, source_text, source_url)
                    values (:id, :field, :value, :unit, :source, :url)""")
                    .param("id", sizingId).param("field", input.field()).param("value", input.value())
                    .param("unit", input.unit().name()).param("source", input.source().text()).param("url", input.source().url())
                    .update();
        }
    }

    private static Input named(Input input, String field) {
        return input.field().equals(field) ? input : new Input(field, input.value(), input.unit(), input.source());
    }

    private MarketModel readModel(long sizingId, Currency currency, int horizon) {
        Map<String, Input> inputs = new HashMap<>();
        jdbc.sql("select field, amount, unit, source_text, source_url from market_input where sizing_id = :id")
                .param("id", sizingId)
                .query((rs, i) -> new Input(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(), Unit.valueOf(rs.getString(3)),
                        new Citation(rs.getString(4), rs.getString(5))))
                .list().forEach(in -> inputs.put(in.field(), fixScale(in)));
        List<String> names = jdbc.sql("select name from market_segment where sizing_id = :id order by position")
                .param("id", sizingId).query(String.class).list();
        MarketModel.TopDown topDown = inputs.containsKey("topDown.marketFigure")
                ? new MarketModel.TopDown(inputs.get("topDown.marketFigure"), inputs.get("topDown.segmentShare"),
                        inputs.get("topDown.reachableShare"), inputs.get("topDown.achievableShare")) : null;
        List<MarketModel.Segment> segments = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String p = "segments[" + i + "].";
            segments.add(new MarketModel.Segment(names.get(i), inputs.get(p + "customers"), inputs.get(p + "annualContractValue"),
                    inputs.get(p + "reachableShare"), inputs.get(p + "achievableShare")));
        }
        MarketModel.ValueTheory valueTheory = inputs.containsKey("valueTheory.costOfProblem")
                ? new MarketModel.ValueTheory(inputs.get("valueTheory.costOfProblem"), inputs.get("valueTheory.captureRate"),
                        inputs.get("valueTheory.customers")) : null;
        MarketModel.Scenarios scenarios = inputs.containsKey("scenarios.base")
                ? new MarketModel.Scenarios(inputs.get("scenarios.bear"), inputs.get("scenarios.base"), inputs.get("scenarios.bull"))
                : MarketModel.Scenarios.DEFAULT;
        return new MarketModel(currency, horizon, topDown, segments, valueTheory, scenarios, inputs.get("somThreshold"));
    }

    /** numeric(24,6) comes back with six decimals; whole numbers read back as whole numbers. */
    private static Input fixScale(Input in) {
        BigDecimal v = in.value();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return new Input(in.field(), v, in.unit(), in.source());
    }
}
