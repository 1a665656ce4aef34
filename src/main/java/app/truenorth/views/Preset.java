package app.truenorth.views;

import app.truenorth.platform.Problems;
import app.truenorth.roadmap.domain.Horizon;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one audience sees of a roadmap: the fields shown, which initiatives are included (only external
 * ones, which horizons, at most how many) and how precisely dates are given.
 *
 * @param externalOnly      only initiatives and decisions marked external (and never a strategy session's go/no-go)
 * @param maxItems          at most this many initiatives, 0 for no limit
 * @param maxRisks          at most this many risks, 0 for no limit (only when {@link ViewField#RISKS} is shown)
 * @param keyDecisionsOnly  only decisions marked key (when {@link ViewField#DECISIONS} is shown)
 * @param maxDecisions      at most this many decisions, latest first, 0 for no limit
 */
public record Preset(Audience audience, Set<ViewField> fields, boolean externalOnly, Set<Horizon> horizons, int maxItems,
        int maxRisks, DatePrecision precision, boolean keyDecisionsOnly, int maxDecisions) {

    /** How many decisions a one-pager lists until someone edits its preset. */
    public static final int DEFAULT_MAX_DECISIONS = 5;

    public Preset {
        fields = fields.isEmpty() ? EnumSet.noneOf(ViewField.class) : EnumSet.copyOf(fields);
        horizons = horizons.isEmpty() ? EnumSet.noneOf(Horizon.class) : EnumSet.copyOf(horizons);
    }

    /** A preset whose decisions, if it shows them, are the key ones, at most {@value #DEFAULT_MAX_DECISIONS}. */
    public Preset(Audience audience, Set<ViewField> fields, boolean externalOnly, Set<Horizon> horizons, int maxItems, int maxRisks,
            DatePrecision precision) {
        this(audience, fields, externalOnly, horizons, maxItems, maxRisks, precision, true, DEFAULT_MAX_DECISIONS);
    }

    /** The preset an audience starts with until someone edits it. */
    public static Preset defaults(Audience audience) {
        return switch (audience) {
            // the executive one-pager: key decisions, internal ones included, few enough to keep it one page
            case EXECUTIVE -> new Preset(audience, EnumSet.of(ViewField.THEMES, ViewField.OBJECTIVES, ViewField.STAGE,
                    ViewField.RISKS, ViewField.OWNERS, ViewField.DECISIONS), false, EnumSet.of(Horizon.NOW, Horizon.NEXT), 8, 5,
                    DatePrecision.QUARTER, true, DEFAULT_MAX_DECISIONS);
            // engineering: every decision, key or not, with who decided
            case ENGINEERING -> new Preset(audience, EnumSet.allOf(ViewField.class), false, EnumSet.allOf(Horizon.class), 0, 0,
                    DatePrecision.EXACT, false, 0);
            // sales: key decisions marked external, so a deck never carries an internal one
            case SALES -> new Preset(audience, EnumSet.of(ViewField.DESCRIPTION, ViewField.THEMES, ViewField.STAGE, ViewField.DECISIONS),
                    true, EnumSet.allOf(Horizon.class), 0, 0, DatePrecision.QUARTER, true, DEFAULT_MAX_DECISIONS);
            // customers: no decisions until an editor chooses to show the external key ones
            case CUSTOMER -> new Preset(audience, EnumSet.of(ViewField.DESCRIPTION, ViewField.THEMES), true,
                    EnumSet.allOf(Horizon.class), 0, 0, DatePrecision.HORIZON, true, DEFAULT_MAX_DECISIONS);
        };
    }

    /** Problems with this preset, keyed by field; empty when it may be saved. */
    public Map<String, String> problems() {
        Problems problems = new Problems();
        if (horizons.isEmpty()) {
            problems.add("horizons", "choose at least one horizon");
        }
        if (maxItems < 0 || maxItems > 1000) {
            problems.add("maxItems", "must be from 0 (no limit) to 1000");
        }
        if (maxRisks < 0 || maxRisks > 100) {
            problems.add("maxRisks", "must be from 0 (no limit) to 100");
        }
        if (maxDecisions < 0 || maxDecisions > 100) {
            problems.add("maxDecisions", "must be from 0 (no limit) to 100");
        }
        if (audience.external()) {
            // the customer view's guarantees are not settings: they hold however the preset is edited
            Set<ViewField> internal = fields.stream().filter(ViewField::internal).collect(Collectors.toSet());
            if (!internal.isEmpty()) {
                problems.add("fields", "a customer-facing view cannot show " + internal.stream().map(ViewField::label)
                        .map(String::toLowerCase).sorted().collect(Collectors.joining(", ")));
            }
            if (!externalOnly) {
                problems.add("externalOnly", "a customer-facing view shows only initiatives and decisions marked external");
            }
            if (precision == DatePrecision.EXACT) {
                problems.add("precision", "a customer-facing view gives quarters or Now/Next/Later, never exact dates");
            }
        }
        return problems.asMap();
    }

    /**
     * Whether people outside the company may see this view: only initiatives marked external, no internal
     * field, no exact dates — the guarantees the customer-facing preset always keeps. Another audience's
     * preset can meet them too (the default Sales preset does).
     */
    public boolean customerSafe() {
        return externalOnly && precision != DatePrecision.EXACT && fields.stream().noneMatch(ViewField::internal);
    }

    public boolean shows(ViewField field) {
        return fields.contains(field);
    }
}
