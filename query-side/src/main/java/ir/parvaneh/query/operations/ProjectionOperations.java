package ir.parvaneh.query.operations;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.query.infrastructure.axon.ProcessingNodes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What an operator does to the query side's projections, through Axon's own processors: see each one's position,
 * rebuild one from the first event (shut its processor down, reset its tokens — its {@code @ResetHandler}s clear its
 * tables — and start it again), and see and retry the events it parked in its dead-letter queue.
 */
@Component
public class ProjectionOperations {

    /** A projection's processor: whether it runs or replays, how far each segment is, what it parked. */
    public record Projection(String name, boolean running, boolean replaying, Map<Integer, Long> positions,
                             long deadLetterSequences, long deadLetters) {
    }

    /** One parked event and why it was parked. */
    public record ParkedEvent(String sequenceIdentifier, String eventIdentifier, String payloadType,
                              String aggregateIdentifier, Long sequenceNumber, Instant enqueuedAt, Instant lastTouched,
                              String causeType, String causeMessage) {
    }

    public record Retried(String name, int sequencesProcessed, long deadLettersLeft) {
    }

    private static final int MAX_RETRIED_SEQUENCES = 10_000;

    private final EventProcessingConfiguration processing;
    private final ProcessingNodes nodes;
    private final Duration rebuildWait;

    ProjectionOperations(EventProcessingConfiguration processing, ProcessingNodes nodes,
                         @Value("${parvaneh.projections.rebuild-wait:30s}") Duration rebuildWait) {
        this.processing = processing;
        this.nodes = nodes;
        this.rebuildWait = rebuildWait;
    }

    public List<Projection> all() {
        List<Projection> projections = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> projections.add(describe(name, processor)));
        return projections;
    }

    public Projection one(String name) {
        return describe(name, processor(name));
    }

    /**
     * Rebuilds the projection from the first event: shuts its processor down here, asks the other query-side
     * instances to give up its segments ({@link ProcessingNodes#hold}) and resets the tokens as soon as this instance
     * can claim them all (Axon resets only what it holds), then starts it again; the other instances take their
     * share of the replay back afterwards. Refused when the segments are not all free within
     * {@code parvaneh.projections.rebuild-wait} (30 s).
     */
    public Projection rebuild(String name) {
        StreamingEventProcessor processor = streaming(name);
        if (!processor.supportsReset()) {
            throw new DomainException(ErrorCode.PROJECTION_REBUILD_REFUSED, name + " cannot be reset")
                    .with("projection", name);
        }
        nodes.hold(name);
        try {
            processor.shutDown();
            long deadline = System.nanoTime() + rebuildWait.toNanos();
            while (true) {
                try {
                    processor.resetTokens();
                    break;
                } catch (UnableToClaimTokenException heldElsewhere) {
                    if (System.nanoTime() > deadline) {
                        processor.start();
                        throw new DomainException(ErrorCode.PROJECTION_REBUILD_REFUSED, "Another instance still holds"
                                + " a segment of " + name + " after " + rebuildWait.toSeconds() + " s")
                                .with("projection", name);
                    }
                    pause();
                }
            }
            processor.start();
        } finally {
            nodes.unhold(name);
        }
        return describe(name, processor);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the other instances", e);
        }
    }

    public List<ParkedEvent> parked(String name, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(name);
        List<ParkedEvent> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (parked.size() >= limit) {
                    return parked;
                }
                parked.add(parkedEvent(letter));
            }
        }
        return parked;
    }

    /** Offers every parked sequence to the projection again, oldest first; those that fail again stay parked. */
    public Retried retry(String name) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> noDeadLetterQueue(name));
        long sequences = deadLetterQueue(name).amountOfSequences();
        int processed = 0;
        for (long attempt = 0; attempt < Math.min(sequences, MAX_RETRIED_SEQUENCES); attempt++) {
            if (!processor.processAny()) {
                break;
            }
            processed++;
        }
        return new Retried(name, processed, deadLetterQueue(name).size());
    }

    private Projection describe(String name, EventProcessor processor) {
        Map<Integer, Long> positions = new TreeMap<>();
        boolean replaying = false;
        if (processor instanceof StreamingEventProcessor streaming) {
            for (Map.Entry<Integer, EventTrackerStatus> segment : streaming.processingStatus().entrySet()) {
                TrackingToken token = segment.getValue().getTrackingToken();
                OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                positions.put(segment.getKey(), position.isPresent() ? position.getAsLong() : null);
                replaying |= segment.getValue().isReplaying();
            }
        }
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(name);
        return new Projection(name, processor.isRunning(), replaying, positions,
                queue.map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L),
                queue.map(SequencedDeadLetterQueue::size).orElse(0L));
    }

    private static ParkedEvent parkedEvent(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregate = null;
        Long sequence = null;
        if (message instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain) {
            aggregate = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new ParkedEvent(aggregate != null ? aggregate : message.getIdentifier(), message.getIdentifier(), message.getPayloadType().getName(), aggregate, sequence,
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null));
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "No projection is called '" + name + "'").with("projection", name));
    }

    private StreamingEventProcessor streaming(String name) {
        if (processor(name) instanceof StreamingEventProcessor streaming) {
            return streaming;
        }
        throw new DomainException(ErrorCode.PROJECTION_REBUILD_REFUSED, name + " does not stream events and cannot be "
                + "rebuilt").with("projection", name);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String name) {
        processor(name);
        return processing.deadLetterQueue(name).orElseThrow(() -> noDeadLetterQueue(name));
    }

    private static DomainException noDeadLetterQueue(String name) {
        return new DomainException(ErrorCode.NOT_FOUND, name + " has no dead-letter queue").with("projection", name);
    }
}
