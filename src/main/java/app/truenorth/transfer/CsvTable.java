package app.truenorth.transfer;

import app.truenorth.platform.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read whole: the header (which may repeat a column, as Jira repeats Labels) and the rows,
 * each with the line it starts on, counted even when a quoted field spans several lines.
 */
final class CsvTable {

    record Row(int line, CSVRecord record) {
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel and Jira write a byte-order mark
        int[] lineStarts = lineStarts(body);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(format).get()) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.stream().map(h -> h == null ? "" : h.trim()).toList();
                    continue;
                }
                if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // a row of empty cells (a spreadsheet's trailing commas)
                }
                rows.add(new Row(lineOf(lineStarts, record.getCharacterPosition()), record));
            }
            if (header == null) {
                throw new InvalidInputException("file", "The file is empty: expected a header row and at least one row.");
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "This is not a readable CSV file: " + rootMessage(e));
        }
    }

    List<Row> rows() {
        return rows;
    }

    List<String> header() {
        return header;
    }

    /** Every column with this name (case and surrounding spaces ignored), in file order. */
    int[] columns(String... names) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            if (Arrays.stream(names).anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(h))) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    int column(String... names) {
        int[] all = columns(names);
        return all.length == 0 ? -1 : all[0];
    }

    int requireColumn(String what, String... names) {
        int index = column(names);
        if (index < 0) {
            throw new InvalidInputException("file", "The file has no \"" + names[0] + "\" column, so it is not a " + what
                    + ". Its columns are: " + String.join(", ", header) + ".");
        }
        return index;
    }

    static String cell(CSVRecord record, int column) {
        if (column < 0 || column >= record.size()) {
            return "";
        }
        String value = record.get(column);
        return value == null ? "" : value.trim();
    }

    /** Non-blank values of all these columns, in order. */
    static List<String> cells(CSVRecord record, int[] columns) {
        List<String> values = new ArrayList<>();
        for (int c : columns) {
            String v = cell(record, c);
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        return values;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
