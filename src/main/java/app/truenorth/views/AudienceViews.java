package app.truenorth.views;

import app.truenorth.roadmap.Decisions.StrategyDecision;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.views.AudienceView.DecisionView;
import app.truenorth.views.AudienceView.DependencyView;
import app.truenorth.views.AudienceView.ItemView;
import app.truenorth.views.AudienceView.ObjectiveView;
import app.truenorth.views.AudienceView.RiskView;
import app.truenorth.views.AudienceView.ThemeView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redaction: turns a whole roadmap into what one audience may see under its preset. Plain Java
 * with no Spring, so its rules are unit-tested directly. It copies what is allowed into the view's own
 * records rather than removing what is not, so a field added to the roadmap later stays out of every
 * view until someone adds it here on purpose.
 */
public final class AudienceViews {

    private AudienceViews() {
    }

    public static AudienceView build(RoadmapData data, Preset preset, LocalDate today) {
        return build(data, List.of(), preset, today);
    }

    /**
     * The view, with the go/no-go decisions of the product's strategy sessions among its decisions: key and
     * internal, so only audiences that may see internal decisions get them.
     */
    public static AudienceView build(RoadmapData data, List<StrategyDecision> strategyDecisions, Preset preset, LocalDate today) {
        Map<Long, Integer> refs = new HashMap<>();
        List<Initiative> included = new ArrayList<>();
        for (Initiative i : data.initiativeList()) {
            if (preset.externalOnly() && i.visibility() != Visibility.EXTERNAL) {
                continue;
            }
            if (!preset.horizons().contains(i.horizon())) {
                continue;
            }
            included.add(i);
        }
        // the roadmap's order is its priority within a horizon; the top items are the first of Now, then Next
        included.sort((a, b) -> a.horizon().compareTo(b.horizon()));
        if (preset.maxItems() > 0 && included.size() > preset.maxItems()) {
            included = new ArrayList<>(included.subList(0, preset.maxItems()));
        }

        Map<Long, Integer> themeRefs = new LinkedHashMap<>();
        List<ThemeView> themes = new ArrayList<>();
        if (preset.shows(ViewField.THEMES)) {
            for (Theme t : data.themeList()) {
                // only themes with something shown: an external view must not reveal internal-only themes
                if (included.stream().anyMatch(i -> Long.valueOf(t.id()).equals(i.themeId()))) {
                    int ref = themes.size() + 1;
                    themeRefs.put(t.id(), ref);
                    themes.add(new ThemeView(ref, t.name(), preset.shows(ViewField.DESCRIPTION) ? t.description() : null));
                }
            }
        }

        Map<Long, Objective> objectivesById = new HashMap<>();
        data.objectiveList().forEach(o -> objectivesById.put(o.id(), o));
        List<ItemView> items = new ArrayList<>();
        for (Initiative i : included) {
            int ref = items.size() + 1;
            refs.put(i.id(), ref);
            Integer themeRef = i.themeId() == null ? null : themeRefs.get(i.themeId());
            items.add(new ItemView(ref, i.title(),
                    preset.shows(ViewField.DESCRIPTION) ? blankToNull(i.description()) : null,
                    themeRef, themeRef == null ? null : themes.get(themeRef - 1).name(),
                    i.horizon(), preset.shows(ViewField.STAGE) ? i.stage() : null,
                    when(i, preset.precision()),
                    preset.precision() == DatePrecision.HORIZON || i.plannedStart() == null ? null : Quarter.of(i.plannedStart()),
                    preset.precision() == DatePrecision.EXACT ? i.startDate() : null,
                    preset.precision() == DatePrecision.EXACT ? i.endDate() : null,
                    preset.shows(ViewField.TEAM) ? blankToNull(i.team()) : null,
                    preset.shows(ViewField.EFFORT) && i.effort() != null ? i.effort().describe() : null,
                    preset.shows(ViewField.EFFORT) ? i.confidence() : null,
                    preset.shows(ViewField.OBJECTIVES)
                            ? i.objectiveIds().stream().map(objectivesById::get).filter(o -> o != null).map(Objective::title).toList()
                            : List.of()));
        }

        List<ObjectiveView> objectives = new ArrayList<>();
        if (preset.shows(ViewField.OBJECTIVES)) {
            for (Objective o : data.objectiveList()) {
                objectives.add(new ObjectiveView(o.title(), o.describeProgress(), o.describeShare(), o.progressPercentClamped()));
            }
        }

        List<DependencyView> dependencies = new ArrayList<>();
        if (preset.shows(ViewField.DEPENDENCIES)) {
            for (Dependency d : data.dependencyList()) {
                Integer dependent = refs.get(d.dependentId());
                if (dependent == null) {
                    continue;
                }
                if (d.isOnInitiative()) {
                    Integer required = refs.get(d.requiredId());
                    if (required != null) {
                        dependencies.add(new DependencyView(dependent, required, items.get(dependent - 1).title(),
                                items.get(required - 1).title(), preset.shows(ViewField.OWNERS) ? blankToNull(d.note()) : null));
                    }
                } else {
                    dependencies.add(new DependencyView(dependent, null, items.get(dependent - 1).title(),
                            d.externalKind().label() + ": " + d.externalName(), preset.shows(ViewField.OWNERS) ? blankToNull(d.note()) : null));
                }
            }
        }

        List<RiskView> risks = new ArrayList<>();
        if (preset.shows(ViewField.RISKS)) {
            for (Risk r : data.risks().stream().map(s -> s.value()).toList()) {
                if (r.initiativeId() != null && !refs.containsKey(r.initiativeId())) {
                    continue; // a risk to something this audience does not see
                }
                if (preset.maxRisks() > 0 && risks.size() >= preset.maxRisks()) {
                    break;
                }
                risks.add(new RiskView(r.title(), r.initiativeId() == null ? null : items.get(refs.get(r.initiativeId()) - 1).title(),
                        r.level(), r.exposure(), preset.shows(ViewField.OWNERS) ? blankToNull(r.mitigation()) : null,
                        preset.shows(ViewField.OWNERS) ? blankToNull(r.owner()) : null));
            }
        }
        List<DecisionView> decisions = preset.shows(ViewField.DECISIONS)
                ? decisions(data, strategyDecisions, preset, refs, items, themeRefs, themes) : List.of();
        List<String> shown = Arrays.stream(ViewField.values()).filter(preset::shows).map(Enum::name).toList();
        return new AudienceView(data.productName(), preset.audience(), today, preset.precision(), shown, themes, objectives,
                items, dependencies, risks, decisions);
    }

