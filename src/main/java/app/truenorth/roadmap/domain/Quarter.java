package app.truenorth.roadmap.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as 2026-Q3, the coarse way to say when something should land. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("^\\s*(\\d{4})\\s*-?\\s*[Qq]([1-4])\\s*$");

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4");
        }
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("year out of range");
        }
    }

    /** Reads "2026-Q3" (or "2026Q3", "2026 q3"); empty for anything else. */
    public static Optional<Quarter> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
