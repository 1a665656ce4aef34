package app.truenorth.session;

import app.truenorth.platform.Problems;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An initiative drafted in roadmap planning. It links to a differentiator or a problem statement of
 * this session; with no link it is shown as orphaned. It carries what the roadmap needs to plan it:
 * a horizon, an effort range in person-weeks and, optionally, a target quarter ("2026-Q3").
 *
 * <p>The effort may be missing only on drafts stored before estimates were asked for; adding or
 * saving an initiative requires it (see {@link StrategySession#addInitiative}), and so does signing
 * off roadmap planning.
 */
public record PlannedInitiative(Long id, String title, String description, LinkKind linkKind, Long linkId,
        PlanningHorizon horizon, BigDecimal effortLow, BigDecimal effortHigh, String targetQuarter) {

    private static final BigDecimal MAX_EFFORT = new BigDecimal("10000");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})\\s*-?\\s*Q([1-4])$");

    public PlannedInitiative {
        title = Positioning.clean(title);
        description = Positioning.clean(description);
        Problems errors = new Problems();
        if (title.isEmpty()) {
            errors.add("title", "must not be blank");
        } else if (title.length() > 200) {
            errors.add("title", "must be at most 200 characters");
        }
        if (description.length() > 2000) {
            errors.add("description", "must be at most 2000 characters");
        }
        if ((linkKind == null) != (linkId == null)) {
            errors.add("link", "choose both what the initiative links to and which one, or neither");
        }
        if (horizon == null) {
            errors.add("horizon", "choose Now, Next or Later");
        }
        if ((effortLow == null) != (effortHigh == null)) {
            errors.add(effortLow == null ? "effortLow" : "effortHigh", "give both ends of the effort range (person-weeks)");
        } else if (effortLow != null) {
            if (effortLow.signum() < 0) {
                errors.add("effortLow", "must not be negative");
            } else if (effortLow.compareTo(MAX_EFFORT) > 0) {
                errors.add("effortLow", "must be at most " + MAX_EFFORT + " person-weeks");
            }
            if (effortHigh.signum() <= 0) {
                errors.add("effortHigh", "must be more than zero");
            } else if (effortHigh.compareTo(MAX_EFFORT) > 0) {
                errors.add("effortHigh", "must be at most " + MAX_EFFORT + " person-weeks");
            } else if (effortLow.signum() >= 0 && effortHigh.compareTo(effortLow) < 0) {
                errors.add("effortHigh", "must be at least the low estimate (" + effortLow.stripTrailingZeros().toPlainString() + ")");
            }
            if (effortLow.scale() > 2 || effortHigh.scale() > 2) {
                errors.add("effortLow", "use at most two decimals");
            }
        }
        targetQuarter = Positioning.clean(targetQuarter).toUpperCase(Locale.ROOT);
        if (targetQuarter.isEmpty()) {
            targetQuarter = null;
        } else {
            var m = QUARTER.matcher(targetQuarter);
            if (!m.matches()) {
                errors.add("targetQuarter", "must look like 2026-Q3, or stay empty");
            } else {
                targetQuarter = m.group(1) + "-Q" + m.group(2);
            }
        }
        errors.throwIfAny();
    }

    /** A draft with the roadmap's planning fields; {@code targetQuarter} may be null. */
    public static PlannedInitiative of(String title, String description, LinkKind linkKind, Long linkId, PlanningHorizon horizon,
            String effortLow, String effortHigh, String targetQuarter) {
        return new PlannedInitiative(null, title, description, linkKind, linkId, horizon, new BigDecimal(effortLow),
                new BigDecimal(effortHigh), targetQuarter);
    }

    public boolean orphaned() {
        return linkKind == null;
    }

    public boolean estimated() {
        return effortLow != null;
    }

    /** "4–6 person-weeks", "3 person-weeks", or "not estimated". */
    public String effortText() {
        if (!estimated()) {
            return "not estimated";
        }
        String l = effortLow.stripTrailingZeros().toPlainString();
        String h = effortHigh.stripTrailingZeros().toPlainString();
        return (effortLow.compareTo(effortHigh) == 0 ? h : l + "–" + h) + " person-weeks";
    }

    /** The same draft under another id (the aggregate assigns ids on save). */
    PlannedInitiative withId(Long newId) {
        return new PlannedInitiative(newId, title, description, linkKind, linkId, horizon, effortLow, effortHigh, targetQuarter);
    }

    /** The same draft without its link (what it linked to was removed). */
    PlannedInitiative unlinked() {
        return new PlannedInitiative(id, title, description, null, null, horizon, effortLow, effortHigh, targetQuarter);
    }
}
