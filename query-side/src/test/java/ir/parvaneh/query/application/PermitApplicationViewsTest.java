package ir.parvaneh.query.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.FindStageQueue;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.QueueEntry;
import ir.parvaneh.query.infrastructure.axon.StoredEvents;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static ir.parvaneh.query.application.Applications.tokenOf;
import static ir.parvaneh.query.jooq.query.Tables.PERMIT_APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Permit-application events, through the real pooled processor and the real database, into the views and their API. */
@QuerySideIntegrationTest
class PermitApplicationViewsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T06:30:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    DSLContext dsl;
    @Autowired
    ObjectMapper json;
    @Autowired
    PermitApplicationProjector projector;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    StoredEvents storedEvents;

    Applications applications;

    @BeforeEach
    void setUp() {
        applications = new Applications(eventStore);
    }

    private void awaitVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> dsl.select(PERMIT_APPLICATION.LAST_SEQUENCE)
                .from(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.eq(id))
                .fetchOptional(PERMIT_APPLICATION.LAST_SEQUENCE).orElse(-1L) >= version);
    }

    @Test
    void givenAnEventTheRowHasNotFoldedYetThenTheTimelineStopsWhereTheRowIs() throws Exception {
        String slug = Applications.slug();
        Actor citizen = Applications.citizen("زهرا صالحی");
        var application = applications.application(slug, citizen);
        application.submit("77/1", T0);
        long returned = application.checkFailedAndReturn(T0.plusSeconds(1));
        awaitVersion(application.id, returned);
        PooledStreamingEventProcessor processor = processing
                .eventProcessor(PermitApplicationProjector.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            // Recorded in the store, not yet in the row: the timeline is written from the store, but only up to the
            // event the row has folded, so the two never disagree.
            long resubmitted = application.resubmit(2, T0.plusSeconds(60));
            mvc.perform(get("/api/me/applications/" + application.id).with(tokenOf(citizen)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.application.version").value(returned))
                    .andExpect(jsonPath("$.timeline.length()").value((int) returned + 1))
                    .andExpect(jsonPath("$.timeline[" + returned + "].type").value("ApplicationReturnedForCorrection"));
            processor.start();
            mvc.perform(get("/api/me/applications/" + application.id).param("version", String.valueOf(resubmitted))
                            .with(tokenOf(citizen)))
                    .andExpect(jsonPath("$.application.version").value(resubmitted))
                    .andExpect(jsonPath("$.timeline.length()").value((int) resubmitted + 1))
                    .andExpect(jsonPath("$.timeline[" + resubmitted + "].type").value("PermitApplicationResubmitted"))
                    .andExpect(jsonPath("$.timeline[" + resubmitted + "].details.round").value(2))
                    .andExpect(jsonPath("$.timeline[" + resubmitted + "].actorSubject").value(citizen.subject()));
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
        }
    }

    @Test
    void givenAJourneyThenTheApplicantSeesStageTimelineFeesDeadlinesNextStepAndReasons() throws Exception {
        String slug = Applications.slug();
        Actor citizen = Applications.citizen("مریم احمدی");
        Actor reviewer = Applications.clerk(slug, "علی کریمی");
        var application = applications.application(slug, citizen);
        application.submit("1234/5", T0);
        long returned = application.checkFailedAndReturn(T0.plusSeconds(1));

        mvc.perform(get("/api/me/applications/" + application.id).param("version", String.valueOf(returned))
                        .with(tokenOf(citizen)))
                .andExpect(status().isOk())
                .andExpect(header().string(PermitApplicationQueryController.UP_TO_DATE_HEADER, "true"))
                .andExpect(jsonPath("$.application.stage").value("RETURNED_FOR_CORRECTION"))
                .andExpect(jsonPath("$.application.nextStep.code").value("CORRECT_AND_RESUBMIT"))
                .andExpect(jsonPath("$.application.nextStep.by.date").value("2027-02-18"))
                .andExpect(jsonPath("$.application.nextStep.by.jalali").value("1405-11-29"))
                .andExpect(jsonPath("$.application.reasons.event").value("ApplicationReturnedForCorrection"))
                .andExpect(jsonPath("$.application.reasons.violatedRules[0].rule").value("floors-within-max"))
                .andExpect(jsonPath("$.application.reasons.violatedRules[0].permitted").value("3"));

        application.resubmit(2, T0.plusSeconds(3600));
        long priced = application.checkPassedAndPrice(450_000_000L, T0.plusSeconds(3601));
        mvc.perform(get("/api/me/applications/" + application.id).param("version", String.valueOf(priced))
                        .with(tokenOf(citizen)))
                .andExpect(jsonPath("$.application.stage").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.application.round").value(2))
                .andExpect(jsonPath("$.application.reasons").doesNotExist())
                .andExpect(jsonPath("$.application.fees.totalRials").value(450_000_000L))
                .andExpect(jsonPath("$.application.fees.dueRials").value(450_000_000L))
                .andExpect(jsonPath("$.application.fees.payBy.jalali").value("1405-10-01"))
                .andExpect(jsonPath("$.application.nextStep.code").value("PAY_FEES"))
                .andExpect(jsonPath("$.application.nextStep.textFa").value("عوارض را پرداخت کنید"));

        application.pay(450_000_000L, T0.plusSeconds(7200));
        long assigned = application.assign(reviewer, "2026-11-30", T0.plusSeconds(7300));
        mvc.perform(get("/api/me/applications/" + application.id).param("version", String.valueOf(assigned))
                        .with(tokenOf(citizen)))
                .andExpect(jsonPath("$.application.stage").value("IN_REVIEW"))
                .andExpect(jsonPath("$.application.fees.paidRials").value(450_000_000L))
                .andExpect(jsonPath("$.application.fees.dueRials").value(0))
                .andExpect(jsonPath("$.application.municipalityDeadline.kind").value("REVIEW"))
                .andExpect(jsonPath("$.application.municipalityDeadline.dueOn.date").value("2026-11-30"))
                .andExpect(jsonPath("$.application.assignee.name").value("علی کریمی"))
                .andExpect(jsonPath("$.application.nextStep.code").value("WAIT_FOR_REVIEW"));

        long rejected = application.reject(reviewer, T0.plusSeconds(86_400));
        mvc.perform(get("/api/me/applications/" + application.id).param("version", String.valueOf(rejected))
                        .with(tokenOf(citizen)))
                .andExpect(status().isOk())
                .andExpect(header().string(PermitApplicationQueryController.VERSION_HEADER, String.valueOf(rejected)))
                .andExpect(jsonPath("$.application.stage").value("REJECTED"))
                .andExpect(jsonPath("$.application.version").value(rejected))
                .andExpect(jsonPath("$.application.nextStep.code").value("MAY_OBJECT"))
                .andExpect(jsonPath("$.application.municipalityDeadline").doesNotExist())
                .andExpect(jsonPath("$.application.reasons.legalBasisCode").value("COMMISSION-5-ART-14"))
                .andExpect(jsonPath("$.application.reasons.justification").value("تراکم بیش از حد مجاز در پهنه R-111"))
                .andExpect(jsonPath("$.timeline.length()").value((int) rejected + 1))
                .andExpect(jsonPath("$.timeline[0].type").value("PermitApplicationSubmitted"))
                .andExpect(jsonPath("$.timeline[0].at").value("2026-11-20T06:30:00Z"))
                .andExpect(jsonPath("$.timeline[0].jalaliDate").value("1405-08-29"))
                .andExpect(jsonPath("$.timeline[0].actorSubject").value(citizen.subject()))
                .andExpect(jsonPath("$.timeline[0].actorRole").value("CITIZEN"))
                .andExpect(jsonPath("$.timeline[2].type").value("ApplicationReturnedForCorrection"))
                .andExpect(jsonPath("$.timeline[2].details.violatedRules[0]").value("floors-within-max"))
                .andExpect(jsonPath("$.timeline[2].summaryEn").value("Returned for correction"))
                .andExpect(jsonPath("$.timeline[" + rejected + "].actorSubject").value(reviewer.subject()))
                .andExpect(jsonPath("$.timeline[" + rejected + "].details.legalBasisCode").value("COMMISSION-5-ART-14"));

        mvc.perform(get("/api/me/applications").with(tokenOf(citizen)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(application.id))
                .andExpect(jsonPath("$[0].stage").value("REJECTED"));
    }

    @Test
    void givenAnApplicationThenOnlyItsApplicantItsMunicipalityAndOversightMayReadIt() throws Exception {
        String slug = Applications.slug();
        Actor applicant = Applications.citizen("حسین رضایی");
        Actor neighbour = Applications.citizen("زهرا موسوی");
        var application = applications.application(slug, applicant);
        long version = application.readyForReview("77/3", T0);
        awaitVersion(application.id, version);
        String path = "/api/applications/" + application.id;

        mvc.perform(get(path).with(tokenOf(applicant))).andExpect(status().isOk())
                .andExpect(jsonPath("$.application.stage").value("AWAITING_REVIEW"));
        mvc.perform(get(path).with(tokenOf(Applications.clerk(slug, "کارشناس")))).andExpect(status().isOk());
        mvc.perform(get(path).with(tokenOf(Applications.oversight()))).andExpect(status().isOk());

        mvc.perform(get(path).with(tokenOf(neighbour)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("PERMIT_NOT_APPLICANT"));
        mvc.perform(get("/api/me/applications/" + application.id).with(tokenOf(neighbour)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.title_fa").value("یافت نشد"));
        mvc.perform(get("/api/me/applications").with(tokenOf(neighbour)))
                .andExpect(jsonPath("$[*].id", not(hasItem(application.id))));
        mvc.perform(get(path).with(tokenOf(Applications.clerk(Applications.slug(), "کارشناس شهر دیگر"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_MUNICIPALITY"));
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/applications/permit-application-" + UUID.randomUUID()).with(tokenOf(applicant)))
                .andExpect(status().isNotFound());
    }

    @Test
    void givenApplicationsReadyAtDifferentTimesThenTheQueueIsFirstComeFirstServed() throws Exception {
        String slug = Applications.slug();
        Actor clerk = Applications.clerk(slug, "کارشناس صف");
        // Appended in one order, ready in another: the queue follows when each became ready.
        var second = applications.application(slug, Applications.citizen("دوم"));
        second.readyForReview("10/2", T0.plusSeconds(600));
        var third = applications.application(slug, Applications.citizen("سوم"));
        third.readyForReview("10/3", T0.plusSeconds(1200));
        var first = applications.application(slug, Applications.citizen("اول"));
        long version = first.readyForReview("10/1", T0);
        var elsewhere = applications.application(Applications.slug(), Applications.citizen("دیگر"));
        long elsewhereVersion = elsewhere.readyForReview("10/9", T0.minusSeconds(60));
        awaitVersion(first.id, version);
        awaitVersion(second.id, version);
        awaitVersion(third.id, version);
        awaitVersion(elsewhere.id, elsewhereVersion);

        String queue = "/api/municipalities/" + slug + "/queues/AWAITING_REVIEW";
        mvc.perform(get(queue).with(tokenOf(clerk)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains(first.id, second.id, third.id)))
                .andExpect(jsonPath("$[*].position", contains(1, 2, 3)))
                .andExpect(jsonPath("$[0].plate").value("10/1"))
                .andExpect(jsonPath("$[0].enteredStageAt").value("2026-11-20T06:30:00Z"));
        mvc.perform(get(queue).with(tokenOf(Applications.oversight()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));

        mvc.perform(get(queue).with(tokenOf(Applications.clerk(Applications.slug(), "کارشناس شهر دیگر"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_MUNICIPALITY"));
        mvc.perform(get(queue).with(tokenOf(first.applicant)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        mvc.perform(get(queue)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/municipalities/" + slug + "/queues/NOWHERE").with(tokenOf(clerk)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void givenAssignedReviewsThenWaitingAndTimeLeftComeFromTheClockAndTheReviewerSeesTheirWork() throws Exception {
        String slug = Applications.slug();
        Actor reviewer = Applications.clerk(slug, "علی کریمی");
        Actor colleague = Applications.clerk(slug, "نرگس صالحی");
        var late = applications.application(slug, Applications.citizen("دیر"));
        late.readyForReview("20/1", T0);
        long lateVersion = late.assign(reviewer, "2026-11-22", T0.plusSeconds(3600));
        var early = applications.application(slug, Applications.citizen("زود"));
        early.readyForReview("20/2", T0);
        long earlyVersion = early.assign(reviewer, "2026-11-27", T0.plusSeconds(7200));
        var decided = applications.application(slug, Applications.citizen("تصمیم"));
        decided.readyForReview("20/3", T0);
        decided.assign(reviewer, "2026-11-27", T0.plusSeconds(7200));
        long decidedVersion = decided.append(new ApplicationApproved(decided.id, "c", reviewer.subject(), "CLERK",
                false, null, null, "2026-11-21", "2026-12-06"), reviewer, T0.plusSeconds(9000));
        awaitVersion(late.id, lateVersion);
        awaitVersion(early.id, earlyVersion);
        awaitVersion(decided.id, decidedVersion);

        // 2026-11-23 10:00 in Tehran (06:30 UTC): the 22nd's review is overdue by 10 hours, the 27th's has 4 days 14 h.
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T06:30:00Z"), ZoneOffset.UTC);
        PermitApplicationReadModel readModel = new PermitApplicationReadModel(dsl, json, clock, storedEvents);
        List<QueueEntry> queue = readModel.queue(new FindStageQueue(slug, "IN_REVIEW")).entries();
        assertThat(queue).extracting(QueueEntry::id).containsExactly(late.id, early.id);
        assertThat(queue.get(0).waitingSeconds()).isEqualTo(Duration.ofDays(3).minusHours(1).toSeconds());
        assertThat(queue.get(0).timeLeftSeconds()).isEqualTo(-Duration.ofHours(10).toSeconds());
        assertThat(queue.get(0).overdue()).isTrue();
        assertThat(queue.get(1).timeLeftSeconds()).isEqualTo(Duration.ofDays(4).plusHours(14).toSeconds());
        assertThat(queue.get(1).overdue()).isFalse();
        assertThat(queue.get(1).deadline().dueOn().jalali()).isEqualTo("1405-09-06");
        assertThat(queue.get(1).assignee().name()).isEqualTo("علی کریمی");
        List<QueueEntry> approved = readModel.queue(new FindStageQueue(slug, "APPROVED")).entries();
        assertThat(approved).singleElement().satisfies(e -> {
            assertThat(e.deadline().kind()).isEqualTo("ISSUE");
            assertThat(e.deadline().dueOn().date()).isEqualTo("2026-12-06");
        });

        mvc.perform(get("/api/me/reviews").with(tokenOf(reviewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains(late.id, early.id)));
        mvc.perform(get("/api/me/reviews").with(tokenOf(colleague)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/me/reviews").with(tokenOf(late.applicant)))
                .andExpect(status().isForbidden());
    }

    @Test
    void givenAnIssuedAssessmentThenOnlyItsRequesterListsIt() throws Exception {
        Actor citizen = Applications.citizen("سارا نوری");
        String id = "zoning-assessment-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("ZoningAssessment", id, 0,
                new ZoningAssessmentIssued(id, "municipality-" + UUID.randomUUID(), "qazvin", "1234/56", "RESIDENTIAL",
                        "2026-11-20", "2026-11-20", "2027-05-19", "1404.1", "ab", null, null),
                MetaData.from(citizen.toMetaData())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/me/assessments").with(tokenOf(citizen)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$[0].id").value(id))
                        .andExpect(jsonPath("$[0].plate").value("1234/56"))
                        .andExpect(jsonPath("$[0].validUntil.jalali").value(
                                ir.parvaneh.kernel.time.JalaliDate.of(java.time.LocalDate.of(2027, 5, 19)).toString())));
        mvc.perform(get("/api/me/assessments").with(tokenOf(Applications.citizen("دیگری"))))
                .andExpect(jsonPath("$[*].id", not(hasItem(id))));
    }

    @Test
    void givenAVersionNotYetProjectedThenTheReadWaitsForIt() throws Exception {
        Actor citizen = Applications.citizen("امیر حسینی");
        var application = applications.application(Applications.slug(), citizen);
        long ready = application.readyForReview("30/1", T0);
        awaitVersion(application.id, ready);

        // The client asks for the version its command will produce before the event is even stored.
        CompletableFuture<MvcResult> read = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(get("/api/me/applications/" + application.id)
                        .param("version", String.valueOf(ready + 1)).with(tokenOf(citizen))).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(read).as(() -> "answered early: " + answer(read)).isNotDone();
        application.assign(Applications.clerk(application.slug, "کارشناس"), "2026-11-27", T0.plusSeconds(60));
        MvcResult result = read.get(10, TimeUnit.SECONDS);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader(PermitApplicationQueryController.UP_TO_DATE_HEADER)).isEqualTo("true");
        assertThat(result.getResponse().getContentAsString()).contains("\"stage\":\"IN_REVIEW\"");
    }

    private static String answer(CompletableFuture<MvcResult> read) {
        try {
            MvcResult result = read.join();
            return result.getResponse().getStatus() + " " + result.getResponse().getContentAsString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void givenAVersionThatNeverComesThenTheReadAnswersWhatItHasAndSaysSo() throws Exception {
        Actor citizen = Applications.citizen("امیر حسینی");
        var application = applications.application(Applications.slug(), citizen);
        long ready = application.readyForReview("30/2", T0);
        awaitVersion(application.id, ready);

        mvc.perform(get("/api/me/applications/" + application.id).param("version", String.valueOf(ready + 5))
                        .with(tokenOf(citizen)))
                .andExpect(status().isOk())
                .andExpect(header().string(PermitApplicationQueryController.UP_TO_DATE_HEADER, "false"))
                .andExpect(header().string(PermitApplicationQueryController.VERSION_HEADER, String.valueOf(ready)))
                .andExpect(jsonPath("$.application.stage").value("AWAITING_REVIEW"));
    }

    @Test
    void givenTheOpenApiDocumentThenItDescribesEveryView() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/me/applications'].get").exists())
                .andExpect(jsonPath("$.paths['/api/me/applications/{id}'].get.parameters[*].name", hasItem("version")))
                .andExpect(jsonPath("$.paths['/api/applications/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/municipalities/{slug}/queues/{stage}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/me/reviews'].get").exists())
                .andExpect(jsonPath("$.paths['/api/me/assessments'].get").exists());
    }

    @Test
    void givenARedeliveredOrOlderEventThenTheViewsAreUnchanged() {
        String id = ir.parvaneh.kernel.permit.PermitApplicationId.random().toString();
        Actor citizen = Applications.citizen("تکرار");
        PermitApplicationSubmitted submitted = new PermitApplicationSubmitted(id, "c1", "municipality-x",
                Applications.slug(), "40/1", citizen.subject(), citizen.displayName(), citizen.nationalCode(),
                "2026-11-20", null, null, null, List.of());
        projector.on(submitted, 0L, T0);
        projector.on(new ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed(id, null, "1", "ab", List.of(),
                100, 0, 100, "2026-12-20"), 1L, T0.plusSeconds(1));
        Record before = dsl.selectFrom(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.eq(id)).fetchOne();

        projector.on(submitted, 0L, T0);
        projector.on(new ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed(id, null, "1", "ab", List.of(),
                999, 0, 999, "2026-12-30"), 1L, T0.plusSeconds(5));

        assertThat(dsl.selectFrom(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.eq(id)).fetchOne())
                .isEqualTo(before);
    }

    @Test
    void givenTheProjectionIsRebuiltThenItsTablesEqualTheLiveOnes() throws Exception {
        String slug = Applications.slug();
        Actor citizen = Applications.citizen("بازسازی");
        Actor reviewer = Applications.clerk(slug, "کارشناس بازسازی");
        var one = applications.application(slug, citizen);
        one.submit("50/1", T0);
        one.checkFailedAndReturn(T0.plusSeconds(1));
        one.resubmit(2, T0.plusSeconds(60));
        one.checkPassedAndPrice(1_000_000L, T0.plusSeconds(61));
        one.pay(1_000_000L, T0.plusSeconds(120));
        one.assign(reviewer, "2026-11-27", T0.plusSeconds(180));
        long oneVersion = one.reject(reviewer, T0.plusSeconds(240));
        var two = applications.application(slug, citizen);
        long twoVersion = two.readyForReview("50/2", T0.plusSeconds(30));
        awaitVersion(one.id, oneVersion);
        awaitVersion(two.id, twoVersion);
        List<String> ids = List.of(one.id, two.id);
        var liveRows = dsl.selectFrom(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.in(ids))
                .orderBy(PERMIT_APPLICATION.ID).fetch();

        PooledStreamingEventProcessor processor = processing
                .eventProcessor(PermitApplicationProjector.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(dsl.fetchCount(PERMIT_APPLICATION)).isZero();
        processor.start();

        awaitVersion(one.id, oneVersion);
        awaitVersion(two.id, twoVersion);
        assertThat(dsl.selectFrom(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.in(ids))
                .orderBy(PERMIT_APPLICATION.ID).fetch()).isEqualTo(liveRows);
    }
}
