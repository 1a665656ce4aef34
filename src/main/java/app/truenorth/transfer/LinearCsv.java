package app.truenorth.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Linear's CSV export. Each issue becomes an initiative; its Project is the theme (else its first
 * label), its Team the team. Cancelled and duplicate issues are skipped: they are decisions not to do the work.
 */
final class LinearCsv {

    private static final Set<String> DROPPED = Set.of("canceled", "cancelled", "duplicate");

    private LinearCsv() {
    }

    static List<ParsedRow> parse(String text, LocalDate today) {
        CsvTable csv = CsvTable.read(text);
        int title = csv.requireColumn("Linear export", "Title");
        int id = csv.column("ID");
        int description = csv.column("Description");
        int status = csv.column("Status");
        int estimate = csv.column("Estimate");
        int team = csv.column("Team");
        int project = csv.column("Project");
        int labels = csv.column("Labels");
        int due = csv.column("Due Date");
        List<ParsedRow> rows = new ArrayList<>(csv.rows().size());
        for (CsvTable.Row row : csv.rows()) {
            CSVRecord r = row.record();
            String state = CsvTable.cell(r, status);
            if (DROPPED.contains(state.toLowerCase(Locale.ROOT))) {
                rows.add(ParsedRow.skipped(row.line(), CsvTable.cell(r, id), CsvTable.cell(r, title),
                        "a " + state.toLowerCase(Locale.ROOT) + " issue is not work on the roadmap"));
                continue;
            }
            String theme = CsvTable.cell(r, project);
            if (theme.isEmpty()) {
                theme = Arrays.stream(CsvTable.cell(r, labels).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .findFirst().orElse("");
            }
            rows.add(TrackerRows.issue(row.line(), CsvTable.cell(r, id), CsvTable.cell(r, title), CsvTable.cell(r, description),
                    theme, CsvTable.cell(r, team), state, CsvTable.cell(r, estimate), "Estimate", CsvTable.cell(r, due), "Due Date",
                    "Linear", today));
        }
        return rows;
    }
}
