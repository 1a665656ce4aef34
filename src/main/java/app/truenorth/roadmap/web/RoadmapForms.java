package app.truenorth.roadmap.web;

import app.truenorth.platform.InvalidInputException;
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
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page forms keep what the person typed as text, so a bad value comes back as typed with the message
 * beside it; they turn into the service's inputs only once every value parses.
 */
public final class RoadmapForms {

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

        RoadmapInputs.ObjectiveInput input() {
            Map<String, String> problems = new LinkedHashMap<>();
            var in = new RoadmapInputs.ObjectiveInput(title, metric, unit, parse(Direction.class, direction, "direction", problems),
                    decimal(baseline, "baseline", problems), decimal(target, "target", problems),
                    decimal(current, "current", problems), date(due, "due", problems));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return in;
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

        RoadmapInputs.InitiativeInput input() {
            Map<String, String> p = new LinkedHashMap<>();
            ScoreInputs scores = new ScoreInputs(decimal(reach, "reach", p), decimal(impact, "impact", p),
                    integer(iceImpact, "iceImpact", p), integer(iceConfidence, "iceConfidence", p), integer(iceEase, "iceEase", p),
                    integer(businessValue, "businessValue", p), integer(timeCriticality, "timeCriticality", p),
                    integer(riskReduction, "riskReduction", p), integer(jobSize, "jobSize", p), integer(value, "value", p));
            var in = new RoadmapInputs.InitiativeInput(title, description, longValue(themeId, "themeId", p), objectiveIds,
                    parse(Horizon.class, horizon, "horizon", p), parse(Stage.class, stage, "stage", p), team,
                    decimal(effortLow, "effortLow", p), decimal(effortHigh, "effortHigh", p), integer(confidence, "confidence", p),
                    quarter, date(startDate, "startDate", p), date(endDate, "endDate", p),
                    parse(Visibility.class, visibility, "visibility", p),
                    picked() ? pickedKind(p) : parse(LinkKind.class, linkKind, "linkKind", p),
                    picked() ? pickedRef(p) : longValue(linkRef, "linkRef", p), linkLabel, scores);
            if (!p.isEmpty()) {
                throw new InvalidInputException(p);
            }
            return in;
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

        private LinkKind pickedKind(Map<String, String> problems) {
            if (link.isBlank()) {
                return null;
            }
            int colon = link.indexOf(':');
            LinkKind kind = colon < 0 ? null : parse(LinkKind.class, link.substring(0, colon), "link", problems);
            if (colon < 0) {
                problems.put("link", "choose one from the list");
            }
            return kind;
        }

        private Long pickedRef(Map<String, String> problems) {
            int colon = link.indexOf(':');
            return link.isBlank() || colon < 0 ? null : longValue(link.substring(colon + 1), "link", problems);
        }
    }

    public record DependencyForm(String requiredId, String externalKind, String externalName, String note) {

        public static DependencyForm empty() {
            return new DependencyForm("", "", "", "");
        }

        RoadmapInputs.DependencyInput input(long dependentId) {
            Map<String, String> p = new LinkedHashMap<>();
            var in = new RoadmapInputs.DependencyInput(dependentId, longValue(requiredId, "requiredId", p),
                    parse(ExternalKind.class, externalKind, "externalKind", p), externalName, note);
            if (!p.isEmpty()) {
                throw new InvalidInputException(p);
            }
            return in;
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

        RoadmapInputs.RiskInput input() {
            Map<String, String> p = new LinkedHashMap<>();
            var in = new RoadmapInputs.RiskInput(longValue(initiativeId, "initiativeId", p), title, integer(likelihood, "likelihood", p),
                    integer(impact, "impact", p), mitigation, owner);
            if (!p.isEmpty()) {
                throw new InvalidInputException(p);
            }
            return in;
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

        RoadmapInputs.DecisionInput input() {
            Map<String, String> p = new LinkedHashMap<>();
            var in = new RoadmapInputs.DecisionInput(title, rationale, date(decidedOn, "decidedOn", p), decidedBy,
                    longValue(decidedByUserId, "decidedByUserId", p), key(), parse(Visibility.class, visibility, "visibility", p),
                    initiativeIds, themeIds, objectiveIds);
            if (!p.isEmpty()) {
                throw new InvalidInputException(p);
            }
            return in;
        }
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static BigDecimal decimal(String s, String field, Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(",", "."));
        } catch (NumberFormatException e) {
            problems.put(field, "must be a number");
            return null;
        }
    }

    static Integer integer(String s, String field, Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number");
            return null;
        }
    }

    static Long longValue(String s, String field, Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "must be chosen from the list");
            return null;
        }
    }

    static LocalDate date(String s, String field, Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            problems.put(field, "must be a date like 2026-07-01");
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String s, String field, Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(field, "must be chosen from the list");
            return null;
        }
    }
}
