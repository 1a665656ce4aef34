package app.truenorth.transfer;

import app.truenorth.health.AntiGoals;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.Decisions.BulkDecisionOutcome;
import app.truenorth.roadmap.RoadmapInputs.BulkDecision;
import app.truenorth.roadmap.RoadmapInputs.BulkInitiative;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.BulkInitiatives;
import app.truenorth.roadmap.BulkInitiatives.BulkOutcome;
import app.truenorth.roadmap.BulkRejection;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded file, checks every row against the roadmap's own rules and reports row by row; writes
 * only when asked and only when nothing is refused (or the person chose to skip the refused rows). The
 * write is one transaction: {@link BulkInitiatives#add}, then, for a TrueNorth roadmap file,
 * {@link Decisions#addDecisions} and the health module's {@link AntiGoals#merge} join it, so a bad row in
 * the middle leaves the roadmap untouched.
 */
@Service
public class Imports {

    /** Rows shown in a preview; the rejected rows are always listed in full. */
    static final int PREVIEW_ROWS = 200;

    private final WorkspaceAccess access;
    private final BulkInitiatives initiatives;
    private final Decisions decisions;
    private final AntiGoals antiGoals;
    private final JsonMapper json;
    private final Clock clock;

    Imports(WorkspaceAccess access, BulkInitiatives initiatives, Decisions decisions, AntiGoals antiGoals, JsonMapper json, Clock clock) {
        this.access = access;
        this.initiatives = initiatives;
        this.decisions = decisions;
        this.antiGoals = antiGoals;
        this.json = json;
        this.clock = clock;
    }

    public record RowReport(int line, String key, String title, String theme, String horizon, String stage, String status,
            List<ParsedRow.Problem> problems, String note) {

        public boolean isRejected() {
            return status.equals(ParsedRow.Status.REJECTED.name());
        }

        public String reasons() {
            return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
        }
    }

    /**
     * @param rows         rows of the file: initiatives, and decisions (TrueNorth files)
     * @param ready        initiatives that pass every rule
     * @param decisions    decisions that pass every rule (TrueNorth files)
     * @param written      true only when the initiatives (and decisions) were stored
     * @param preview      the first rows of the file, whatever their status
     * @param rejectedRows every refused row with its line and reasons
     * @param newAntiGoals anti-goals of a TrueNorth roadmap file that the roadmap does not list yet
     * @param warnings     what the file holds that is not applied as written (a retired field), with its line
     */
    public record Report(String format, int rows, int ready, int decisions, int skipped, int rejected, List<String> newThemes,
            boolean written, boolean skipRejected, List<RowReport> preview, List<RowReport> rejectedRows, List<String> newAntiGoals,
            List<String> warnings) {

        public String summary() {
            List<String> parts = new ArrayList<>(List.of(ready + " initiative" + (ready == 1 ? "" : "s")));
            if (!newThemes.isEmpty()) {
                parts.add(newThemes.size() + " new theme" + (newThemes.size() == 1 ? "" : "s"));
            }
            if (decisions > 0) {
                parts.add(decisions + " decision" + (decisions == 1 ? "" : "s"));
            }
            if (!newAntiGoals.isEmpty()) {
                parts.add(newAntiGoals.size() + " new anti-goal" + (newAntiGoals.size() == 1 ? "" : "s"));
            }
            String what = parts.size() == 1 ? parts.getFirst()
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
            if (written) {
                return "Imported " + what + (rejected > 0 ? ", skipping " + rejected + " rejected rows" : "") + ".";
            }
            return rejected > 0 && !skipRejected
                    ? rejected + " of " + rows + " rows are rejected, so nothing was written. Fix them, or import the other "
                            + ready + " and skip them."
                    : "Dry run: importing would add " + what + (rejected > 0 ? ", skipping " + rejected + " rejected rows" : "")
                            + ". Nothing has been written yet.";
        }
    }

    /**
     * Checks the file and, with {@code write}, imports it.
     *
     * @throws InvalidInputException (field "file") when the file as a whole cannot be read as the format
     */
    @Transactional // the initiatives, the decisions that name them and the anti-goals are stored together or not at all
    public Report run(long productId, ImportFormat format, String text, boolean write, boolean skipRejected,
            IntConsumer progress) {
        access.product(productId, Permission.EDIT); // before reading the file: other workspaces learn nothing from errors
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("file", "The file is empty.");
        }
        List<ParsedRow> rows = parse(format, text);
        List<RoadmapJson.AntiGoalEntry> goals = format == ImportFormat.TRUENORTH_JSON ? RoadmapJson.antiGoals(text, json) : List.of();
        List<RoadmapJson.DecisionRow> decisionRows = format == ImportFormat.TRUENORTH_JSON ? RoadmapJson.decisions(text, json) : List.of();
        if (rows.isEmpty() && decisionRows.isEmpty() && goals.isEmpty()) {
            throw new InvalidInputException("file", "The file has a header but no rows to import.");
        }
        List<BulkInitiative> bulk = new ArrayList<>();
        boolean refusedWhileReading = false;
        for (ParsedRow row : rows) {
            if (row.status() == ParsedRow.Status.READY) {
                bulk.add(new BulkInitiative(row.line(), row.theme(), row.input()));
            } else if (row.status() == ParsedRow.Status.REJECTED) {
                refusedWhileReading = true;
            }
        }
        // the file's anti-goals are checked like its rows: a refused one blocks the write unless refusals are skipped
        List<String> goalTexts = goals.stream().map(g -> g.text() == null ? "" : g.text()).toList();
        AntiGoals.Merge goalCheck = goals.isEmpty() ? new AntiGoals.Merge(List.of(), Map.of())
                : antiGoals.merge(productId, goalTexts, false, format.label());
        List<RowReport> refusedGoals = new ArrayList<>();
        goalCheck.problems().forEach((index, message) -> refusedGoals.add(new RowReport(goals.get(index).line(), "",
                goals.get(index).text() == null ? "" : goals.get(index).text(), "", "", "", ParsedRow.Status.REJECTED.name(),
                List.of(new ParsedRow.Problem("antiGoals", goals.get(index).text() == null ? "must be text" : message)),
                "an anti-goal of the file")));
        refusedWhileReading |= !refusedGoals.isEmpty();
        List<ThemeInput> themes = format == ImportFormat.TRUENORTH_JSON ? RoadmapJson.themes(text, json) : List.of();
        // the file lists decisions latest first; stored oldest first, the log reads in the file's order
        List<BulkDecision> bulkDecisions = new ArrayList<>(decisionRows.stream().filter(d -> d.decision() != null)
                .map(RoadmapJson.DecisionRow::decision).toList()).reversed();
        boolean decisionRefusedWhileReading = decisionRows.stream().anyMatch(d -> d.decision() == null);
        // decisions are checked before anything is written, against the roadmap and the file's own initiatives and themes
        List<String> fileThemes = new ArrayList<>(themes.stream().map(ThemeInput::name).toList());
        bulk.stream().map(BulkInitiative::themeName).filter(t -> t != null).forEach(fileThemes::add);
        BulkDecisionOutcome checked = bulkDecisions.isEmpty() ? null : decisions.addDecisions(productId, bulkDecisions,
                bulk.stream().map(b -> b.input().title()).filter(t -> t != null).toList(), fileThemes, false, format.label());
        boolean decisionsRefused = decisionRefusedWhileReading || (checked != null && !checked.rejected().isEmpty());
        boolean allowed = write && (skipRejected || (!refusedWhileReading && !decisionsRefused));
        BulkOutcome outcome = initiatives.add(productId, themes, bulk, allowed, skipRejected, format.label(), progress);
        if (outcome.written() && !goalCheck.added().isEmpty()) {
            antiGoals.merge(productId, goalTexts, true, format.label());
        }
        BulkDecisionOutcome decided = checked;
        if (checked != null && outcome.written()) {
            decided = decisions.addDecisions(productId, bulkDecisions, List.of(), List.of(), true, format.label());
        }

        Map<Integer, List<ParsedRow.Problem>> refusedByRules = new HashMap<>();
        for (BulkRejection r : outcome.rejected()) {
            refusedByRules.computeIfAbsent(r.line(), l -> new ArrayList<>()).add(new ParsedRow.Problem(r.field(), r.message()));
        }
        List<RowReport> preview = new ArrayList<>();
        List<RowReport> rejected = new ArrayList<>();
        int ready = 0;
        int skipped = 0;
        for (ParsedRow row : rows) {
            RowReport report = report(row, refusedByRules.get(row.line()));
            switch (ParsedRow.Status.valueOf(report.status())) {
                case READY -> ready++;
                case SKIPPED -> skipped++;
                case REJECTED -> rejected.add(report);
            }
            if (preview.size() < PREVIEW_ROWS) {
                preview.add(report);
            }
        }
        Map<Integer, List<ParsedRow.Problem>> decisionProblems = new HashMap<>();
        if (decided != null) {
            for (BulkRejection r : decided.rejected()) {
                decisionProblems.computeIfAbsent(r.line(), l -> new ArrayList<>()).add(new ParsedRow.Problem(r.field(), r.message()));
            }
        }
        int decisionsReady = 0;
        for (RoadmapJson.DecisionRow row : decisionRows) {
            List<ParsedRow.Problem> problems = row.decision() == null ? row.problems() : decisionProblems.get(row.line());
            String note = decided == null ? "" : decided.notes().getOrDefault(row.line(), "");
            RowReport report = new RowReport(row.line(), "", row.title(), "", "", "",
                    (problems == null ? ParsedRow.Status.READY : ParsedRow.Status.REJECTED).name(),
                    problems == null ? List.of() : problems, "decision" + (note.isEmpty() ? "" : "; " + note));
            if (report.isRejected()) {
                rejected.add(report);
            } else {
                decisionsReady++;
            }
            if (preview.size() < PREVIEW_ROWS) {
                preview.add(report);
            }
        }
        List<ParsedRow.Problem> themeProblems = refusedByRules.get(0); // declared themes (TrueNorth JSON) have no row
        if (themeProblems != null) {
            rejected.addFirst(new RowReport(0, "", "themes", "", "", "", ParsedRow.Status.REJECTED.name(), themeProblems,
                    "the file's list of themes"));
        }
        rejected.addAll(0, refusedGoals);
        return new Report(format.code(), rows.size() + decisionRows.size(), ready, decisionsReady, skipped, rejected.size(),
                outcome.newThemes(), outcome.written(), skipRejected, preview, rejected, goalCheck.added(),
                format == ImportFormat.TRUENORTH_JSON ? RoadmapJson.warnings(text, json) : List.of());
    }

    private static RowReport report(ParsedRow row, List<ParsedRow.Problem> refused) {
        var input = row.input();
        String horizon = input == null || input.horizon() == null ? "" : input.horizon().label();
        String stage = input == null || input.stage() == null ? "" : input.stage().label();
        if (refused != null && row.status() == ParsedRow.Status.READY) {
            return new RowReport(row.line(), row.key(), row.title(), nullToEmpty(row.theme()), horizon, stage,
                    ParsedRow.Status.REJECTED.name(), refused, row.note());
        }
        return new RowReport(row.line(), row.key(), row.title(), nullToEmpty(row.theme()), horizon, stage, row.status().name(),
                row.problems(), row.note());
    }

    private List<ParsedRow> parse(ImportFormat format, String text) {
        LocalDate today = LocalDate.now(clock);
        return switch (format) {
            case JIRA_CSV -> JiraCsv.parse(text, today);
            case LINEAR_CSV -> LinearCsv.parse(text, today);
            case ROADMUNK_CSV -> RoadmunkCsv.parse(text, today);
            case TRUENORTH_JSON -> RoadmapJson.parse(text, json);
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
