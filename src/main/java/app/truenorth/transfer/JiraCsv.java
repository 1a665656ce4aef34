package app.truenorth.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Jira's "Export → CSV (all fields)". Issues of type Initiative or Theme become themes; sub-tasks are
 * skipped (they are part of their parent's work); every other issue becomes an initiative whose theme
 * is its nearest Initiative/Theme ancestor through Parent, else its first label.
 */
final class JiraCsv {

    private static final Set<String> THEME_TYPES = Set.of("initiative", "theme");
    private static final Set<String> SUBTASK_TYPES = Set.of("sub-task", "subtask");

    private JiraCsv() {
    }

    static List<ParsedRow> parse(String text, LocalDate today) {
        CsvTable csv = CsvTable.read(text);
        int summary = csv.requireColumn("Jira export", "Summary");
        int key = csv.column("Issue key");
        int id = csv.column("Issue id");
        int type = csv.column("Issue Type");
        int status = csv.column("Status");
        int[] labels = csv.columns("Labels");
        int parent = csv.column("Parent", "Parent id", "Parent key");
        int due = csv.column("Due date", "Due Date");
        int[] fixVersions = csv.columns("Fix versions", "Fix Version/s");
        int description = csv.column("Description");
        int points = csv.column("Custom field (Story Points)", "Custom field (Story point estimate)", "Story Points");
        int[] teams = csv.columns("Team", "Custom field (Team)", "Component/s", "Components");
        String pointsName = points < 0 ? "Story Points" : csv.header().get(points);

        // first pass: who is whose parent, and which issues are themes, so a child may come before its parent
        Map<String, CSVRecord> byRef = new HashMap<>();
        for (CsvTable.Row row : csv.rows()) {
            for (int c : new int[] {key, id}) {
                String ref = CsvTable.cell(row.record(), c);
                if (!ref.isEmpty()) {
                    byRef.put(ref.toUpperCase(Locale.ROOT), row.record());
                }
            }
        }
        List<ParsedRow> rows = new ArrayList<>(csv.rows().size());
        for (CsvTable.Row row : csv.rows()) {
            CSVRecord r = row.record();
            String issueKey = CsvTable.cell(r, key);
            String title = CsvTable.cell(r, summary);
            String issueType = CsvTable.cell(r, type).toLowerCase(Locale.ROOT);
            if (THEME_TYPES.contains(issueType)) {
                rows.add(ParsedRow.skipped(row.line(), issueKey, title, "an " + CsvTable.cell(r, type)
                        + " becomes the theme \"" + title + "\" of its children"));
                continue;
            }
            if (SUBTASK_TYPES.contains(issueType)) {
                rows.add(ParsedRow.skipped(row.line(), issueKey, title, "a sub-task is part of its parent's work"));
                continue;
            }
            String theme = themeOf(r, parent, summary, type, byRef);
            if (theme.isEmpty()) {
                List<String> l = CsvTable.cells(r, labels);
                theme = l.isEmpty() ? "" : l.getFirst();
            }
            List<String> versions = CsvTable.cells(r, fixVersions);
            String body = CsvTable.cell(r, description);
            if (!versions.isEmpty()) {
                body = "Fix versions: " + String.join(", ", versions) + (body.isEmpty() ? "" : "\n\n" + body);
            }
            List<String> team = CsvTable.cells(r, teams);
            rows.add(TrackerRows.issue(row.line(), issueKey, title, body, theme, team.isEmpty() ? "" : team.getFirst(),
                    CsvTable.cell(r, status), CsvTable.cell(r, points), pointsName, CsvTable.cell(r, due), "Due date", "Jira",
                    today));
        }
        return rows;
    }

    private static String themeOf(CSVRecord record, int parent, int summary, int type, Map<String, CSVRecord> byRef) {
        Set<CSVRecord> seen = new HashSet<>();
        CSVRecord current = record;
        while (seen.add(current)) { // a parent loop in a hand-edited file must not loop forever
            String ref = CsvTable.cell(current, parent).toUpperCase(Locale.ROOT);
            CSVRecord up = ref.isEmpty() ? null : byRef.get(ref);
            if (up == null) {
                return "";
            }
            if (THEME_TYPES.contains(CsvTable.cell(up, type).toLowerCase(Locale.ROOT))) {
                return CsvTable.cell(up, summary);
            }
            current = up;
        }
        return "";
    }
}
