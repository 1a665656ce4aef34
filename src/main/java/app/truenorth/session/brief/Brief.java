package app.truenorth.session.brief;

import app.truenorth.market.MarketModel;
import app.truenorth.market.MarketResult;
import app.truenorth.market.NestedCirclesChart;
import app.truenorth.session.LinkKind;
import app.truenorth.session.PlannedInitiative;
import app.truenorth.session.SessionRecords;
import app.truenorth.session.StrategySession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the brief's templates ({@code session/brief/*.jte}) show: the session and its market sizing as of
 * one day, with the brief's wording of dates, names and decisions. The page and the PDF render the same
 * document template from it, so they never drift apart.
 */
public record Brief(StrategySession session, MarketModel model, MarketResult market, LocalDate today) {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    /** A moment, in UTC: "3 Jun 2026, 14:05 UTC". */
    public String when(Instant at) {
        return WHEN.format(at);
    }

    /** A day: "3 Jun 2026". */
    public String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The names, or "none named". */
    public String names(List<String> names) {
        return names.isEmpty() ? "none named" : String.join(", ", names);
    }

    public String participants() {
        return String.join(", ", session.participants().stream().map(p -> p.name()).toList());
    }

    /** One line of the decision history in words: "Ana signed off Positioning: …". */
    public String decision(SessionRecords.Decision d) {
        if (d.kind() == SessionRecords.DecisionKind.PHASE_SIGNED_OFF) {
            return d.phase().label() + " signed off by all approvers";
        }
        return d.name() + " " + d.kind().label() + " " + d.phase().label() + (d.comment().isEmpty() ? "" : ": " + d.comment());
    }

    /** The top-down and bottom-up models that have figures, in that order. */
    public List<MarketResult.Sized> sized() {
        return Stream.of(market.topDown(), market.bottomUp()).filter(Objects::nonNull).toList();
    }

    /** The nested circles of the primary model (server-drawn SVG, every text in it escaped), or null without figures. */
    public String chart() {
        return market.primary() == null ? null
                : NestedCirclesChart.render(market.primary().size(), market.primary().method(), model.horizonYears());
    }

    public String scenarios() {
        return String.join(" · ", market.scenarios().stream()
                .map(sc -> sc.name() + " " + sc.som().display() + " (× " + sc.multiplier().stripTrailingZeros().toPlainString() + ")")
                .toList());
    }

    /** When and how big a drafted initiative is: its horizon, target quarter and effort. */
    public String planned(PlannedInitiative i) {
        return i.horizon().label() + (i.targetQuarter() == null ? "" : ", " + i.targetQuarter()) + " · " + i.effortText();
    }

    /** What a drafted initiative is grounded in, in words, or null when it is orphaned. */
    public String grounding(PlannedInitiative i) {
        String label = session.linkLabel(i);
        return label == null ? null : (i.linkKind() == LinkKind.DIFFERENTIATOR ? "Differentiator: " : "Problem: ") + label;
    }

    /** When this copy was made, for the printed brief's footer. */
    public String generated() {
        return WHEN.format(Instant.now());
    }
}
