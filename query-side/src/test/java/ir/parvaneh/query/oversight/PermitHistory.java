package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hand-built history of permit applications at chosen instants, appended to the real event store in the order
 * of those instants (so global positions follow time, as they do when the command side records them).
 */
final class PermitHistory {

    static final String AGGREGATE = "PermitApplication";
    private static final Actor RECORDER = Actor.system("oversight-test");

    private record Entry(Instant at, int order, PermitApplicationEvent event) {
    }

    private final List<Entry> entries = new ArrayList<>();

    PermitHistory at(Instant at, PermitApplicationEvent event) {
        entries.add(new Entry(at, entries.size(), event));
        return this;
    }

    /** Appends everything, earliest first; returns each application's events with their sequence numbers. */
    void appendTo(EventStore store) {
        Map<String, Long> sequences = new HashMap<>();
        entries.stream().sorted(Comparator.comparing(Entry::at).thenComparingInt(Entry::order)).forEach(e -> {
            long sequence = sequences.merge(e.event().applicationId(), 0L, (previous, ignored) -> previous + 1);
            store.publish(new GenericDomainEventMessage<>(AGGREGATE, e.event().applicationId(), sequence, e.event(),
                    RECORDER.toMetaData(), UUID.randomUUID().toString(), e.at()));
        });
    }

    static String newApplicationId() {
        return "permit-application-" + UUID.randomUUID();
    }

    static Actor staff(Role role, String municipality) {
        return new Actor(UUID.randomUUID().toString(), "کارمند آزمون", role, municipality, null);
    }
}
