package ir.parvaneh.query.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A projection for the operations tests only (its own processing group, with a dead-letter queue): it fails on a
 * {@link Probed} event while told to, so that a real event lands in the real dead-letter queue, and records what it
 * handled. It handles nothing else.
 */
@Component
@ProcessingGroup(DeadLetterProbe.GROUP)
public class DeadLetterProbe {

    public static final String GROUP = "dead-letter-probe";

    /** The probe's event; {@code label} tells one test's events from another's. */
    public record Probed(String label) {
    }

    private final AtomicBoolean failing = new AtomicBoolean();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    public void failFromNowOn(boolean fail) {
        failing.set(fail);
    }

    public List<String> handled() {
        return handled;
    }

    @EventHandler
    void on(Probed event) {
        if (failing.get()) {
            throw new IllegalStateException("probe told to fail on " + event.label());
        }
        handled.add(event.label());
    }
}
