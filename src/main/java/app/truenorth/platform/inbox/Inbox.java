package app.truenorth.platform.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The in-app inbox: notifications for one person, unread until they read them. Modules add them
 * where the thing worth telling happens, in that transaction; the person sees them at {@code /inbox}
 * (a fragment the shell can show, with the unread count at {@code /inbox/unread}). Every read and
 * change is scoped to one person: another person's notification is "not found".
 *
 * <pre>{@code
 * inbox.notify(owner.userId(), "escalation", "Atlas Fleet: an escalation needs you",
 *         "Team Atlas is blocked on the telematics vendor.", "/products/12/execution");
 * }</pre>
 */
@Component
public class Inbox {

    private static final String COLUMNS = "select id, kind, title, body, link, created_at, read_at from inbox_notification";
    private static final RowMapper<Notification> ROW = (rs, i) -> new Notification(rs.getLong("id"), rs.getString("kind"),
            rs.getString("title"), rs.getString("body"), rs.getString("link"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("read_at") != null);

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One notification.
     *
     * @param link a path of this application to open, or null
     */
    public record Notification(long id, String kind, String title, String body, String link, Instant createdAt,
            boolean read) {
    }

    /**
     * Adds a notification for {@code userId} (in the caller's transaction); returns its id.
     *
     * @param kind what sort it is, for filtering and icons later, e.g. {@code "escalation"} (1 to 100 characters)
     * @param title one line, 1 to 300 characters
     * @param body up to 2,000 characters, or null
     * @param link a path of this application ({@code /products/12/execution}), or null
     * @throws IllegalArgumentException for values that do not fit, or a link that leaves the application
     */
    public long notify(long userId, String kind, String title, String body, String link) {
        if (kind == null || kind.isBlank() || kind.length() > 100) {
            throw new IllegalArgumentException("A kind has 1 to 100 characters");
        }
        if (title == null || title.isBlank() || title.length() > 300 || title.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A title is one line of 1 to 300 characters");
        }
        if (body != null && body.length() > 2000) {
            throw new IllegalArgumentException("A body has at most 2,000 characters");
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 1000 || link.indexOf('\\') >= 0)) {
            throw new IllegalArgumentException("A link is a path of this application, starting with a single '/'");
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into inbox_notification (user_id, kind, title, body, link, created_at)
                values (:user, :kind, :title, :body, :link, :now)""")
                .param("user", userId).param("kind", kind).param("title", title).param("body", body)
                .param("link", link).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** How many of {@code userId}'s notifications are unread. */
    public int unread(long userId) {
        return jdbc.sql("select count(*) from inbox_notification where user_id = :user and read_at is null")
                .param("user", userId).query(Integer.class).single();
    }

    /** {@code userId}'s latest notifications, newest first, at most {@code limit}. */
    public List<Notification> latest(long userId, int limit) {
        return jdbc.sql(COLUMNS + " where user_id = :user order by id desc limit :limit")
                .param("user", userId).param("limit", Math.max(1, Math.min(limit, 200)))
                .query(ROW)
                .list();
    }

    /** One of {@code userId}'s notifications; null when there is none with that id for them. */
    public Notification find(long userId, long id) {
        return jdbc.sql(COLUMNS + " where user_id = :user and id = :id").param("user", userId).param("id", id)
                .query(ROW).optional().orElse(null);
    }

    /** Marks one of {@code userId}'s notifications read; false when they have none with that id. */
    public boolean markRead(long userId, long id) {
        int changed = jdbc.sql("""
                update inbox_notification set read_at = coalesce(read_at, :now) where id = :id and user_id = :user""")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id).param("user", userId)
                .update();
        return changed == 1;
    }

    /** Marks all of {@code userId}'s notifications read; returns how many were unread. */
    public int markAllRead(long userId) {
        return jdbc.sql("update inbox_notification set read_at = :now where user_id = :user and read_at is null")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("user", userId).update();
    }
}
