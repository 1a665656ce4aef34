package app.truenorth.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. Failures are counted per account and per client address in the
 * database (so every node sees them); after {@value #FREE_ATTEMPTS} failures in a row a key is locked,
 * first for 30 seconds, doubling with each further failure up to 15 minutes. A success clears the
 * account's count.
 */
@Component
class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    /** An address may fail more often than an account: offices share one address. */
    static final int FREE_ATTEMPTS_PER_ADDRESS = 20;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Failures older than this no longer count. */
    private static final Duration WINDOW = Duration.ofHours(1);
    /** The length of login_throttle.throttle_key. */
    private static final int MAX_KEY_LENGTH = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the caller must still wait, if either key is locked. */
    Optional<Duration> lockedFor(String account, String address) {
        Instant now = clock.instant();
        return jdbc.sql("select max(locked_until) from login_throttle where throttle_key in (:a, :b)")
                .param("a", accountKey(account))
                .param("b", addressKey(address))
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String account, String address) {
        bump(accountKey(account), FREE_ATTEMPTS);
        if (address != null) {
            bump(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String account) {
        jdbc.sql("delete from login_throttle where throttle_key = :k").param("k", accountKey(account)).update();
    }

    private void bump(String key, int freeAttempts) {
        Instant now = clock.instant();
        var row = jdbc.sql("select failures, last_failure from login_throttle where throttle_key = :k")
                .param("k", key)
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class)})
                .optional();
        int failures = row.map(r -> {
            OffsetDateTime last = (OffsetDateTime) r[1];
            return last.toInstant().isBefore(now.minus(WINDOW)) ? 0 : (int) r[0];
        }).orElse(0) + 1;
        Instant lockedUntil = failures >= freeAttempts ? now.plus(lockDuration(failures - freeAttempts)) : null;
        OffsetDateTime nowTs = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime untilTs = lockedUntil == null ? null : OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC);
        int updated = jdbc.sql("update login_throttle set failures = :f, last_failure = :now, locked_until = :until "
                        + "where throttle_key = :k")
                .param("f", failures).param("now", nowTs).param("until", untilTs).param("k", key)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure, locked_until) "
                            + "values (:k, :f, :now, :until)")
                    .param("k", key).param("f", failures).param("now", nowTs).param("until", untilTs)
                    .update();
        }
    }

    static Duration lockDuration(int failuresBeyondFree) {
        int doublings = Math.min(failuresBeyondFree, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static String accountKey(String account) {
        return key("account:", account == null ? "" : account.trim().toLowerCase());
    }

    private static String addressKey(String address) {
        return key("address:", String.valueOf(address));
    }

    /**
     * Anyone can type anything into the sign-in form: a value too long for the key column is stored
     * by its SHA-256 instead, so an oversized name is throttled like any other rather than failing.
     */
    private static String key(String kind, String value) {
        if (kind.length() + value.length() <= MAX_KEY_LENGTH) {
            return kind + value;
        }
        return kind + "sha256:" + SecretHasher.hash(value);
    }
}
