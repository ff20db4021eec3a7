package ir.parvaneh.command.assessment.write;

import ir.parvaneh.kernel.assessment.AssessmentEvent;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A recorded assessment is read from the store once and then served from memory (issue 5), because it never changes;
 * what is not known to be committed, or not found, is read again every time.
 */
class AssessmentRecordsTest {

    private final EventStore store = mock(EventStore.class);
    private final AssessmentRecords records = new AssessmentRecords(store);

    @Test
    void givenARecordedAssessmentWhenCitedAgainThenTheStoreIsReadOnce() {
        ZoningAssessmentId id = ZoningAssessmentId.random();
        when(store.readEvents(eq(id.toString()), anyLong())).thenAnswer(call -> stream(issued(id)));

        ZoningAssessmentIssued first = records.issued(id);
        ZoningAssessmentIssued second = records.issued(id);

        assertThat(second).isSameAs(first);
        assertThat(second.validUntil()).isEqualTo("2027-05-28");
        verify(store, times(1)).readEvents(eq(id.toString()), anyLong());
    }

    @Test
    void givenAnAssessmentNotYetRecordedWhenCitedThenTheRefusalIsNotKept() {
        ZoningAssessmentId id = ZoningAssessmentId.random();
        when(store.readEvents(eq(id.toString()), anyLong())).thenAnswer(call -> DomainEventStream.empty());
        assertThatThrownBy(() -> records.issued(id)).isInstanceOf(DomainException.class);

        when(store.readEvents(eq(id.toString()), anyLong())).thenAnswer(call -> stream(issued(id)));
        assertThat(records.issued(id).assessmentId()).isEqualTo(id.toString());
    }

    @Test
    void givenAReadInsideAUnitOfWorkWhenItMightStillRollBackThenItIsNotKept() {
        ZoningAssessmentId id = ZoningAssessmentId.random();
        when(store.readEvents(eq(id.toString()), anyLong())).thenAnswer(call -> stream(issued(id)));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a command"));
        try {
            records.issued(id);
        } finally {
            unitOfWork.rollback();
        }
        records.issued(id);
        records.issued(id);
        verify(store, times(2)).readEvents(eq(id.toString()), anyLong());
    }

    @Test
    void givenMoreAssessmentsThanItsCapacityWhenCitedThenTheLeastRecentlyCitedIsReadAgain() {
        when(store.readEvents(anyString(), anyLong())).thenAnswer(call -> stream(issued(ZoningAssessmentId.parse(call.getArgument(0)))));
        ZoningAssessmentId oldest = ZoningAssessmentId.random();
        records.issued(oldest);
        for (int i = 0; i < AssessmentRecords.CAPACITY; i++) {
            records.issued(ZoningAssessmentId.random());
        }
        records.issued(oldest);
        verify(store, times(2)).readEvents(eq(oldest.toString()), anyLong());
    }

    /**
     * The cache is correct only while an assessment records nothing after its issue (no revocation, supersession or
     * correction). An event added to the assessment's stream fails this test: then keep only what cannot change, or
     * key the cache by the stream's last sequence number.
     */
    @Test
    void anAssessmentRecordsOneEventOnly() {
        assertThat(Arrays.asList(AssessmentEvent.class.getPermittedSubclasses())).containsExactly(ZoningAssessmentIssued.class);
    }

    private static DomainEventStream stream(ZoningAssessmentIssued event) {
        return DomainEventStream.of(new GenericDomainEventMessage<>("ZoningAssessment", event.assessmentId(), 0, event));
    }

    private static ZoningAssessmentIssued issued(ZoningAssessmentId id) {
        return new ZoningAssessmentIssued(id.toString(), MunicipalityId.forProvinceSlug("qazvin").toString(), "qazvin",
                "101/1", "RESIDENTIAL", "2026-11-29", "2026-11-29", "2027-05-28", "1405.1", "abc", null, null);
    }
}
