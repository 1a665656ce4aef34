package app.truenorth.platform.limit;

import app.truenorth.platform.schedule.ClusterScheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Limits how often something may happen per key, across every node: counters live in the database
 * and each attempt is one atomic conditional {@code UPDATE} (a row lock orders attempts on the same
 * key, on H2 and PostgreSQL alike), so 50 simultaneous attempts against a limit of 5 let exactly 5
 * through, whichever nodes they reach.
 *
 * <pre>{@code
 * if (!limiter.tryAcquire("share-comment:" + linkId + ":" + address, 5, Duration.ofMinutes(10))) {
 *     // 429, with Retry-After: limiter.retryAfter(Duration.ofMinutes(10)).toSeconds()
 * }
 * }</pre>
 *
 * <p>Windows are fixed and aligned to the epoch (a 10-minute window runs from :00 to :10, :10 to :20
 * ...), so a burst straddling a boundary can get up to twice the limit in one window's length; that is
 * the price of one row and one statement per attempt. An attempt counts whether or not the caller's
 * own transaction later commits. Keys longer than 300 characters are stored by their SHA-256.
 * Finished windows are deleted hourly.
 */
@Component
public class RateLimiter {

    private static final int MAX_KEY_LENGTH = 300;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    @Autowired
    RateLimiter(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, ClusterScheduler scheduler) {
        this(jdbc, clock, transactions);
        scheduler.schedule("rate-limit-purge", PURGE_EVERY, this::purge);
    }

    RateLimiter(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts one attempt for {@code key} and says whether it is within {@code limit} attempts in the
     * current {@code window}. A refused attempt is not counted.
     *
     * @param key what is limited, e.g. {@code "share-comment:" + linkId + ":" + address}
     * @param limit attempts allowed per window, at least 1
     * @param window at least one second, a whole number of seconds
     */
    public boolean tryAcquire(String key, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit allows at least one attempt");
        }
        OffsetDateTime end = windowEnd(clock.instant(), window);
        String stored = storedKey(key);
        Boolean allowed = ownTransaction.execute(status -> {
            if (count(stored, end, limit)) {
                return true;
            }
            int inserted = jdbc.sql("""
                    insert into rate_limit (limit_key, window_end, hits) values (:k, :end, 1)
                    on conflict do nothing""")
                    .param("k", stored).param("end", end).update();
            // 0: the row exists (full, or another attempt inserted it just now and it has room)
            return inserted == 1 || count(stored, end, limit);
        });
        return Boolean.TRUE.equals(allowed);
    }

    /** How long until the current window of this length ends: what a refused caller should wait. */
    public Duration retryAfter(Duration window) {
        Instant now = clock.instant();
        return Duration.between(now, windowEnd(now, window).toInstant());
    }

    /**
     * One step of the counter: a new window starts at 1, the current one counts on while below the
     * limit. A node whose clock is a little behind counts against the window already begun elsewhere.
     */
    private boolean count(String key, OffsetDateTime end, int limit) {
        return jdbc.sql("""
                update rate_limit
                set hits = case when window_end >= :end then hits + 1 else 1 end, window_end = greatest(window_end, :end)
                where limit_key = :k and (window_end < :end or hits < :limit)""")
                .param("end", end).param("k", key).param("limit", limit).update() == 1;
    }

    void purge() {
        jdbc.sql("delete from rate_limit where window_end < :now")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    static OffsetDateTime windowEnd(Instant now, Duration window) {
        long seconds = window.getSeconds();
        if (seconds < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException("A window is a whole number of seconds, at least one");
        }
        long end = Math.floorDiv(now.getEpochSecond(), seconds) * seconds + seconds;
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(end), ZoneOffset.UTC);
    }

    private static String storedKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A rate limit needs a key");
        }
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
