package app.truenorth.transfer;

import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The decisions every tracker import shares, in one place so they read the same for each format:
 * how an issue's status becomes a stage, how its estimate becomes an effort range, when it sits in
 * Now, Next or Later, and which date spellings are understood. See docs/imports.md.
 */
final class Mapping {

    static final int DESCRIPTION_LIMIT = 4000;

    /** Effort and confidence given to an issue that carries no estimate: a wide range, low confidence. */
    static final BigDecimal UNESTIMATED_LOW = new BigDecimal("1");
    static final BigDecimal UNESTIMATED_HIGH = new BigDecimal("4");
    static final int UNESTIMATED_CONFIDENCE = 20;
    static final int ESTIMATED_CONFIDENCE = 50;

    private static final List<DateTimeFormatter> DATES = List.of(
            pattern("d/MMM/yy h:mm a"), pattern("d/MMM/yy"), pattern("d/MMM/yyyy h:mm a"), pattern("d/MMM/yyyy"),
            pattern("yyyy-MM-dd HH:mm"), pattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS][XXX]"), pattern("yyyy-MM-dd"),
            pattern("M/d/yyyy"), pattern("M/d/yyyy h:mm a"), pattern("d MMM yyyy"), pattern("MMM d, yyyy"));

    private Mapping() {
    }

    private static DateTimeFormatter pattern(String pattern) {
        // strict, so 30/Feb/25 is refused rather than quietly read as the 28th
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern.replace("y", "u"))
                .toFormatter(Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** The date in any spelling the trackers write ("14/Jul/25 3:42 PM", "2025-07-14", "7/14/2025"); empty if none fits. */
    static Optional<LocalDate> date(String text) {
        String value = text.trim();
        for (DateTimeFormatter f : DATES) {
            try {
                TemporalAccessor parsed = f.parse(value);
                return Optional.of(LocalDate.from(parsed));
            } catch (java.time.DateTimeException e) {
                // try the next spelling
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Stage from a tracker status; statuses nobody could map mean the work has not started. */
    static Stage stage(String status) {
        String s = status.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "in progress", "in development", "in review", "code review", "review", "testing", "in qa", "started",
                 "doing", "blocked" -> Stage.BUILDING;
            case "done", "closed", "resolved", "released", "shipped", "completed", "complete" -> Stage.RELEASED;
            case "selected for development", "ready", "ready for development", "discovery", "analysis", "design",
                 "refinement", "planned" -> Stage.DISCOVERY;
            default -> Stage.IDEA;
        };
    }

    /**
     * Horizon: work under way or done is Now; otherwise a due date in this quarter is Now, in the next
     * two quarters Next, later Later; undated work in discovery is Next and raw ideas are Later.
     */
    static Horizon horizon(Stage stage, LocalDate due, LocalDate today) {
        if (stage == Stage.BUILDING || stage == Stage.RELEASED || stage == Stage.MEASURED) {
            return Horizon.NOW;
        }
        if (due != null) {
            Quarter now = Quarter.of(today);
            Quarter then = Quarter.of(due);
            int distance = (then.year() - now.year()) * 4 + then.quarter() - now.quarter();
            return distance <= 0 ? Horizon.NOW : distance <= 2 ? Horizon.NEXT : Horizon.LATER;
        }
        return stage == Stage.DISCOVERY ? Horizon.NEXT : Horizon.LATER;
    }

    /** Story points as person-weeks (1 point ≈ 1 person-day, 5 to a week), as a range of -20 % / +25 %. */
    static BigDecimal[] effortFromPoints(BigDecimal points) {
        BigDecimal weeks = points.divide(BigDecimal.valueOf(5), 4, RoundingMode.HALF_UP);
        BigDecimal low = weeks.multiply(new BigDecimal("0.8")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal high = weeks.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP);
        if (high.signum() == 0) {
            high = new BigDecimal("0.20"); // a zero-point chore still takes someone about a day
        }
        return new BigDecimal[] {low, high};
    }

    /** Parses an estimate cell; empty when blank, an exception message when not a number. */
    static BigDecimal number(String text) {
        return new BigDecimal(text.trim().replace(',', '.'));
    }

    static String shorten(String description, StringBuilder note) {
        if (description.length() <= DESCRIPTION_LIMIT) {
            return description;
        }
        note.append("description shortened to ").append(DESCRIPTION_LIMIT).append(" characters; ");
        return description.substring(0, DESCRIPTION_LIMIT - 1) + "…";
    }
}
