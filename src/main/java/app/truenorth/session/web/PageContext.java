package app.truenorth.session.web;

import app.truenorth.market.MarketDraft;
import app.truenorth.market.MarketPage;
import app.truenorth.market.MarketSizings;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Shell;
import app.truenorth.session.Phase;
import app.truenorth.session.PhaseStatus;
import app.truenorth.session.StrategySession;
import app.truenorth.workspace.Workspaces;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Everything a session page shows: the session, its market sizing, who is looking and what they may
 * do, the form values being edited and their errors.
 */
public record PageContext(Shell shell, long productId, StrategySession session, MarketSizings.Sizing market, long me,
        boolean canEdit, LocalDate today, FormErrors errors, Map<String, String> form, String notice,
        List<Workspaces.Member> members) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    public String base() {
        return "/products/" + productId + "/strategy/sessions/" + session.id();
    }

    public String phasePath(Phase phase) {
        return base() + "/" + phase.slug();
    }

    /** The market sizing section of the market sizing phase, with its chart and the model's inputs as shown. */
    public MarketPage marketPage(String chart, MarketDraft draft) {
        return new MarketPage(shell, market, chart, draft, editable(Phase.MARKET_SIZING), base() + "/market-sizing/model", errors, form);
    }

    /** The submitted value of a field when re-showing a form, else the stored one. */
    public String value(String field, String stored) {
        if (form != null && form.containsKey(field)) {
            return form.get(field);
        }
        return stored == null ? "" : stored;
    }

    public boolean isApprover(Phase phase) {
        return session.isApprover(phase, me);
    }

    public boolean isFacilitator() {
        return session.facilitator().userId() == me;
    }

    public boolean hasSignedOff(Phase phase) {
        return session.signOffs(phase).stream().anyMatch(s -> s.userId() == me);
    }

    /** The artifact of a phase can be edited by this viewer now. */
    public boolean editable(Phase phase) {
        PhaseStatus status = session.status(phase);
        return canEdit && session.isActive() && (status == PhaseStatus.OPEN || status == PhaseStatus.AWAITING_SIGN_OFF);
    }

    public String when(java.time.Instant at) {
        return at == null ? "" : WHEN.format(at) + " UTC";
    }

    public String day(LocalDate date) {
        return DAY.format(date);
    }

    public String error(String field) {
        return errors == null ? null : errors.get(field);
    }

    public String statusHint(Phase phase) {
        return switch (session.status(phase)) {
            case LOCKED -> "Opens when " + phase.previous().label() + " is signed off by all of its approvers.";
            case OPEN -> "Open for work. Every named approver signs off before " + (phase.next() == null ? "the roadmap is handed off."
                    : phase.next().label() + " opens.");
            case AWAITING_SIGN_OFF -> session.signOffs(phase).size() + " of " + session.approvers(phase).size()
                    + " approvers have signed off.";
            case SIGNED_OFF -> "Signed off by every approver" + (session.signedOffAt(phase) == null ? "."
                    : " on " + when(session.signedOffAt(phase)) + ".");
            case NEEDS_REVIEW -> "An earlier phase was reopened. An approver confirms this still holds, or reopens it.";
        };
    }
}
