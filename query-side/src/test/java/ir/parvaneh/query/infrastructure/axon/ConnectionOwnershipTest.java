package ir.parvaneh.query.infrastructure.axon;

import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection Axon takes inside a unit of work is returned to the pool once, by the Spring transaction that owns it.
 * Axon's default provider (its unit-of-work wrapper around Spring's) closed it a second time at the unit of work's
 * clean-up, after the transaction had already returned it: by then the pool may have lent it to another thread, and
 * HikariCP's close of a closed proxy still clears the statement list it shares with that thread's (on the command
 * side, under load, one request in 30,000 failed with an {@code ArrayIndexOutOfBoundsException} in HikariCP's
 * {@code FastList}; here processors' batches and requests share the pool the same way). Here the other borrower is this thread, in the unit of work's after-commit phase:
 * it prepares a statement on the same pooled connection, and the pool must still close that statement for it.
 */
@QuerySideIntegrationTest
class ConnectionOwnershipTest {

    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DataSource dataSource;

    @Test
    void aConnectionTakenInAUnitOfWorkIsReturnedOnceSoItsNextBorrowerKeepsItsStatements() throws Exception {
        AtomicReference<PGConnection> usedInTheUnitOfWork = new AtomicReference<>();
        AtomicReference<Connection> nextBorrower = new AtomicReference<>();
        AtomicReference<PreparedStatement> nextBorrowersStatement = new AtomicReference<>();
        List<Connection> others = new ArrayList<>();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("an event"));
        Transaction transaction = transactionManager.startTransaction();   // as a processor's batch does
        unitOfWork.onCommit(u -> transaction.commit());
        unitOfWork.onRollback(u -> transaction.rollback());
        try (Connection connection = connectionProvider.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1");
             ResultSet one = select.executeQuery()) {
            assertThat(one.next()).isTrue();
            usedInTheUnitOfWork.set(connection.unwrap(PGConnection.class));
        }
        unitOfWork.afterCommit(u -> {
            try {
                // The transaction has returned the connection: borrow until the pool lends that one again.
                for (int attempt = 0; attempt < 20 && nextBorrower.get() == null; attempt++) {
                    Connection borrowed = dataSource.getConnection();
                    if (borrowed.unwrap(PGConnection.class) == usedInTheUnitOfWork.get()) {
                        nextBorrower.set(borrowed);
                        nextBorrowersStatement.set(borrowed.prepareStatement("SELECT 2"));
                    } else {
                        others.add(borrowed);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        unitOfWork.commit();
        for (Connection other : others) {
            other.close();
        }

        assertThat(nextBorrower.get()).as("the pool lent the unit of work's connection again").isNotNull();
        assertThat(nextBorrowersStatement.get().isClosed()).isFalse();
        nextBorrower.get().close();
        assertThat(nextBorrowersStatement.get().isClosed())
                .as("the pool closed the next borrower's open statement with its connection")
                .isTrue();
    }
}
