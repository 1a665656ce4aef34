package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What callers (pages, API, demo data) send to change a roadmap; checked by {@link Roadmaps}. */
public final class RoadmapInputs {

    private RoadmapInputs() {
    }

    public record SettingsInput(ScoringMethod scoringMethod, int reviewCadenceDays) {
    }

    public record ThemeInput(String name, String description) {
    }

    public record ObjectiveInput(String title, String metric, String unit, Direction direction, BigDecimal baseline,
            BigDecimal target, BigDecimal current, LocalDate due) {
    }

    /**
     * @param quarter   "2026-Q3" or blank
     * @param linkKind  with linkRef and linkLabel, or all three empty
     */
    public record InitiativeInput(String title, String description, Long themeId, List<Long> objectiveIds, Horizon horizon,
            Stage stage, String team, BigDecimal effortLow, BigDecimal effortHigh, Integer confidence, String quarter,
            LocalDate startDate, LocalDate endDate, Visibility visibility, LinkKind linkKind, Long linkRef, String linkLabel,
            ScoreInputs scores) {
    }

    /** Either requiredId, or externalKind and externalName. */
    public record DependencyInput(Long dependentId, Long requiredId, ExternalKind externalKind, String externalName,
            String note) {
    }

    public record RiskInput(Long initiativeId, String title, Integer likelihood, Integer impact, String mitigation,
            String owner) {
    }

    /**
     * A decision for the log. Who decided is a member ({@code decidedByUserId}) or a name ({@code decidedBy},
     * "Leadership team"); with a member, the name may be left empty and is taken from the member.
     *
     * @param keyDecision null counts as false
     * @param visibility  null counts as {@link Visibility#INTERNAL}
     */
    public record DecisionInput(String title, String rationale, LocalDate decidedOn, String decidedBy, Long decidedByUserId,
            Boolean keyDecision, Visibility visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds) {
    }

    /**
     * A decision of a bulk write (imports, {@code truenorth push}): what it concerns is named rather than
     * referenced (initiative and objective titles, theme names), since the file's things get their ids only
     * when they are stored.
     */
    public record BulkDecision(int line, String title, String rationale, LocalDate decidedOn, String decidedBy,
            boolean keyDecision, Visibility visibility, List<String> initiatives, List<String> themes, List<String> objectives) {
    }

    /** One initiative of a bulk write: the caller's line number for error reports, and its theme by name. */
    public record BulkInitiative(int line, String themeName, InitiativeInput input) {
    }
}
