package app.truenorth.transfer;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * Roadmunk's (Tempo's) item CSV: Items, Description, Start Date, End Date, Bucket, and optionally Theme and
 * Team. An item is either dated or in a bucket (Now, Next, Later), never both, as Roadmunk itself insists.
 * Dated items keep their dates and land in the horizon their start falls in.
 */
final class RoadmunkCsv {

    private RoadmunkCsv() {
    }

    static List<ParsedRow> parse(String text, LocalDate today) {
        CsvTable csv = CsvTable.read(text);
        int item = csv.requireColumn("Roadmunk export", "Items", "Item");
        int description = csv.column("Description");
        int start = csv.column("Start Date");
        int end = csv.column("End Date");
        int bucket = csv.column("Bucket");
        int theme = csv.column("Theme");
        int team = csv.column("Team");
        List<ParsedRow> rows = new ArrayList<>(csv.rows().size());
        for (CsvTable.Row row : csv.rows()) {
            CSVRecord r = row.record();
            String title = CsvTable.cell(r, item);
            String startText = CsvTable.cell(r, start);
            String endText = CsvTable.cell(r, end);
            String bucketText = CsvTable.cell(r, bucket);
            List<ParsedRow.Problem> problems = new ArrayList<>();
            LocalDate from = date(startText, "Start Date", problems);
            LocalDate to = date(endText, "End Date", problems);
            boolean dated = !startText.isEmpty() || !endText.isEmpty();
            Horizon horizon = null;
            if (dated && !bucketText.isEmpty()) {
                problems.add(new ParsedRow.Problem("Bucket", "an item may not have both a bucket (" + bucketText
                        + ") and dates; clear one of them"));
            } else if (!bucketText.isEmpty()) {
                horizon = switch (bucketText.toLowerCase(Locale.ROOT)) {
                    case "now" -> Horizon.NOW;
                    case "next" -> Horizon.NEXT;
                    case "later", "future" -> Horizon.LATER;
                    default -> null;
                };
                if (horizon == null) {
                    problems.add(new ParsedRow.Problem("Bucket", "\"" + bucketText + "\" is not a bucket TrueNorth knows: use Now, Next or Later"));
                }
            }
            if (!problems.isEmpty()) {
                rows.add(ParsedRow.rejected(row.line(), "", title, problems));
                continue;
            }
            if (horizon == null) {
                horizon = from == null ? Horizon.LATER : Mapping.horizon(Stage.IDEA, from, today);
            }
            StringBuilder note = new StringBuilder();
            InitiativeInput input = new InitiativeInput(title, Mapping.shorten(CsvTable.cell(r, description), note), null, List.of(),
                    horizon, Stage.IDEA, CsvTable.cell(r, team), Mapping.UNESTIMATED_LOW, Mapping.UNESTIMATED_HIGH,
                    Mapping.UNESTIMATED_CONFIDENCE, null, from, to, Visibility.INTERNAL, null, null, null, null);
            String themeName = CsvTable.cell(r, theme);
            rows.add(ParsedRow.ready(row.line(), "", title, themeName.isEmpty() ? null : themeName, input, note.toString()));
        }
        return rows;
    }

    private static LocalDate date(String text, String column, List<ParsedRow.Problem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = Mapping.date(text).orElse(null);
        if (date == null) {
            problems.add(new ParsedRow.Problem(column, "\"" + text + "\" is not a date (expected e.g. 2025-07-14 or 7/14/2025)"));
        }
        return date;
    }
}