    /** A decision on its way into a view, with its date for the ordering. */
    private record Dated(LocalDate on, DecisionView view) {
    }

    private static List<DecisionView> decisions(RoadmapData data, List<StrategyDecision> strategyDecisions, Preset preset,
            Map<Long, Integer> refs, List<ItemView> items, Map<Long, Integer> themeRefs, List<ThemeView> themes) {
        // external audiences get external decisions only, whatever their preset says: the customer rule is not a setting
        boolean externalOnly = preset.externalOnly() || preset.audience().external();
        boolean owners = preset.shows(ViewField.OWNERS);
        List<Dated> dated = new ArrayList<>();
        for (Decision d : data.decisionList()) {
            if ((externalOnly && !d.isExternal()) || (preset.keyDecisionsOnly() && !d.keyDecision())) {
                continue;
            }
            // only names this view shows anyway: an external decision must not reveal an internal initiative or theme
            List<String> concerns = new ArrayList<>();
            d.initiativeIds().stream().map(refs::get).filter(r -> r != null).forEach(r -> concerns.add(items.get(r - 1).title()));
            d.themeIds().stream().map(themeRefs::get).filter(r -> r != null).forEach(r -> concerns.add(themes.get(r - 1).name()));
            if (preset.shows(ViewField.OBJECTIVES)) {
                d.objectiveIds().forEach(id -> data.objective(id).ifPresent(o -> concerns.add(o.title())));
            }
            dated.add(new Dated(d.decidedOn(), new DecisionView(d.title(), d.rationale(), decided(d.decidedOn(), preset.precision()),
                    owners ? blankToNull(d.decidedBy()) : null, d.keyDecision(), concerns)));
        }
        if (!externalOnly) {
            for (StrategyDecision g : strategyDecisions) {
                dated.add(new Dated(g.decidedOn(), new DecisionView(g.title(), g.rationale(), decided(g.decidedOn(), preset.precision()),
                        owners ? blankToNull(g.decidedBy()) : null, true, List.of())));
            }
        }
        // latest first; the sort is stable, so the log's own order holds among decisions of one day
        dated.sort(Comparator.comparing(Dated::on).reversed());
        List<DecisionView> views = dated.stream().map(Dated::view).toList();
        return preset.maxDecisions() > 0 && views.size() > preset.maxDecisions() ? List.copyOf(views.subList(0, preset.maxDecisions()))
                : views;
    }

    static String decided(LocalDate on, DatePrecision precision) {
        return switch (precision) {
            case EXACT -> on.toString();
            case QUARTER -> Quarter.of(on).toString();
            case HORIZON -> null; // a view in Now/Next/Later gives no calendar dates, not even past ones
        };
    }

    static String when(Initiative i, DatePrecision precision) {
        return switch (precision) {
            case EXACT -> i.startDate() != null ? i.startDate() + " to " + i.endDate()
                    : i.quarter() != null ? i.quarter().toString() : i.horizon().label();
            case QUARTER -> i.plannedStart() == null ? i.horizon().label() : quarters(i);
            case HORIZON -> i.horizon().label();
        };
    }

    private static String quarters(Initiative i) {
        Quarter from = Quarter.of(i.plannedStart());
        Quarter to = Quarter.of(i.plannedEnd());
        return from.equals(to) ? from.toString() : from + " to " + to;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
