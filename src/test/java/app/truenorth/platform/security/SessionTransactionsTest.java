package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class SessionTransactionsTest {

    /** Records the transactions asked for and how they ended. */
    static final class RecordingTransactions extends AbstractPlatformTransactionManager {
        final List<String> log = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            log.add("begin " + definition.getPropagationBehavior());
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            log.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            log.add("rollback");
        }
    }

    private final RecordingTransactions manager = new RecordingTransactions();
    private final SessionTransactions transactions = new SessionTransactions(manager);

    @Test
    void sessionWritesRunInATransactionOfTheirOwn() {
        String result = transactions.execute(status -> "saved");

        assertThat(result).isEqualTo("saved");
        assertThat(manager.log).containsExactly("begin " + TransactionDefinition.PROPAGATION_REQUIRES_NEW, "commit");
    }

    @Test
    void aSessionLoadRunsWithoutATransaction() {
        String result = SessionTransactions.read(() -> transactions.execute(status -> "loaded"));

        assertThat(result).isEqualTo("loaded");
        assertThat(manager.log).isEmpty();
    }

    @Test
    void writesAfterALoadAreTransactionalAgainEvenWhenTheLoadFailed() {
        SessionTransactions.read(() -> transactions.execute(TransactionStatus::isNewTransaction));
        assertThatThrownBy(() -> SessionTransactions.read(() -> transactions.execute(status -> {
            throw new IllegalStateException("database gone");
        }))).isInstanceOf(IllegalStateException.class);

        transactions.execute(status -> "saved");
        assertThat(manager.log).containsExactly("begin " + TransactionDefinition.PROPAGATION_REQUIRES_NEW, "commit");
    }

    @Test
    void aWriteThatFailsIsRolledBack() {
        assertThatThrownBy(() -> transactions.execute(status -> {
            throw new IllegalStateException("constraint");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(manager.log).containsExactly("begin " + TransactionDefinition.PROPAGATION_REQUIRES_NEW, "rollback");
    }
}
