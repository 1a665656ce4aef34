package app.truenorth.platform.security;

import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transactions Spring Session runs its SQL in. Writes (create, update, delete, cleanup) keep
 * Spring Session's default: a transaction of their own. Loading the session for a request is one
 * select, and Spring Session wraps it in a transaction of its own as well: on PostgreSQL that is an
 * extra COMMIT round trip on every signed-in request, and on either database a transaction begin and
 * commit for nothing (measured: docs/benchmarks.md). {@link #read(Supplier)} runs the load without
 * one; the select sees committed rows exactly as before, so a session ended or changed on another
 * node is seen as such. If the session turns out expired, Spring Session deletes it with a single
 * statement, which needs no transaction either.
 */
final class SessionTransactions implements TransactionOperations {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final TransactionOperations writes;

    SessionTransactions(PlatformTransactionManager transactions) {
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writes = template;
    }

    /** Runs a session load (Spring Session's findById) without a transaction of its own. */
    static <T> T read(Supplier<T> load) {
        if (READING.get() != null) {
            return load.get();
        }
        READING.set(Boolean.TRUE);
        try {
            return load.get();
        } finally {
            READING.remove();
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        return READING.get() != null ? TransactionOperations.withoutTransaction().execute(action) : writes.execute(action);
    }
}
