package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a projector writes a whole processor batch at once: the rows it collects live in one object per batch (a
 * resource of the batch's root unit of work, started with the batch's messages so it can load what they need with
 * one query), and are written once, at the batch's prepare-commit, in the transaction that also stores the
 * processor's token. An event handled outside a unit of work (a test calling the handler) is collected into a fresh
 * object and written at once.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /**
     * Adds to the current batch's collection under {@code key}, starting it with {@code start} (given the batch's
     * messages) the first time, and writing it with {@code write} when the batch prepares to commit.
     */
    public static <B> void collect(String key, Function<List<? extends Message<?>>, B> start, Consumer<B> add,
                                   Consumer<B> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            B alone = start.apply(List.of());
            add.accept(alone);
            write.accept(alone);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        B batch = root.getOrComputeResource(key, ignored -> {
            B started = start.apply(root instanceof BatchingUnitOfWork<?> batching ? batching.getMessages() : List.of());
            root.onPrepareCommit(unitOfWork -> write.accept(started));
            return started;
        });
        add.accept(batch);
    }
}
