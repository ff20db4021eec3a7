package ir.parvaneh.command.permit;

import ir.parvaneh.command.permit.write.PermitIssuing;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.time.JalaliDate;
import org.jooq.DSLContext;
import org.awaitility.Awaitility;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import java.time.Duration;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.ApproveApplication;
import ir.parvaneh.kernel.permit.PermitCommands.AssignReviewer;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmPayment;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.time.IranTime;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.List;

import static ir.parvaneh.command.jooq.command.Tables.PERMIT_NUMBER_COUNTER;
import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The permit application in the running command side, on the real database: an assessment issued over HTTP is read
 * from the event store into a submission, which is checked and priced by the published rulebook; the gateway's
 * confirmation is idempotent; a decision on a stale version conflicts; and every event survives the trip through
 * the JDBC event store's JSON. (The HTTP API for permits is a later slice: the commands go through the gateway.)
 */
@CommandSideIntegrationTest
class PermitApplicationStoreTest {

    @Autowired
    ActingCommands commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;
    @Autowired
    DeadlineManager deadlines;
    @Autowired
    PermitIssuing permits;
    @Autowired
    DSLContext dsl;
    @Autowired
    AssessedParcels parcels;

    @Test
    void anAssessedParcelIsAppliedForPricedPaidAssignedAndApprovedAndEveryEventReadsBack() throws Exception {
        Actor citizen = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null, "0012345679");
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("permit", citizen);
        DemoTown.Town town = parcel.town();
        String slug = town.slug();
        String plate = parcel.plate();
        RulebookContent rulebook = parcel.rulebook();
        ZoningAssessmentIssued assessment = parcel.assessment();
        Actor clerk = new Actor("clerk." + slug, "علی رضایی", Role.CLERK, slug, null);

        PermitApplicationId id = PermitApplicationId.random();
        commands.send(new SubmitPermitApplication(id, "c-submit", town.id(), slug, plate, assessment,
                LargestHouse.allowedOn(assessment.outcome(), 0), DEED, DRAWINGS), citizen);

        List<PermitApplicationEvent> stored = stored(id);
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0)).isInstanceOf(PermitApplicationSubmitted.class);
        ComplianceChecked check = (ComplianceChecked) stored.get(1);
        assertThat(check.result()).as("%s", check.rules()).isEqualTo("PASSED");
        assertThat(check.rulebookSha256()).isEqualTo(rulebook.sha256());
        FeesAssessed fees = (FeesAssessed) stored.get(2);
        assertThat(fees.dueRials()).isPositive().isEqualTo(fees.totalRials());
        assertThat(fees.lines()).isNotEmpty().allMatch(line -> line.explanation() != null);

        Actor gateway = Actor.system("payment-gateway");
        ConfirmPayment payment = new ConfirmPayment(id, "c-pay", "IRK-1405-7710342", fees.dueRials(), "2026-11-29T07:12:00Z");
        commands.send(payment, gateway);
        commands.send(new ConfirmPayment(id, "c-pay-callback-again", "IRK-1405-7710342", fees.dueRials(),
                "2026-11-29T07:12:00Z"), gateway);
        assertThat(stored(id)).hasSize(4);

        commands.send(new AssignReviewer(id, "c-assign", clerk.subject(), clerk.displayName(), "CLERK", slug,
                IranTime.today(clock).plusDays(10).toString()), Actor.system("review-assignment"));
        long version = stored(id).size() - 1;

        assertThatThrownBy(() -> commands.send(new ApproveApplication(id, "c-approve-stale", version - 1, null), clerk))
                .isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(stored(id)).hasSize(5);

        commands.send(new ApproveApplication(id, "c-approve", version, null), clerk);
        commands.send(new ApproveApplication(id, "c-approve", version, null), clerk);
        List<PermitApplicationEvent> all = stored(id);
        assertThat(all).hasSize(6);
        ApplicationApproved approved = (ApplicationApproved) all.get(5);
        assertThat(approved.deciderSubject()).isEqualTo(clerk.subject());
        assertThat(approved.issueBy()).isEqualTo(IranTime.today(clock).plusDays(15).toString());
        assertThat(eventStore.readEvents(id.toString()).asStream().map(Message::getMetaData)
                .map(meta -> meta.get(Actor.SUBJECT)).toList())
                .containsExactly(citizen.subject(), citizen.subject(), citizen.subject(), gateway.subject(),
                        "system:review-assignment", clerk.subject());

        String number = permits.issue(id, slug, List.of("رعایت مقررات ملی ساختمان"), "engineer.1", "مهندس ناظر", clerk);
        assertThat(number).isEqualTo(slug + "-" + JalaliDate.of(IranTime.today(clock)).year() + "-000001");
        assertThat(stored(id)).last().isInstanceOfSatisfying(PermitIssued.class,
                issued -> assertThat(issued.permitNumber()).isEqualTo(number));
        assertThat(permits.issue(id, slug, List.of("رعایت مقررات ملی ساختمان"), "engineer.1", "مهندس ناظر", clerk))
                .as("a retried issue is the same permit").isEqualTo(number);
        assertThat(stored(id)).hasSize(7);
    }

    @Test
    void anUnpaidApplicationsPaymentDeadlineFiresFromTheDatabaseAndExpiresIt() throws Exception {
        Actor citizen = new Actor("1234567891", "رضا کریمی", Role.CITIZEN, null, "1234567891");
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("permit", citizen);
        PermitApplicationId id = PermitApplicationId.random();
        commands.send(new SubmitPermitApplication(id, "c-submit", parcel.town().id(), parcel.town().slug(), parcel.plate(),
                parcel.assessment(), LargestHouse.allowedOn(parcel.assessment().outcome(), 0), DEED, DRAWINGS), citizen);
        List<PermitApplicationEvent> submitted = stored(id);
        FeesAssessed fees = submitted.stream().filter(FeesAssessed.class::isInstance).map(FeesAssessed.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("The submission was not priced: " + submitted));

        // The aggregate scheduled "payment due" for the end of its last day; the same deadline, due in a second,
        // is picked up from command.scheduled_tasks by db-scheduler and handled by the aggregate.
        deadlines.schedule(Duration.ofSeconds(1), "permit-payment-due", fees.payBy(),
                new AggregateScopeDescriptor("PermitApplication", id.toString()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stored(id)).last().isInstanceOfSatisfying(ApplicationExpired.class, expired -> {
                    assertThat(expired.stage()).isEqualTo("AWAITING_PAYMENT");
                    assertThat(expired.dueOn()).isEqualTo(fees.payBy());
                }));

        Actor clerk = new Actor("clerk." + parcel.town().slug(), "علی رضایی", Role.CLERK, parcel.town().slug(), null);
        assertThatThrownBy(() -> permits.issue(id, parcel.town().slug(), List.of(), "engineer.1", "مهندس ناظر", clerk))
                .hasMessageContaining("IssuePermit is not allowed while the application is EXPIRED");
        assertThat(dsl.fetchCount(PERMIT_NUMBER_COUNTER, PERMIT_NUMBER_COUNTER.MUNICIPALITY_SLUG.eq(parcel.town().slug())))
                .as("a refused issue takes no number").isZero();
    }

    private List<PermitApplicationEvent> stored(PermitApplicationId id) {
        return eventStore.readEvents(id.toString()).asStream()
                .map(message -> (PermitApplicationEvent) message.getPayload()).toList();
    }
}
