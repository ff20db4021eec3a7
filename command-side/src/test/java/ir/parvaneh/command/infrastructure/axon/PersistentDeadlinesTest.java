package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static ir.parvaneh.command.jooq.command.Tables.SCHEDULED_TASKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines are kept in PostgreSQL (db-scheduler's table) rather than in memory, so that a restart loses
 * none and, with several command-side instances, each deadline is run by one of them.
 */
@CommandSideIntegrationTest
class PersistentDeadlinesTest {

    @Autowired
    DeadlineManager deadlines;
    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;

    @Test
    void aScheduledDeadlineIsARowInTheDatabaseUntilItIsCancelled() {
        assertThat(deadlines).isInstanceOf(DbSchedulerDeadlineManager.class);
        PermitApplicationId application = PermitApplicationId.random();
        Instant due = Instant.now(clock).plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);

        String deadlineId = deadlines.schedule(due, "test-deadline", "2026-12-29",
                new AggregateScopeDescriptor("PermitApplication", application.toString()));

        assertThat(dsl.fetchCount(SCHEDULED_TASKS, SCHEDULED_TASKS.TASK_INSTANCE.contains(deadlineId))).isEqualTo(1);
        assertThat(dsl.select(SCHEDULED_TASKS.EXECUTION_TIME).from(SCHEDULED_TASKS)
                .where(SCHEDULED_TASKS.TASK_INSTANCE.contains(deadlineId))
                .fetchOne(SCHEDULED_TASKS.EXECUTION_TIME).toInstant()).isEqualTo(due);

        deadlines.cancelSchedule("test-deadline", deadlineId);

        assertThat(dsl.fetchCount(SCHEDULED_TASKS, SCHEDULED_TASKS.TASK_INSTANCE.contains(deadlineId))).isZero();
    }
}
