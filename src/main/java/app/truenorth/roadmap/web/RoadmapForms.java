package app.truenorth.roadmap.web;

import app.truenorth.platform.web.FormBinder;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Page forms keep what the person typed as text, so a bad value comes back as typed with the message
 * beside it. Each reads its values through the shared {@link FormBinder}, which records every value it
 * cannot read; the controller refuses the form with those problems before the service runs.
 */
public final class RoadmapForms {

    /** The message for a value that should have come from a list (a select, a check box). */
    static final String FROM_LIST = "must be chosen from the list";
    static final String DATE = "must be a date like 2026-07-01";

    private RoadmapForms() {
    }

    /** An option of a select: value, label, and whether it is chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    public static <E extends Enum<E>> List<Option> options(E[] values, String selected, java.util.function.Function<E, String> label) {
        return java.util.Arrays.stream(values).map(v -> new Option(v.name(), label.apply(v), v.name().equals(selected))).toList();
    }

    public record ThemeForm(String name, String description, Integer version) {

        public static ThemeForm empty() {
            return new ThemeForm("", "", null);
        }

        public static ThemeForm of(Stored<Theme> t) {
            return new ThemeForm(t.value().name(), t.value().description(), t.version());
        }

        RoadmapInputs.ThemeInput input() {
            return new RoadmapInputs.ThemeInput(name, description);
        }
    }

    public record ObjectiveForm(String title, String metric, String unit, String direction, String baseline, String target,
            String current, String due, Integer version) {

        public static ObjectiveForm empty() {
            return new ObjectiveForm("", "", "%", "INCREASE", "", "", "", "", null);
        }

        public static ObjectiveForm of(Stored<Objective> s) {
            Objective o = s.value();
            return new ObjectiveForm(o.title(), o.metric(), o.unit(), o.direction().name(), plain(o.baseline()), plain(o.target()),
                    plain(o.current()), o.due() == null ? "" : o.due().toString(), s.version());
        }

        RoadmapInputs.ObjectiveInput input(FormBinder form) {
            return new RoadmapInputs.ObjectiveInput(title, metric, unit, form.field("direction").choice(Direction.class, FROM_LIST),
                    form.field("baseline").decimal(), form.field("target").decimal(), form.field("current").decimal(),
                    form.field("due").date(DATE));
        }
    }

    public record InitiativeForm(String title, String description, String themeId, List<Long> objectiveIds, String horizon,
            String stage, String team, String effortLow, String effortHigh, String confidence, String quarter, String startDate,
            String endDate, String visibility, String linkKind, String linkRef, String linkLabel, String reach, String impact,
            String iceImpact, String iceConfidence, String iceEase, String businessValue, String timeCriticality,
            String riskReduction, String jobSize, String value, Integer version, String link) {

        public InitiativeForm {
            objectiveIds = objectiveIds == null ? List.of() : objectiveIds;
        }

        /**
         * The link picker's choice ("DIFFERENTIATOR:12", "PROBLEM_STATEMENT:34", or "" for none) when the
         * page sent one; it stands for linkKind and linkRef. Roadmaps stores the chosen text as the label.
         */
        private boolean picked() {
            return link != null;
        }

        public static InitiativeForm empty(String horizon) {
            return new InitiativeForm("", "", "", List.of(), horizon == null ? "NEXT" : horizon, "IDEA", "", "", "", "70", "", "", "",
                    "INTERNAL", "", "", "", "", "", "", "", "", "", "", "", "", "", null, "");
        }

        public static InitiativeForm of(Stored<Initiative> s) {
            Initiative i = s.value();
            ScoreInputs sc = i.scores();
            return new InitiativeForm(i.title(), i.description(), i.themeId() == null ? "" : i.themeId().toString(), i.objectiveIds(),
                    i.horizon().name(), i.stage().name(), i.team(), plain(i.effort().low()), plain(i.effort().high()),
                    String.valueOf(i.confidence()), i.quarter() == null ? "" : i.quarter().toString(),
                    i.startDate() == null ? "" : i.startDate().toString(), i.endDate() == null ? "" : i.endDate().toString(),
                    i.visibility().name(), i.link() == null ? "" : i.link().kind().name(),
                    i.link() == null ? "" : String.valueOf(i.link().referenceId()), i.link() == null ? "" : i.link().label(),
                    plain(sc.reach()), plain(sc.impact()), str(sc.iceImpact()), str(sc.iceConfidence()), str(sc.iceEase()),
                    str(sc.businessValue()), str(sc.timeCriticality()), str(sc.riskReduction()), str(sc.jobSize()), str(sc.value()),
                    s.version(), i.link() == null ? "" : i.link().kind().name() + ":" + i.link().referenceId());
        }

