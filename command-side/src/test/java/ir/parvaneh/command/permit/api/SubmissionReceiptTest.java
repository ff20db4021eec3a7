package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.assessment.write.AssessmentRecords;
import ir.parvaneh.command.consent.lookup.RepresentationConsents;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.permit.api.ApplicationCommands.Receipt;
import ir.parvaneh.command.permit.api.PermitApplicationController.Submission;
import ir.parvaneh.command.permit.documents.CitedDocuments;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitStage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A new submission is answered with the events its command appended, not read back from the event store (a second
 * query and three events deserialised per submission, issue 5); a repeated one, which appends nothing, is answered
 * from the store. That both answers are the same JSON is {@code PermitApplicationApiTest}'s to show.
 */
class SubmissionReceiptTest {

    private static final Actor CITIZEN = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN,
            null, "0012345679");
    private static final String QAZVIN = MunicipalityId.forProvinceSlug("qazvin").toString();
    private static final ZoningAssessmentIssued ASSESSMENT = new ZoningAssessmentIssued(ZoningAssessmentId.random().toString(),
            QAZVIN, "qazvin", "101/1", "RESIDENTIAL", "2026-11-29", "2026-11-29", "2027-05-28", "1405.1", "abc", null, null);

    private final EventStore eventStore = mock(EventStore.class);
    private final ActingCommands commands = mock(ActingCommands.class);
    private final PermitApplicationController controller = controller();

    @Test
    void givenANewSubmissionWhenItsCommandAppendedEventsThenTheAnswerIsBuiltFromThemWithoutReadingTheStore() {
        Instant stamped = Instant.parse("2026-11-29T06:30:00.123456789Z");
        when(commands.sendRecording(any(), any())).thenAnswer(call -> {
            SubmitPermitApplication command = call.getArgument(0);
            String id = command.applicationId().toString();
            return Optional.of(List.of(
                    event(id, 0, new PermitApplicationSubmitted(id, command.commandId(), QAZVIN, "qazvin", "101/1",
                            CITIZEN.subject(), CITIZEN.displayName(), CITIZEN.nationalCode(), "2026-11-29", null, null,
                            null, List.of()), stamped),
                    event(id, 1, new ComplianceChecked(id, command.commandId(), 1, ASSESSMENT.assessmentId(), "1405.1",
                            "abc", "PASSED", List.of()), stamped),
                    event(id, 2, new FeesAssessed(id, command.commandId(), "1405.1", "abc", List.of(), 5_000_000L, 0,
                            5_000_000L, "2026-12-29"), stamped)));
        });

        Receipt receipt = controller.submit(submission(), null).getBody();

        verify(eventStore, never()).readEvents(anyString());
        verify(eventStore, never()).readEvents(anyString(), anyLong());
        assertThat(receipt.version()).isEqualTo(2);
        assertThat(receipt.stage()).isEqualTo(PermitStage.AWAITING_PAYMENT);
        assertThat(receipt.complianceResult()).isEqualTo("PASSED");
        assertThat(receipt.dueRials()).isEqualTo(5_000_000L);
        assertThat(receipt.recorded()).extracting(PermitApplicationHistory.Recorded::type)
                .containsExactly("PermitApplicationSubmitted", "ComplianceChecked", "FeesAssessed");
        assertThat(receipt.recorded().get(0).actorSubject()).isEqualTo(CITIZEN.subject());
        // As the JDBC store gives it back: its text form, parsed.
        assertThat(receipt.recorded().get(0).recordedAt()).isEqualTo("2026-11-29T06:30:00.123Z");
    }

    @Test
    void givenARepeatedSubmissionWhenItsCommandAppendedNothingThenTheAnswerIsReadFromTheStore() {
        when(commands.sendRecording(any(), any())).thenReturn(Optional.empty());
        when(eventStore.readEvents(anyString(), anyLong())).thenReturn(DomainEventStream.empty());

        // The mocked store holds nothing: the read is what refuses.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> controller.submit(submission(), "retry-1"))
                .hasMessageContaining("was submitted");
        verify(eventStore).readEvents(anyString(), anyLong());
    }

    private static DomainEventMessage<?> event(String id, long sequence, PermitApplicationEvent payload, Instant at) {
        return new GenericDomainEventMessage<>("PermitApplication", id, sequence, payload,
                MetaData.from(CITIZEN.toMetaData()), java.util.UUID.randomUUID().toString(), at);
    }

    private static Submission submission() {
        return new Submission(ASSESSMENT.assessmentId(), null, null, List.of(), null);
    }

    private PermitApplicationController controller() {
        CurrentActor actor = mock(CurrentActor.class);
        when(actor.actingAs(any(Role[].class))).thenReturn(CITIZEN);
        AssessmentRecords assessments = mock(AssessmentRecords.class);
        when(assessments.issued(any())).thenReturn(ASSESSMENT);
        return new PermitApplicationController(commands, mock(ApplicationCommands.class), assessments,
                new PermitApplicationHistory(eventStore), actor, mock(CitedDocuments.class), mock(RepresentationConsents.class));
    }
}
