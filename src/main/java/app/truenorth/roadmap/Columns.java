package app.truenorth.roadmap;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns a table's INSERT and UPDATE fill, each from the named parameter of the same name. A table
 * lists them once, and its statements are made from that list, so a new column cannot be written in one
 * statement and forgotten in another.
 */
record Columns(List<String> names) {

    static Columns of(String... names) {
        return new Columns(List.of(names));
    }

    /** "a, b, c" */
    String list() {
        return String.join(", ", names);
    }

    /** ":a, :b, :c" */
    String parameters() {
        return names.stream().map(n -> ":" + n).collect(Collectors.joining(", "));
    }

    /** "a = :a, b = :b, c = :c" */
    String assignments() {
        return names.stream().map(n -> n + " = :" + n).collect(Collectors.joining(", "));
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Long id(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
