package app.truenorth.session;

/** Where a phase stands, as the page shows it. */
public enum PhaseStatus {
    /** The phase before is not signed off yet. */
    LOCKED("Locked"),
    /** Being worked on; nobody has signed off yet. */
    OPEN("Open"),
    /** Some approvers have signed off, others not yet. */
    AWAITING_SIGN_OFF("Awaiting sign-off"),
    /** Every named approver signed off. */
    SIGNED_OFF("Signed off"),
    /** Signed off, but an earlier phase was reopened since: confirm it still holds or reopen it. */
    NEEDS_REVIEW("Needs review");

    private final String label;

    PhaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** CSS modifier for the status pill. */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }
}
