package app.truenorth.transfer;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.RoadmapInputs.BulkInitiative;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Roadmaps.BulkOutcome;
import app.truenorth.roadmap.Roadmaps.BulkRejection;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded file, checks every row against the roadmap's own rules and reports row by row; writes
 * only when asked and only when nothing is refused (or the person chose to skip the refused rows). The
 * write is one transaction in {@link Roadmaps#addInitiatives}: a bad row in the middle leaves the roadmap untouched.
 */
@Service
public class Imports {

    /** Rows shown in a preview; the rejected rows are always listed in full. */
    static final int PREVIEW_ROWS = 200;

    private final WorkspaceAccess access;
    private final Roadmaps roadmaps;
    private final JsonMapper json;
    private final Clock clock;

    Imports(WorkspaceAccess access, Roadmaps roadmaps, JsonMapper json, Clock clock) {
        this.access = access;
        this.roadmaps = roadmaps;
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
     * @param written      true only when the initiatives were stored
     * @param preview      the first rows of the file, whatever their status
     * @param rejectedRows every refused row with its line and reasons
     */
    public record Report(String format, int rows, int ready, int skipped, int rejected, List<String> newThemes, boolean written,
            boolean skipRejected, List<RowReport> preview, List<RowReport> rejectedRows) {

        public String summary() {
            String what = ready + " initiative" + (ready == 1 ? "" : "s") + (newThemes.isEmpty() ? "" : " and "
                    + newThemes.size() + " new theme" + (newThemes.size() == 1 ? "" : "s"));
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
    public Report run(long productId, ImportFormat format, String text, boolean write, boolean skipRejected,
            IntConsumer progress) {
        access.product(productId, Permission.EDIT); // before reading the file: other workspaces learn nothing from errors
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("file", "The file is empty.");
        }
        List<ParsedRow> rows = parse(format, text);
        if (rows.isEmpty()) {
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
        boolean allowed = write && (skipRejected || !refusedWhileReading);
        List<ThemeInput> themes = format == ImportFormat.TRUENORTH_JSON ? RoadmapJson.themes(text, json) : List.of();
        BulkOutcome outcome = roadmaps.addInitiatives(productId, themes, bulk, allowed, skipRejected, format.label(), progress);

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
        List<ParsedRow.Problem> themeProblems = refusedByRules.get(0); // declared themes (TrueNorth JSON) have no row
        if (themeProblems != null) {
            rejected.addFirst(new RowReport(0, "", "themes", "", "", "", ParsedRow.Status.REJECTED.name(), themeProblems,
                    "the file's list of themes"));
        }
        return new Report(format.code(), rows.size(), ready, skipped, rejected.size(), outcome.newThemes(), outcome.written(),
                skipRejected, preview, rejected);
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
