package ir.parvaneh.query.infrastructure.axon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordinator looks again at full queues after the recheck delay; its other delays are Axon's own. */
class CoordinatorExecutorTest {

    private final CoordinatorExecutor executor = new CoordinatorExecutor("test", Duration.ofMillis(10));

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void givenAxonsFullQueueDelayThenTheTaskRunsAfterTheRecheckDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        var future = executor.schedule(ran::countDown, CoordinatorExecutor.AXON_FULL_QUEUE_DELAY_MS, TimeUnit.MILLISECONDS);
        assertThat(future.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(10);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenTheCoordinatorsOtherDelaysThenTheyAreKept() {
        assertThat(executor.schedule(() -> { }, 500, TimeUnit.MILLISECONDS).getDelay(TimeUnit.MILLISECONDS))
                .isGreaterThan(400);
        assertThat(executor.schedule(() -> { }, 5, TimeUnit.SECONDS).getDelay(TimeUnit.MILLISECONDS))
                .isGreaterThan(4_000);
        assertThat(executor.schedule(() -> { }, 2, TimeUnit.MILLISECONDS).getDelay(TimeUnit.MILLISECONDS))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void givenAProcessorThenItsCoordinatorThreadIsNamedAsAxonNamesIt() throws Exception {
        String[] name = new String[1];
        executor.submit(() -> name[0] = Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(name[0]).startsWith("Coordinator[test]");
    }
}