        RoadmapInputs.InitiativeInput input(FormBinder form) {
            ScoreInputs scores = new ScoreInputs(form.field("reach").decimal(), form.field("impact").decimal(),
                    form.field("iceImpact").whole(), form.field("iceConfidence").whole(), form.field("iceEase").whole(),
                    form.field("businessValue").whole(), form.field("timeCriticality").whole(), form.field("riskReduction").whole(),
                    form.field("jobSize").whole(), form.field("value").whole());
            return new RoadmapInputs.InitiativeInput(title, description, form.field("themeId").id(FROM_LIST), objectiveIds,
                    form.field("horizon").choice(Horizon.class, FROM_LIST), form.field("stage").choice(Stage.class, FROM_LIST), team,
                    form.field("effortLow").decimal(), form.field("effortHigh").decimal(), form.field("confidence").whole(),
                    quarter, form.field("startDate").date(DATE), form.field("endDate").date(DATE),
                    form.field("visibility").choice(Visibility.class, FROM_LIST),
                    picked() ? pickedKind(form) : form.field("linkKind").choice(LinkKind.class, FROM_LIST),
                    picked() ? pickedRef(form) : form.field("linkRef").id(FROM_LIST), linkLabel, scores);
        }

        public boolean hasObjective(long id) {
            return objectiveIds.contains(id);
        }

        /** The picker's current choice, for re-showing the form. */
        public String chosenLink() {
            if (picked()) {
                return link;
            }
            return linkKind == null || linkKind.isBlank() ? "" : linkKind + ":" + (linkRef == null ? "" : linkRef);
        }

        private LinkKind pickedKind(FormBinder form) {
            if (link.isBlank()) {
                return null;
            }
            int colon = link.indexOf(':');
            if (colon < 0) {
                form.problem("link", "choose one from the list");
                return null;
            }
            return form.field("link", link.substring(0, colon)).choice(LinkKind.class, FROM_LIST);
        }

        private Long pickedRef(FormBinder form) {
            int colon = link.indexOf(':');
            return link.isBlank() || colon < 0 ? null : form.field("link", link.substring(colon + 1)).id(FROM_LIST);
        }
    }

    public record DependencyForm(String requiredId, String externalKind, String externalName, String note) {

        public static DependencyForm empty() {
            return new DependencyForm("", "", "", "");
        }

        RoadmapInputs.DependencyInput input(long dependentId, FormBinder form) {
            return new RoadmapInputs.DependencyInput(dependentId, form.field("requiredId").id(FROM_LIST),
                    form.field("externalKind").choice(ExternalKind.class, FROM_LIST), externalName, note);
        }
    }

    public record RiskForm(String initiativeId, String title, String likelihood, String impact, String mitigation, String owner,
            Integer version) {

        public static RiskForm empty(Long initiativeId) {
            return new RiskForm(initiativeId == null ? "" : initiativeId.toString(), "", "3", "3", "", "", null);
        }

        public static RiskForm of(Stored<Risk> s) {
            Risk r = s.value();
            return new RiskForm(r.initiativeId() == null ? "" : r.initiativeId().toString(), r.title(), String.valueOf(r.likelihood()),
                    String.valueOf(r.impact()), r.mitigation(), r.owner(), s.version());
        }

        RoadmapInputs.RiskInput input(FormBinder form) {
            return new RoadmapInputs.RiskInput(form.field("initiativeId").id(FROM_LIST), title, form.field("likelihood").whole(),
                    form.field("impact").whole(), mitigation, owner);
        }
    }

    /**
     * A decision as typed. Who decided is a member ({@code decidedByUserId}) or a name ({@code decidedBy});
     * check boxes come as lists of ids, and {@code keyDecision} is present only when ticked.
     */
    public record DecisionForm(String title, String rationale, String decidedOn, String decidedByUserId, String decidedBy,
            String keyDecision, String visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds,
            Integer version) {

        public DecisionForm {
            initiativeIds = initiativeIds == null ? List.of() : initiativeIds;
            themeIds = themeIds == null ? List.of() : themeIds;
            objectiveIds = objectiveIds == null ? List.of() : objectiveIds;
        }

        /** A new decision, taken today by the person recording it, about the initiative given (if any). */
        public static DecisionForm empty(LocalDate today, Long decidedByUserId, Long initiativeId) {
            return new DecisionForm("", "", today.toString(), decidedByUserId == null ? "" : decidedByUserId.toString(), "", null,
                    "INTERNAL", initiativeId == null ? List.of() : List.of(initiativeId), List.of(), List.of(), null);
        }

        public static DecisionForm of(Stored<Decision> s) {
            Decision d = s.value();
            return new DecisionForm(d.title(), d.rationale(), d.decidedOn().toString(),
                    d.decidedByUserId() == null ? "" : d.decidedByUserId().toString(), d.decidedByUserId() == null ? d.decidedBy() : "",
                    d.keyDecision() ? "true" : null, d.visibility().name(), d.initiativeIds(), d.themeIds(), d.objectiveIds(),
                    s.version());
        }

        public boolean key() {
            return "true".equals(keyDecision) || "on".equals(keyDecision);
        }

        RoadmapInputs.DecisionInput input(FormBinder form) {
            return new RoadmapInputs.DecisionInput(title, rationale, form.field("decidedOn").date(DATE), decidedBy,
                    form.field("decidedByUserId").id(FROM_LIST), key(), form.field("visibility").choice(Visibility.class, FROM_LIST),
                    initiativeIds, themeIds, objectiveIds);
        }
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }
}
