package ir.parvaneh.query.oversight;

import ir.parvaneh.query.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.IssueDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationWithdrawn;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import ir.parvaneh.query.support.TestEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_APPLICATION;
import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_FACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Oversight's figures on a hand-built history through the real pooled processor and the real database: two
 * municipalities over two Jalali months (Mehr and Aban 1405), paid and free applications, a discretionary approval,
 * missed review and issue deadlines, an approval out of queue order and a change request out of order with a note.
 * The test database outlives a run, so every town is new and figures are read for this run's towns only.
 */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightProjectionTest {

    /** 4 Mehr 1405, 09:30 in Tehran. Mehr ends at day 26 from here; day 27 is 1 Aban. */
    static final Instant BASE = Instant.parse("2026-09-26T06:00:00Z");
    static final String MEHR = "1405-07";
    static final String ABAN = "1405-08";
    static final String LEGAL_BASIS = "QZV-ZONING-ART-12";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TestEvents events;
    @Autowired
    OversightProjector projector;
    @Autowired
    DSLContext dsl;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ObjectMapper json;

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String slugA = "oa-" + run;
    final String slugB = "ob-" + run;
    final Actor reviewer = PermitHistory.staff(Role.CLERK, slugA);
    final Actor secondReviewer = PermitHistory.staff(Role.CLERK, slugA);
    final Actor reviewerB = PermitHistory.staff(Role.CLERK, slugB);
    /** Personal data recorded in the events that the open-data feed must never show. */
    final List<String> personal = new ArrayList<>();
    String idA;
    String idB;
    String a1;
    String a2;
    String a3;
    String a4;
    String a5;

    static Instant day(double days) {
        return BASE.plusSeconds(Math.round(days * 86_400));
    }

    static double hours(double hours) {
        return hours / 24.0;
    }

    @BeforeAll
    void history() {
        idA = register(slugA, "شهر الف " + run);
        idB = register(slugB, "شهر ب " + run);
        PermitHistory history = new PermitHistory();
        // A1: paid on day 1, reviewed by the reviewer, approved on day 3, issued on day 5.
        a1 = paidApplication(history, idA, slugA, 1_000_000, 1, reviewer);
        history.at(day(3 + hours(1)), approved(a1, reviewer));
        history.at(day(5 + hours(1)), issued(a1, slugA));
        // A2: paid on day 2, the same reviewer; the review deadline passes on day 10; approved on day 28 (Aban).
        a2 = paidApplication(history, idA, slugA, 2_000_000, 2, reviewer);
        history.at(day(10), new ReviewDeadlineMissed(a2, null, reviewer.subject(), "1405-07-13"));
        history.at(day(28), approved(a2, reviewer));
        // A3: paid on day 3 and approved on day 4 while A2, older and the same reviewer's, waits: a violation.
        a3 = paidApplication(history, idA, slugA, 3_000_000, 3, reviewer);
        history.at(day(4), approved(a3, reviewer));
        // A4: paid on day 4, changes requested on day 6 with a note, overtaking A2: an overtake with a reason.
        a4 = paidApplication(history, idA, slugA, 4_000_000, 4, reviewer);
        history.at(day(6), new ChangesRequested(a4, cmd(), reviewer.subject(), "CLERK", List.of("parking"),
                "نقشه پارکینگ ناخوانا است", "1405-10-04"));
        // A5: nothing due (ready on day 0), another reviewer proposes a discretionary approval on day 7, the first
        // reviewer confirms on day 8; not issued within 15 days.
        a5 = submit(history, idA, slugA);
        history.at(day(0), new ComplianceChecked(a5, cmd(), 1, "assessment-x", "1405.1", "ab", "NEEDS_REVIEW",
                List.of()));
        history.at(day(0), fees(a5, 0));
        history.at(day(hours(2)), assigned(a5, secondReviewer, slugA));
        history.at(day(7), new DiscretionaryDecisionProposed(a5, cmd(), "APPROVE", secondReviewer.subject(), "CLERK",
                LEGAL_BASIS, "ضابطه پارکینگ برای این پلاک قابل احراز نبود", List.of("parking"), null, null, 0));
        history.at(day(8), new DiscretionaryDecisionConfirmed(a5, cmd(), "APPROVE", secondReviewer.subject(),
                reviewer.subject(), "CLERK"));
        history.at(day(8), new ApplicationApproved(a5, cmd(), secondReviewer.subject(), "CLERK", true, LEGAL_BASIS,
                reviewer.subject(), "1405-07-12", "1405-07-27"));
        history.at(day(24), new IssueDeadlineMissed(a5, null, "1405-07-12", "1405-07-27"));
        // A6: the check fails on day 0; withdrawn on day 27 (Aban).
        String a6 = submit(history, idA, slugA);
        history.at(day(0), new ApplicationReturnedForCorrection(a6, cmd(), 1, List.of(), "1405-10-02"));
        history.at(day(27), new PermitApplicationWithdrawn(a6, cmd(), "RETURNED_FOR_CORRECTION", "1405-08-01",
                "انصراف"));
        // B1: submitted in Aban, paid, rejected; B2: submitted in Aban, never paid.
        String b1 = submitAt(history, idB, slugB, day(27));
        history.at(day(27), fees(b1, 5_000_000));
        history.at(day(28), payment(b1, 5_000_000));
        history.at(day(28 + hours(1)), assigned(b1, reviewerB, slugB));
        history.at(day(29), new ApplicationRejected(b1, cmd(), reviewerB.subject(), "CLERK", false, "QZV-ART-7",
                "کاربری مغایر طرح تفصیلی", null, "1405-08-03"));
        String b2 = submitAt(history, idB, slugB, day(27));
        history.at(day(27), fees(b2, 6_000_000));
        history.at(day(29), new ApplicationExpired(b2, null, "AWAITING_PAYMENT", "PAYMENT_NOT_RECEIVED", "1405-08-02"));
        history.appendTo(eventStore);
        personal.addAll(List.of(a1, a2, a3, a4, a5, a6, b1, b2, reviewer.subject(), secondReviewer.subject(),
                reviewerB.subject()));

        await().atMost(Duration.ofSeconds(30)).until(() -> dsl.fetchCount(OVERSIGHT_FACT,
                OVERSIGHT_FACT.APPLICATION_ID.in(a1, a2, a3, a4, a5, a6, b1, b2)) == 40);
    }

    private String register(String slug, String nameFa) {
        String id = MunicipalityId.random().toString();
        events.append("Municipality", id, new MunicipalityRegistered(id, slug, nameFa, "Town " + slug, 36.2, 50.0,
                "LIVE"));
        return id;
    }

    private String submit(PermitHistory history, String municipalityId, String slug) {
        return submitAt(history, municipalityId, slug, day(0));
    }

    private String submitAt(PermitHistory history, String municipalityId, String slug, Instant at) {
        String id = PermitHistory.newApplicationId();
        String name = "مریم احمدی " + run + "-" + personal.size();
        String nationalCode = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String plate = ThreadLocalRandom.current().nextInt(1000, 9999) + "/" + run;
        personal.addAll(List.of(name, nationalCode, plate));
        history.at(at, new PermitApplicationSubmitted(id, cmd(), municipalityId, slug, plate, "citizen-" + run
                + "-" + personal.size(), name, nationalCode, "1405-07-04", null, null, null, List.of()));
        return id;
    }

    /** Submitted on day 0, priced, paid on {@code paidOn}, assigned an hour later. */
    private String paidApplication(PermitHistory history, String municipalityId, String slug, long rials,
                                   double paidOn, Actor to) {
        String id = submit(history, municipalityId, slug);
        history.at(day(0), fees(id, rials));
        history.at(day(paidOn), payment(id, rials));
        history.at(day(paidOn + hours(1)), assigned(id, to, slug));
        return id;
    }

    private static FeesAssessed fees(String id, long due) {
        return new FeesAssessed(id, cmd(), "1405.1", "ab", List.of(), due, 0, due, due == 0 ? null : "1405-08-04");
    }

    private PaymentConfirmed payment(String id, long rials) {
        String reference = "GW-" + UUID.randomUUID();
        personal.add(reference);
        return new PaymentConfirmed(id, cmd(), reference, rials, "2026-09-27T06:00:00Z");
    }

    private static ReviewerAssigned assigned(String id, Actor reviewer, String slug) {
        return new ReviewerAssigned(id, "review-assignment:" + id, reviewer.subject(), reviewer.displayName(), slug,
                "1405-07-13");
    }

    private static ApplicationApproved approved(String id, Actor reviewer) {
        return new ApplicationApproved(id, cmd(), reviewer.subject(), "CLERK", false, null, null, "1405-07-07",
                "1405-07-22");
    }

    private PermitIssued issued(String id, String slug) {
        String number = slug + "-1405-" + run.substring(0, 6);
        personal.add(number);
        return new PermitIssued(id, cmd(), number, slug, "plate", "1405-07-09", "1407-07-09", List.of(), null,
                "engineer-" + run, "مهندس ناظر " + run);
    }

    private static String cmd() {
        return UUID.randomUUID().toString();
    }

    static JwtRequestPostProcessor token(Role role, String municipality) {
        return Tokens.tokenOf(new Actor(UUID.randomUUID().toString(), null, role, municipality,
                role == Role.CITIZEN ? "0012345679" : null));
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode month(String slug, String month) throws Exception {
        return read(mvc.perform(get("/api/oversight/municipalities/{slug}/months/{month}", slug, month)
                        .with(token(Role.OVERSIGHT, null)))
                .andExpect(status().isOk()).andReturn()).path("months").get(0);
    }

    @Nested
    class Figures {

        @Test
        void givenMehrThenEveryCountOfTheFirstTownIsItsEvents() throws Exception {
            JsonNode f = month(slugA, MEHR).path("figures");
            assertThat(f.path("municipalityNameFa").asText()).isEqualTo("شهر الف " + run);
            assertThat(f.path("submitted").asLong()).isEqualTo(6);
            assertThat(f.path("returnedByCheck").asLong()).isEqualTo(1);
            assertThat(f.path("changesRequested").asLong()).isEqualTo(1);
            assertThat(f.path("returned").asLong()).isEqualTo(2);
            assertThat(f.path("approved").asLong()).isEqualTo(3);
            assertThat(f.path("rejected").asLong()).isZero();
            assertThat(f.path("issued").asLong()).isEqualTo(1);
            assertThat(f.path("withdrawn").asLong()).isZero();
            assertThat(f.path("reviewDeadlinesMissed").asLong()).isEqualTo(1);
            assertThat(f.path("issueDeadlinesMissed").asLong()).isEqualTo(1);
            assertThat(f.path("feesAssessedRials").asLong()).isEqualTo(10_000_000);
            assertThat(f.path("feesPaidRials").asLong()).isEqualTo(10_000_000);
        }

        @Test
        void givenAbanThenTheLaterEventsCountThereAndTheSecondTownHasItsOwn() throws Exception {
            JsonNode a = month(slugA, ABAN).path("figures");
            assertThat(a.path("submitted").asLong()).isZero();
            assertThat(a.path("approved").asLong()).isEqualTo(1);
            assertThat(a.path("withdrawn").asLong()).isEqualTo(1);
            assertThat(a.path("discretionaryRate").asDouble()).isZero();
            JsonNode b = month(slugB, ABAN).path("figures");
            assertThat(b.path("submitted").asLong()).isEqualTo(2);
            assertThat(b.path("rejected").asLong()).isEqualTo(1);
            assertThat(b.path("expired").asLong()).isEqualTo(1);
            assertThat(b.path("feesAssessedRials").asLong()).isEqualTo(11_000_000);
            assertThat(b.path("feesPaidRials").asLong()).isEqualTo(5_000_000);
            assertThat(month(slugB, MEHR).path("figures").path("submitted").asLong()).isZero();
        }

        @Test
        void givenTheStaysThenMedianAndP90PerStageAreInterpolatedOverTheStaysLeftInTheMonth() throws Exception {
            JsonNode times = month(slugA, MEHR).path("figures").path("leadTimes");
            // In review: 23 h, 47 h, 48 h and 6 d 22 h: median (1.9583 + 2) / 2; p90 at 2.7 of 3 intervals.
            assertThat(times.path("IN_REVIEW").path("count").asLong()).isEqualTo(4);
            assertThat(times.path("IN_REVIEW").path("medianDays").asDouble()).isEqualTo(1.98);
            assertThat(times.path("IN_REVIEW").path("p90Days").asDouble()).isEqualTo(5.44);
            // Awaiting payment 1, 2, 3 and 4 days.
            assertThat(times.path("AWAITING_PAYMENT").path("medianDays").asDouble()).isEqualTo(2.5);
            assertThat(times.path("AWAITING_PAYMENT").path("p90Days").asDouble()).isEqualTo(3.7);
            assertThat(times.path("AWAITING_SECOND_APPROVAL").path("medianDays").asDouble()).isEqualTo(1.0);
            assertThat(times.path("SUBMISSION_TO_ISSUE").path("medianDays").asDouble()).isEqualTo(5.04);
            // A2's review ended in Aban, after 25 d 23 h; A6's correction was never made: withdrawn after 27 days.
            JsonNode aban = month(slugA, ABAN).path("figures").path("leadTimes");
            assertThat(aban.path("IN_REVIEW").path("medianDays").asDouble()).isEqualTo(25.96);
            assertThat(aban.path("RETURNED_FOR_CORRECTION").path("medianDays").asDouble()).isEqualTo(27.0);
        }

        @Test
        void givenADiscretionaryApprovalThenItIsCountedByProposerAndLegalBasis() throws Exception {
            JsonNode mehr = month(slugA, MEHR);
            JsonNode f = mehr.path("figures");
            assertThat(f.path("discretionaryProposed").asLong()).isEqualTo(1);
            assertThat(f.path("discretionaryConfirmed").asLong()).isEqualTo(1);
            assertThat(f.path("discretionaryDecisions").asLong()).isEqualTo(1);
            assertThat(f.path("decisions").asLong()).isEqualTo(3);
            assertThat(f.path("discretionaryRate").asDouble()).isEqualTo(0.3333);
            JsonNode line = mehr.path("discretion").get(0);
            assertThat(line.path("proposerSubject").asText()).isEqualTo(secondReviewer.subject());
            assertThat(line.path("legalBasisCode").asText()).isEqualTo(LEGAL_BASIS);
            assertThat(line.path("kind").asText()).isEqualTo("APPROVE");
            assertThat(line.path("confirmed").asLong()).isEqualTo(1);
            assertThat(line.path("pending").asLong()).isZero();
        }

        @Test
        void givenAReviewerDecidingANewerApplicationFirstThenAViolationUnlessTheDecisionGivesAReason()
                throws Exception {
            JsonNode mehr = month(slugA, MEHR);
            assertThat(mehr.path("figures").path("queueOrderViolations").asLong()).isEqualTo(1);
            assertThat(mehr.path("figures").path("queueOvertakesWithReason").asLong()).isEqualTo(1);
            JsonNode order = mehr.path("queueOrder");
            assertThat(order).hasSize(2);
            JsonNode violation = order.get(0).path("applicationId").asText().equals(a3) ? order.get(0) : order.get(1);
            JsonNode reasoned = violation == order.get(0) ? order.get(1) : order.get(0);
            assertThat(violation.path("applicationId").asText()).isEqualTo(a3);
            assertThat(violation.path("decision").asText()).isEqualTo("APPROVED");
            assertThat(violation.path("violation").asBoolean()).isTrue();
            assertThat(violation.path("reviewerSubject").asText()).isEqualTo(reviewer.subject());
            assertThat(violation.path("overtakenApplicationIds").get(0).asText()).isEqualTo(a2);
            assertThat(violation.path("overtakenApplicationIds")).hasSize(1);
            assertThat(reasoned.path("applicationId").asText()).isEqualTo(a4);
            assertThat(reasoned.path("violation").asBoolean()).isFalse();
            // A5 was ready first but is another reviewer's; A2's own late decision overtakes nothing.
            assertThat(month(slugA, ABAN).path("queueOrder")).isEmpty();
        }

        @Test
        void givenARangeThenEveryMonthInOrder() throws Exception {
            mvc.perform(get("/api/oversight/municipalities/{slug}/months/{month}", slugA, MEHR).param("to", "1405-09")
                            .with(token(Role.PROVINCE_ADMIN, null)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.months.length()").value(3))
                    .andExpect(jsonPath("$.months[0].figures.month").value(MEHR))
                    .andExpect(jsonPath("$.months[1].figures.month").value(ABAN))
                    .andExpect(jsonPath("$.months[2].figures.submitted").value(0));
        }

        @Test
        void givenARedeliveredEventThenNothingCountsTwice() throws Exception {
            long before = month(slugA, MEHR).path("figures").path("feesPaidRials").asLong();
            long position = dsl.select(OVERSIGHT_FACT.POSITION).from(OVERSIGHT_FACT)
                    .where(OVERSIGHT_FACT.APPLICATION_ID.eq(a1).and(OVERSIGHT_FACT.KIND.eq(FactOf.PAYMENT_CONFIRMED)))
                    .fetchOne(OVERSIGHT_FACT.POSITION);
            long sequence = dsl.select(OVERSIGHT_FACT.SEQUENCE).from(OVERSIGHT_FACT)
                    .where(OVERSIGHT_FACT.APPLICATION_ID.eq(a1).and(OVERSIGHT_FACT.KIND.eq(FactOf.PAYMENT_CONFIRMED)))
                    .fetchOne(OVERSIGHT_FACT.SEQUENCE);
            projector.on(new PaymentConfirmed(a1, cmd(), "GW-again", 1_000_000, "2026-09-27T06:00:00Z"), sequence,
                    day(1), new GlobalSequenceTrackingToken(position));
            assertThat(month(slugA, MEHR).path("figures").path("feesPaidRials").asLong()).isEqualTo(before);
        }
    }

    @Nested
    class Ranks {

        @Test
        void givenAMetricThenTheProvinceIsRankedAndTiesShareARank() throws Exception {
            JsonNode ranking = read(mvc.perform(get("/api/oversight/ranking").param("month", ABAN)
                            .param("metric", "submitted").with(token(Role.OVERSIGHT, null)))
                    .andExpect(status().isOk()).andReturn());
            assertThat(ranking.path("lowerIsBetter").asBoolean()).isFalse();
            JsonNode rows = ranking.path("rows");
            int b = indexOf(rows, slugB);
            int a = indexOf(rows, slugA);
            assertThat(b).isLessThan(a);
            assertThat(rows.get(b).path("value").asLong()).isEqualTo(2);
            for (int i = 1; i < rows.size(); i++) {
                JsonNode previous = rows.get(i - 1);
                JsonNode row = rows.get(i);
                assertThat(row.path("value").asLong()).isLessThanOrEqualTo(previous.path("value").asLong());
                if (row.path("value").asLong() == previous.path("value").asLong()) {
                    assertThat(row.path("rank").asInt()).isEqualTo(previous.path("rank").asInt());
                }
            }
        }

        @Test
        void givenALeadTimeMetricThenShortestFirstAndTownsWithoutOneLastWithoutARank() throws Exception {
            JsonNode rows = read(mvc.perform(get("/api/oversight/ranking").param("month", MEHR)
                            .param("metric", "reviewMedianDays").with(token(Role.PROVINCE_ADMIN, null)))
                    .andExpect(status().isOk()).andReturn()).path("rows");
            JsonNode a = rows.get(indexOf(rows, slugA));
            JsonNode b = rows.get(indexOf(rows, slugB));
            assertThat(a.path("value").asDouble()).isEqualTo(1.98);
            assertThat(a.path("rank").isNull()).isFalse();
            assertThat(b.path("rank").isNull()).isTrue();
            assertThat(indexOf(rows, slugA)).isLessThan(indexOf(rows, slugB));
        }

        @Test
        void givenTheCsvThenUtf8WithAByteOrderMarkAndTheSameRows() throws Exception {
            MvcResult result = mvc.perform(get("/api/oversight/ranking.csv").param("month", MEHR)
                            .param("metric", "queueOrderViolations").with(token(Role.OVERSIGHT, null)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                    .andExpect(header().string("Content-Disposition",
                            "attachment; filename=\"oversight-1405-07-queueOrderViolations.csv\""))
                    .andReturn();
            byte[] body = result.getResponse().getContentAsByteArray();
            assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines[0]).startsWith("rank,value,month,municipality,name_fa,name_en,submitted,");
            String rowA = Arrays.stream(lines).filter(l -> l.contains("," + slugA + ",")).findFirst().orElseThrow();
            assertThat(rowA).contains("شهر الف " + run).contains(",1405-07,").contains(",10000000,")
                    .contains(",0.3333,").contains(",1.98,5.44,");
            assertThat(rowA.split(",")[1]).isEqualTo("1");
        }

        @Test
        void givenAnUnknownMetricOrABadMonthThenAValidationProblem() throws Exception {
            mvc.perform(get("/api/oversight/ranking").param("month", MEHR).param("metric", "speed")
                            .with(token(Role.OVERSIGHT, null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.field").value("metric"));
            mvc.perform(get("/api/oversight/ranking").param("month", "1405-13").with(token(Role.OVERSIGHT, null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("month"));
            mvc.perform(get("/api/oversight/municipalities/{slug}/months/{month}", slugA, MEHR).param("to", "1405-06")
                            .with(token(Role.OVERSIGHT, null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("to"));
        }

        private int indexOf(JsonNode rows, String slug) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).path("figures").path("municipalitySlug").asText().equals(slug)) {
                    return i;
                }
            }
            throw new AssertionError("No row for " + slug);
        }
    }

    @Nested
    class Authorisation {

        private final String path = "/api/oversight/municipalities/{slug}/months/{month}";

        @Test
        void givenNoTokenThenUnauthenticated() throws Exception {
            mvc.perform(get(path, slugA, MEHR))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
            mvc.perform(get("/api/oversight/ranking.csv").param("month", MEHR)).andExpect(status().isUnauthorized());
        }

        @Test
        void givenAMunicipalAdministratorThenTheirOwnMunicipalityOnlyAndNoRanking() throws Exception {
            mvc.perform(get(path, slugA, MEHR).with(token(Role.MUNICIPAL_ADMIN, slugA)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.months[0].figures.submitted").value(6));
            mvc.perform(get(path, slugB, MEHR).with(token(Role.MUNICIPAL_ADMIN, slugA)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_MUNICIPALITY"));
            mvc.perform(get("/api/oversight/ranking").param("month", MEHR).with(token(Role.MUNICIPAL_ADMIN, slugA)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        }

        @Test
        void givenAClerkACitizenOrAnInspectorThenForbidden() throws Exception {
            for (Role role : List.of(Role.CLERK, Role.INSPECTOR, Role.CITIZEN, Role.ENGINEER)) {
                String serves = role.scope() == Role.Scope.MUNICIPAL ? slugA : null;
                mvc.perform(get(path, slugA, MEHR).with(token(role, serves)))
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
                mvc.perform(get("/api/oversight/ranking.csv").param("month", MEHR).with(token(role, serves)))
                        .andExpect(status().isForbidden());
            }
        }

        @Test
        void givenAnUnknownMunicipalityThenNotFound() throws Exception {
            mvc.perform(get(path, "nowhere-" + run, MEHR).with(token(Role.OVERSIGHT, null)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("MUNICIPALITY_NOT_FOUND"));
        }
    }

    @Nested
    class OpenData {

        @Test
        void givenNoTokenThenTheMonthsFiguresWithoutAnyPersonalData() throws Exception {
            MvcResult result = mvc.perform(get("/api/open-data/permits").param("month", MEHR))
                    .andExpect(status().isOk()).andReturn();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            JsonNode rows = json.readTree(body);
            JsonNode a = null;
            for (JsonNode row : rows) {
                if (row.path("municipalitySlug").asText().equals(slugA)) {
                    a = row;
                }
            }
            assertThat(a).isNotNull();
            assertThat(a.path("submitted").asLong()).isEqualTo(6);
            assertThat(a.path("reviewMedianDays").asDouble()).isEqualTo(1.98);
            assertThat(a.path("feesPaidRials").asLong()).isEqualTo(10_000_000);
            List<String> fields = new ArrayList<>();
            a.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).noneMatch(f -> f.endsWith("Id") || f.endsWith("Subject") || f.contains("plate")
                    || f.contains("applicant") || f.contains("reviewer"));
            assertThat(personal).allSatisfy(secret -> assertThat(body).doesNotContain(secret));
        }

        @Test
        void givenTheCsvThenTheSameAnonymousFiguresForExcel() throws Exception {
            MvcResult result = mvc.perform(get("/api/open-data/permits.csv").param("month", ABAN))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                    .andReturn();
            byte[] bytes = result.getResponse().getContentAsByteArray();
            assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            String body = new String(bytes, StandardCharsets.UTF_8);
            String rowB = Arrays.stream(body.split("\r\n")).filter(l -> l.contains("," + slugB + ","))
                    .findFirst().orElseThrow();
            assertThat(rowB).startsWith("1405-08," + slugB + ",شهر ب " + run + ",Town " + slugB + ",2,0,0,1,0,1,");
            assertThat(personal).allSatisfy(secret -> assertThat(body).doesNotContain(secret));
        }

        @Test
        void givenABadMonthThenAProblem() throws Exception {
            mvc.perform(get("/api/open-data/permits").param("month", "Mehr"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        }
    }

    @Nested
    class Rebuild {

        @Test
        void givenTheProjectionIsRebuiltThenItsTablesEqualTheLiveOnes() throws Exception {
            List<Map<String, Object>> facts = facts();
            List<Map<String, Object>> applications = applications();
            String mehr = month(slugA, MEHR).toString();

            PooledStreamingEventProcessor processor = processing
                    .eventProcessor(OversightProjector.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            assertThat(dsl.fetchCount(OVERSIGHT_FACT)).isZero();
            processor.start();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(facts()).isEqualTo(facts);
                assertThat(applications()).isEqualTo(applications);
            });
            assertThat(month(slugA, MEHR).toString()).isEqualTo(mehr);
        }

        private List<Map<String, Object>> facts() {
            return dsl.selectFrom(OVERSIGHT_FACT).orderBy(OVERSIGHT_FACT.APPLICATION_ID, OVERSIGHT_FACT.SEQUENCE)
                    .fetchMaps();
        }

        private List<Map<String, Object>> applications() {
            return dsl.selectFrom(OVERSIGHT_APPLICATION).orderBy(OVERSIGHT_APPLICATION.APPLICATION_ID).fetchMaps();
        }
    }
}
