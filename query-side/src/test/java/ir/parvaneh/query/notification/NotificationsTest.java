package ir.parvaneh.query.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentGiven;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentRequested;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentWithdrawn;
import ir.parvaneh.kernel.consent.RepresentationConsentId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.notification.MessageKind;
import ir.parvaneh.kernel.notification.MessageTemplateCatalogueId;
import ir.parvaneh.kernel.notification.MessageTemplateEvent.MessageTemplatePublished;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.jooq.query.tables.records.NotificationRecord;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import ir.parvaneh.query.support.TestEvents;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION;
import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION_REPRESENTATIVE;
import static ir.parvaneh.query.jooq.query.Tables.PERMIT_APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Notifications end to end on the query side: events in the real event store, the notifications processor, the
 * outbox in the real database, the dispatcher, the simulated SMS gateway and a real SMTP server (GreenMail).
 */
@QuerySideIntegrationTest
class NotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Set<String> EVERY_CHANNEL = Set.of("IN_APP", "SMS", "EMAIL");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    DSLContext dsl;
    @Autowired
    ObjectMapper json;
    @Autowired
    SmsGateway smsGateway;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TestEvents events;

    private SimulatedSmsGateway sms() {
        return (SimulatedSmsGateway) smsGateway;
    }

    @AfterEach
    void gatewayWorksAgain() {
        sms().reset();
    }

    /** A token like the realm's, with the contact claims its protocol mappers add. */
    static JwtRequestPostProcessor tokenOf(Actor actor, String phone, String email) {
        return jwt().jwt(token -> {
                    token.subject(actor.subject())
                            .claim("name", actor.displayName())
                            .claim("roles", List.of(actor.role().name()));
                    if (actor.municipality() != null) {
                        token.claim("municipality", actor.municipality());
                    }
                    if (phone != null) {
                        token.claim("phone_number", phone);
                    }
                    if (email != null) {
                        token.claim("email", email);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    static JwtRequestPostProcessor tokenOf(Actor actor) {
        return tokenOf(actor, null, null);
    }

    private JsonNode send(RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        String body = response.getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    /** The person's contact details as they would set them in the portal. */
    private void contact(Actor person, String phone, String email) throws Exception {
        send(put("/api/me/notification-preferences").with(tokenOf(person)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("channels", List.of("SMS", "EMAIL", "IN_APP"),
                        "phone", phone, "email", email))), 200);
    }

    private List<NotificationRecord> rowsOf(String eventId) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.EVENT_ID.eq(eventId)).fetch();
    }

    private List<NotificationRecord> rowsTo(Actor recipient) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.RECIPIENT_SUBJECT.eq(recipient.subject())).fetch();
    }

    private static String email(Actor person) {
        return person.subject() + "@example.ir";
    }

    @Test
    void givenEveryNotifyingEventThenEachRecipientGetsExactlyOneMessagePerChannelBySmsEmailAndInbox() throws Exception {
        String slug = NotifyingFile.slug();
        Actor applicant = NotifyingFile.citizen("مریم احمدی");
        Actor reviewer = NotifyingFile.clerk(slug, "علی کریمی");
        Actor engineer = new Actor(UUID.randomUUID().toString(), "مهندس ناظر رضوی", Role.ENGINEER, null, null);
        Actor clerk = NotifyingFile.clerk(slug, "کارشناس صدور");
        String applicantPhone = NotifyingFile.mobile();
        contact(applicant, applicantPhone, email(applicant));
        contact(reviewer, NotifyingFile.mobile(), email(reviewer));
        contact(engineer, NotifyingFile.mobile(), email(engineer));

        // Expected: event id → (recipient → kind). Events that change nothing a person must do say nothing.
        Map<String, Map<String, MessageKind>> expected = new LinkedHashMap<>();
        List<String> silent = new ArrayList<>();
        NotifyingFile file = new NotifyingFile(eventStore, slug, applicant);
        silent.add(file.submit());
        expected.put(file.returnForCorrection(), Map.of(applicant.subject(), MessageKind.RETURNED_FOR_CORRECTION));
        silent.add(file.checkPassed());
        String feesDue = file.feesDue(450_000_000L);
        expected.put(feesDue, Map.of(applicant.subject(), MessageKind.FEES_DUE));
        expected.put(file.pay(450_000_000L), Map.of(applicant.subject(), MessageKind.PAYMENT_CONFIRMED));
        expected.put(file.assign(reviewer), Map.of(applicant.subject(), MessageKind.REVIEW_STARTED,
                reviewer.subject(), MessageKind.REVIEW_ASSIGNED));
        expected.put(file.reviewDeadlineMissed(reviewer), Map.of(applicant.subject(), MessageKind.REVIEW_DEADLINE_MISSED,
                reviewer.subject(), MessageKind.REVIEW_DEADLINE_MISSED));
        expected.put(file.requestChanges(reviewer), Map.of(applicant.subject(), MessageKind.CHANGES_REQUESTED));
        expected.put(file.approve(reviewer), Map.of(applicant.subject(), MessageKind.APPLICATION_APPROVED));
        expected.put(file.issueDeadlineMissed(), Map.of(applicant.subject(), MessageKind.ISSUE_DEADLINE_MISSED));
        expected.put(file.issuePermit(clerk, engineer), Map.of(applicant.subject(), MessageKind.PERMIT_ISSUED,
                engineer.subject(), MessageKind.PERMIT_ISSUED));
        silent.add(file.reportStage(engineer, false));
        expected.put(file.reportStage(engineer, true), Map.of(applicant.subject(), MessageKind.STAGE_REPORT_FLAGGED));
        expected.put(file.completionCertificate(clerk),
                Map.of(applicant.subject(), MessageKind.COMPLETION_CERTIFICATE_ISSUED));
        NotifyingFile rejected = new NotifyingFile(eventStore, slug, applicant);
        rejected.submit();
        expected.put(rejected.holdFees(), Map.of(applicant.subject(), MessageKind.FEE_ASSESSMENT_HELD));
        silent.add(rejected.feesDue(0));
        expected.put(rejected.reject(reviewer), Map.of(applicant.subject(), MessageKind.APPLICATION_REJECTED));
        expected.put(NotifyingFile.assessment(eventStore, applicant, slug),
                Map.of(applicant.subject(), MessageKind.ASSESSMENT_ISSUED));
        assertThat(expected.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toSet()))
                .as("every kind of message is exercised").containsExactlyInAnyOrder(MessageKind.values());

        String lastEvent = new ArrayList<>(expected.keySet()).get(expected.size() - 1);
        await().atMost(PATIENCE).until(() -> rowsOf(lastEvent).size() == 3);
        await().atMost(PATIENCE).until(() -> expected.keySet().stream().allMatch(id -> !rowsOf(id).isEmpty()));

        for (var event : expected.entrySet()) {
            List<NotificationRecord> rows = rowsOf(event.getKey());
            for (var recipient : event.getValue().entrySet()) {
                List<NotificationRecord> theirs = rows.stream()
                        .filter(r -> r.getRecipientSubject().equals(recipient.getKey())).toList();
                assertThat(theirs).as("messages of %s to %s", recipient.getValue(), recipient.getKey()).hasSize(3);
                assertThat(theirs).extracting(NotificationRecord::getChannel).containsExactlyInAnyOrderElementsOf(EVERY_CHANNEL);
                assertThat(theirs).extracting(NotificationRecord::getKind).containsOnly(recipient.getValue().name());
            }
            assertThat(rows).as("no one else hears of %s", event.getKey()).hasSize(3 * event.getValue().size());
        }
        for (String id : silent) {
            assertThat(rowsOf(id)).as("event %s tells no one anything", id).isEmpty();
        }

        // Every SMS and e-mail goes out, once.
        List<String> ids = expected.keySet().stream().toList();
        await().atMost(PATIENCE).until(() -> dsl.fetchCount(NOTIFICATION, NOTIFICATION.EVENT_ID.in(ids)
                .and(NOTIFICATION.STATUS.ne("SENT")).and(NOTIFICATION.CHANNEL.ne("IN_APP"))) == 0);
        Thread.sleep(1000);
        List<NotificationRecord> smsRows = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.EVENT_ID.in(ids)).and(NOTIFICATION.CHANNEL.eq("SMS")).fetch();
        for (NotificationRecord row : smsRows) {
            assertThat(sms().sent().stream().filter(s -> s.messageId().equals(row.getId().toString())))
                    .as("SMS %s", row.getKind()).hasSize(1)
                    .allSatisfy(s -> assertThat(s.text()).isEqualTo(row.getBody()));
        }
        assertThat(sms().sentTo(applicantPhone)).hasSize((int) smsRows.stream()
                .filter(r -> r.getRecipientSubject().equals(applicant.subject())).count());

        NotificationRecord feesSms = rowsOf(feesDue).stream().filter(r -> r.getChannel().equals("SMS")).findFirst()
                .orElseThrow();
        assertThat(feesSms.getBody())
                .contains("مریم احمدی")
                .contains("۴۵۰٬۰۰۰٬۰۰۰ ریال (۴۵٬۰۰۰٬۰۰۰ تومان)")
                .contains("۱ دی ۱۴۰۵")
                .contains("۱۲۳۴/۵۶");
        assertThat(feesSms.getTemplateMunicipality()).isEqualTo("*");
        assertThat(feesSms.getTemplateVersion()).isEqualTo(1);
        assertThat(feesSms.getAddress()).isEqualTo(applicantPhone);
        assertThat(feesSms.getAttempts()).isEqualTo(1);

        // The e-mails really arrived at the SMTP server, one per e-mail row, with the row's id as Message-ID.
        NotificationRecord feesEmail = rowsOf(feesDue).stream().filter(r -> r.getChannel().equals("EMAIL")).findFirst()
                .orElseThrow();
        List<MimeMessage> toApplicant = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(email(applicant))).toList();
        assertThat(toApplicant).hasSize((int) rowsTo(applicant).stream().filter(r -> r.getChannel().equals("EMAIL")).count());
        MimeMessage feesMail = toApplicant.stream().filter(m -> header(m, "Message-ID")
                .equals("<" + feesEmail.getId() + "@parvaneh>")).findFirst().orElseThrow();
        assertThat(feesMail.getSubject()).isEqualTo("عوارض قابل پرداخت");
        assertThat(GreenMailUtil.getBody(feesMail)).isNotBlank();
        assertThat(feesMail.getContent().toString()).contains("۴۵۰٬۰۰۰٬۰۰۰ ریال (۴۵٬۰۰۰٬۰۰۰ تومان)");
    }

    @Test
    void givenAFailingSmsGatewayThenMessagesAreRetriedWithBackOffAndSentOnceWhileThePermitFlowGoesOn()
            throws Exception {
        Actor applicant = NotifyingFile.citizen("حسین رضایی");
        Actor reviewer = NotifyingFile.clerk(NotifyingFile.slug(), "کارشناس");
        String phone = NotifyingFile.mobile();
        contact(applicant, phone, email(applicant));
        NotifyingFile file = new NotifyingFile(eventStore, reviewer.municipality(), applicant);
        sms().failNext(3);
        int refusedBefore = sms().refusedCount();
        file.submit();
        file.checkPassed();
        String fees = file.feesDue(120_000_000L);
        await().atMost(PATIENCE).until(() -> rowsOf(fees).stream()
                .anyMatch(r -> r.getChannel().equals("SMS") && r.getAttempts() >= 1 && r.getLastError() != null));

        // While the gateway refuses, the application moves on: paid, assigned, in review in the citizen's view.
        String paid = file.pay(120_000_000L);
        String assigned = file.assign(reviewer);
        await().atMost(PATIENCE).until(() -> "IN_REVIEW".equals(dsl.select(PERMIT_APPLICATION.STAGE)
                .from(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.eq(file.id)).fetchOne(PERMIT_APPLICATION.STAGE)));
        // The reviewer has no address known: their SMS waits for a phone, and no e-mail is queued.
        await().atMost(PATIENCE).until(() -> rowsOf(paid).size() == 3 && rowsOf(assigned).size() == 5);

        await().atMost(PATIENCE).until(() -> rowsTo(applicant).stream()
                .filter(r -> r.getChannel().equals("SMS")).allMatch(r -> r.getStatus().equals("SENT")));
        List<NotificationRecord> smsRows = rowsTo(applicant).stream().filter(r -> r.getChannel().equals("SMS")).toList();
        assertThat(smsRows).hasSize(3);
        assertThat(sms().refusedCount() - refusedBefore).isEqualTo(3);
        NotificationRecord feesSms = smsRows.stream().filter(r -> r.getEventId().equals(fees)).findFirst().orElseThrow();
        assertThat(feesSms.getAttempts()).as("the first message met the refusals").isGreaterThan(1);
        assertThat(feesSms.getLastError()).isNull();
        Thread.sleep(1000);
        for (NotificationRecord row : smsRows) {
            assertThat(sms().sent().stream().filter(s -> s.messageId().equals(row.getId().toString()))).hasSize(1);
        }
        assertThat(sms().sentTo(phone)).hasSize(3);
    }

    @Test
    void givenAnEngineerWithTheOwnersConsentThenTheyHearOfTheFileAsTheOwnerDoesUntilTheConsentIsWithdrawn()
            throws Exception {
        String slug = NotifyingFile.slug();
        Actor owner = NotifyingFile.citizen("محمد کریمی");
        Actor designer = new Actor(UUID.randomUUID().toString(), "مهندس طراح نیکزاد", Role.ENGINEER, null, null,
                "1-21-04573");
        Actor elsewhere = new Actor(UUID.randomUUID().toString(), "مهندس پلاک دیگر", Role.ENGINEER, null, null,
                "1-21-00912");
        String designerPhone = NotifyingFile.mobile();
        contact(designer, designerPhone, email(designer));
        contact(elsewhere, NotifyingFile.mobile(), email(elsewhere));
        String consent = consent(designer, owner, slug, "1234/56");
        consent(elsewhere, owner, slug, "99/1");
        await().atMost(PATIENCE).until(() -> dsl.fetchExists(NOTIFICATION_REPRESENTATIVE,
                NOTIFICATION_REPRESENTATIVE.CONSENT_ID.eq(consent).and(NOTIFICATION_REPRESENTATIVE.ACTIVE)));

        NotifyingFile file = new NotifyingFile(eventStore, slug, owner);
        file.submit();
        String returned = file.returnForCorrection();
        await().atMost(PATIENCE).until(() -> rowsOf(returned).size() == 5);
        assertThat(rowsOf(returned)).filteredOn(r -> r.getRecipientSubject().equals(designer.subject()))
                .extracting(NotificationRecord::getChannel).containsExactlyInAnyOrder("IN_APP", "SMS", "EMAIL");
        assertThat(rowsOf(returned)).filteredOn(r -> r.getRecipientSubject().equals(owner.subject()))
                .extracting(NotificationRecord::getChannel).containsExactlyInAnyOrder("IN_APP", "SMS");
        assertThat(rowsOf(returned)).filteredOn(r -> r.getChannel().equals("SMS")
                        && r.getRecipientSubject().equals(designer.subject())).singleElement()
                .satisfies(r -> assertThat(r.getBody()).startsWith("مهندس طراح نیکزاد گرامی"));
        assertThat(rowsTo(elsewhere)).as("a consent for another parcel says nothing of this one").isEmpty();

        events.append("RepresentationConsent", consent, new RepresentationConsentWithdrawn(consent, owner.subject(),
                "GIVEN", "پرونده را خودم پیگیری می‌کنم", "2026-11-21T08:00:00Z"));
        await().atMost(PATIENCE).until(() -> dsl.fetchExists(NOTIFICATION_REPRESENTATIVE,
                NOTIFICATION_REPRESENTATIVE.CONSENT_ID.eq(consent).and(NOTIFICATION_REPRESENTATIVE.ACTIVE.isFalse())));
        String fees = file.feesDue(50_000_000L);
        await().atMost(PATIENCE).until(() -> rowsOf(fees).size() == 2);
        Thread.sleep(500);
        assertThat(rowsOf(fees)).extracting(NotificationRecord::getRecipientSubject).containsOnly(owner.subject());
    }

    /** The owner's consent, asked and given in the portal, for any application of the parcel. */
    private String consent(Actor engineer, Actor owner, String slug, String plate) {
        String consent = RepresentationConsentId.random().toString();
        List<String> acts = List.of("SUBMIT", "PAY");
        events.append("RepresentationConsent", consent, new RepresentationConsentRequested(consent, engineer.subject(),
                engineer.displayName(), engineer.licenceNumber(), owner.nationalCode(), slug, plate, null, acts,
                "2026-11-20T06:00:00Z"));
        events.append("RepresentationConsent", consent, new RepresentationConsentGiven(consent, owner.subject(),
                owner.displayName(), owner.nationalCode(), engineer.subject(), engineer.licenceNumber(), slug, plate,
                null, acts, "PORTAL", null, "2026-11-20T06:10:00Z"));
        return consent;
    }

    @Test
    void givenAGatewayThatKeepsFailingThenTheMessageFailsForGoodAfterTheLastAttemptAndIsNeverSentLater()
            throws Exception {
        Actor applicant = NotifyingFile.citizen("زهرا موسوی");
        String phone = NotifyingFile.mobile();
        contact(applicant, phone, email(applicant));
        NotifyingFile file = new NotifyingFile(eventStore, NotifyingFile.slug(), applicant);
        sms().failUntilReset();
        file.submit();
        String returned = file.returnForCorrection();
        await().atMost(PATIENCE).until(() -> rowsOf(returned).stream()
                .anyMatch(r -> r.getChannel().equals("SMS") && r.getStatus().equals("FAILED")));
        NotificationRecord failed = rowsOf(returned).stream().filter(r -> r.getChannel().equals("SMS")).findFirst()
                .orElseThrow();
        assertThat(failed.getAttempts()).isEqualTo(6);
        assertThat(failed.getLastError()).contains("Simulated SMS gateway refused");
        assertThat(failed.getNextAttemptAt()).isNull();
        assertThat(rowsOf(returned)).filteredOn(r -> r.getChannel().equals("IN_APP"))
                .singleElement().satisfies(r -> assertThat(r.getStatus()).isEqualTo("DELIVERED"));

        sms().reset();
        Thread.sleep(1500);
        assertThat(sms().sentTo(phone)).isEmpty();
        JsonNode inbox = send(get("/api/me/notifications").with(tokenOf(applicant)), 200);
        assertThat(inbox.findValuesAsText("status")).contains("FAILED", "DELIVERED");
        assertThat(inbox.findValuesAsText("lastError")).as("the gateway's own words stay with the operators")
                .contains("GATEWAY_ERROR").noneMatch(e -> e.contains("Simulated"));

        // The operators see it with the gateway's own words, and send it again once the gateway is back: once.
        Actor admin = TestEvents.PROVINCE_ADMIN;
        JsonNode outbox = send(get("/api/operations/notifications").param("limit", "500").with(tokenOf(admin)), 200);
        assertThat(outbox.at("/counts/SMS/FAILED").asInt()).isPositive();
        JsonNode listed = null;
        for (JsonNode message : outbox.get("undelivered")) {
            if (message.get("id").asText().equals(failed.getId().toString())) {
                listed = message;
            }
        }
        assertThat(listed).as("the failed SMS is listed").isNotNull();
        assertThat(listed.get("lastError").asText()).contains("Simulated SMS gateway refused");
        String retry = "/api/operations/notifications/" + failed.getId() + "/retry";
        assertThat(send(post(retry).with(tokenOf(applicant)), 403).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        send(get("/api/operations/notifications").with(tokenOf(applicant)), 403);
        send(post(retry).with(tokenOf(admin)), 202);
        await().atMost(PATIENCE).until(() -> rowsOf(returned).stream()
                .anyMatch(r -> r.getChannel().equals("SMS") && r.getStatus().equals("SENT")));
        assertThat(sms().sentTo(phone)).hasSize(1);
        assertThat(send(post(retry).with(tokenOf(admin)), 404).get("code").asText())
                .as("a message that went cannot be sent again").isEqualTo("NOT_FOUND");
        Thread.sleep(1000);
        assertThat(sms().sentTo(phone)).hasSize(1);
    }

    @Test
    void givenProjectionsRebuiltThenNothingNewIsQueuedOrSent() throws Exception {
        Actor applicant = NotifyingFile.citizen("امیر حسینی");
        Actor admin = TestEvents.PROVINCE_ADMIN;
        String phone = NotifyingFile.mobile();
        contact(applicant, phone, email(applicant));
        NotifyingFile file = new NotifyingFile(eventStore, NotifyingFile.slug(), applicant);
        file.submit();
        file.checkPassed();
        file.feesDue(90_000_000L);
        String paid = file.pay(90_000_000L);
        await().atMost(PATIENCE).until(() -> rowsOf(paid).size() == 3 && rowsTo(applicant).stream()
                .filter(r -> !r.getChannel().equals("IN_APP")).allMatch(r -> r.getStatus().equals("SENT")));
        Map<String, String> before = rowsTo(applicant).stream()
                .collect(Collectors.toMap(r -> r.getId().toString(), r -> r.getStatus() + r.getAttempts()));
        int smsBefore = sms().sentTo(phone).size();
        int mailBefore = (int) Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(email(applicant))).count();

        send(post("/api/operations/projections/permit-applications/rebuild").with(tokenOf(admin)), 202);
        // The notifications processor itself cannot be reset: nothing in it may run twice.
        JsonNode refused = send(post("/api/operations/projections/notifications/rebuild").with(tokenOf(admin)), 409);
        assertThat(refused.get("code").asText()).isEqualTo("PROJECTION_REBUILD_REFUSED");

        // The rebuild cleared the views and replays every event: the application's row comes back.
        await().atMost(PATIENCE).until(() -> dsl.fetchExists(PERMIT_APPLICATION, PERMIT_APPLICATION.ID.eq(file.id)));
        Thread.sleep(2000);
        assertThat(rowsTo(applicant).stream()
                .collect(Collectors.toMap(r -> r.getId().toString(), r -> r.getStatus() + r.getAttempts())))
                .isEqualTo(before);
        assertThat(sms().sentTo(phone)).hasSize(smsBefore);
        assertThat(Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(email(applicant))).count()).isEqualTo(mailBefore);
    }

    @Test
    void givenAPersonWithoutAPhoneThenTheSmsWaitsTheInboxHasItAndItGoesOnceThePhoneIsKnown() throws Exception {
        Actor citizen = NotifyingFile.citizen("سارا نوری");
        String assessment = NotifyingFile.assessment(eventStore, citizen, NotifyingFile.slug());
        await().atMost(PATIENCE).until(() -> rowsOf(assessment).size() == 2);
        assertThat(rowsOf(assessment)).as("SMS waits for a phone; e-mail goes only where an address is known")
                .extracting(NotificationRecord::getChannel).containsExactlyInAnyOrder("IN_APP", "SMS");
        await().atMost(PATIENCE).until(() -> rowsOf(assessment).stream()
                .anyMatch(r -> r.getChannel().equals("SMS") && "NO_MOBILE_NUMBER".equals(r.getLastError())));
        assertThat(rowsOf(assessment)).filteredOn(r -> r.getChannel().equals("SMS")).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo("PENDING"));

        // The person signs in: the token's phone (international form) becomes their contact, and the SMS goes.
        String phone = NotifyingFile.mobile();
        JsonNode preferences = send(get("/api/me/notification-preferences")
                .with(tokenOf(citizen, "+98" + phone.substring(1), null)), 200);
        assertThat(preferences.get("phone").asText()).isEqualTo(phone);
        assertThat(preferences.get("phoneSource").asText()).isEqualTo("TOKEN");
        assertThat(preferences.get("channels").toString()).isEqualTo("[\"SMS\",\"EMAIL\",\"IN_APP\"]");
        await().atMost(PATIENCE).until(() -> rowsOf(assessment).stream()
                .anyMatch(r -> r.getChannel().equals("SMS") && r.getStatus().equals("SENT")));
        assertThat(sms().sentTo(phone)).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("دستور نقشه").contains("۲۹ آبان ۱۴۰۵"));
        // The inbox had the message all along.
        assertThat(rowsOf(assessment)).filteredOn(r -> r.getChannel().equals("IN_APP")).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo("DELIVERED"));
    }

    @Test
    void givenChosenChannelsThenOnlyTheyAreUsedAndBadContactDetailsAreRefusedChangingNothing() throws Exception {
        Actor citizen = NotifyingFile.citizen("نرگس کاظمی");
        String tokenPhone = NotifyingFile.mobile();
        JsonNode invalid = send(put("/api/me/notification-preferences").with(tokenOf(citizen, tokenPhone, null))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"IN_APP\"],\"phone\":\"12345\"}"), 400);
        assertThat(invalid.get("code").asText()).isEqualTo("NOTIFICATION_CONTACT_INVALID");
        assertThat(invalid.get("title_fa").asText()).isEqualTo("شماره همراه یا نشانی رایانامه معتبر نیست");
        JsonNode unchanged = send(get("/api/me/notification-preferences").with(tokenOf(citizen)), 200);
        assertThat(unchanged.get("phone").asText()).isEqualTo(tokenPhone);
        assertThat(unchanged.get("channels").toString()).isEqualTo("[\"SMS\",\"EMAIL\",\"IN_APP\"]");
        JsonNode noChannels = send(put("/api/me/notification-preferences").with(tokenOf(citizen))
                .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"09120000000\"}"), 400);
        assertThat(noChannels.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        JsonNode badChannel = send(put("/api/me/notification-preferences").with(tokenOf(citizen))
                .contentType(MediaType.APPLICATION_JSON).content("{\"channels\":[\"FAX\"]}"), 400);
        assertThat(badChannel.get("code").asText()).isEqualTo("MALFORMED_REQUEST");

        String ownPhone = NotifyingFile.mobile();
        JsonNode chosen = send(put("/api/me/notification-preferences").with(tokenOf(citizen))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"IN_APP\"],\"phone\":\"" + PersianText.persianDigits(ownPhone) + "\"}"), 200);
        assertThat(chosen.get("channels").toString()).isEqualTo("[\"IN_APP\"]");
        assertThat(chosen.get("phone").asText()).isEqualTo(ownPhone);
        assertThat(chosen.get("phoneSource").asText()).isEqualTo("PERSON");
        // The person's own number outlives the token's.
        JsonNode later = send(get("/api/me/notification-preferences").with(tokenOf(citizen, tokenPhone, null)), 200);
        assertThat(later.get("phone").asText()).isEqualTo(ownPhone);

        String assessment = NotifyingFile.assessment(eventStore, citizen, NotifyingFile.slug());
        await().atMost(PATIENCE).until(() -> !rowsOf(assessment).isEmpty());
        Thread.sleep(500);
        assertThat(rowsOf(assessment)).extracting(NotificationRecord::getChannel).containsExactly("IN_APP");
    }

    @Test
    void givenMessagesThenEachPersonListsOnlyTheirOwnWithStatusAndJalaliTime() throws Exception {
        Actor citizen = NotifyingFile.citizen("فاطمه صالحی");
        Actor neighbour = NotifyingFile.citizen("همسایه");
        String assessment = NotifyingFile.assessment(eventStore, citizen, NotifyingFile.slug());
        await().atMost(PATIENCE).until(() -> rowsOf(assessment).size() == 2);

        JsonNode inbox = send(get("/api/me/notifications").with(tokenOf(citizen)), 200);
        assertThat(inbox).hasSize(2);
        JsonNode inApp = null;
        for (JsonNode message : inbox) {
            if (message.get("channel").asText().equals("IN_APP")) {
                inApp = message;
            }
        }
        assertThat(inApp).isNotNull();
        assertThat(inApp.get("kind").asText()).isEqualTo("ASSESSMENT_ISSUED");
        assertThat(inApp.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(inApp.get("title").asText()).isEqualTo("دستور نقشه صادر شد");
        assertThat(inApp.at("/occurred/jalaliDate").asText()).isEqualTo("1405-08-29");
        assertThat(inApp.at("/occurred/jalaliDateFa").asText()).isEqualTo("۲۹ آبان ۱۴۰۵");
        assertThat(inApp.at("/occurred/tehranTime").asText()).isEqualTo("10:00");
        assertThat(inApp.at("/template/municipality").asText()).isEqualTo("*");

        JsonNode theirs = send(get("/api/me/notifications").with(tokenOf(neighbour)), 200);
        assertThat(theirs.findValuesAsText("id")).doesNotContainAnyElementsOf(inbox.findValuesAsText("id"));
        send(get("/api/me/notifications"), 401);
        JsonNode tooMany = send(get("/api/me/notifications").param("limit", "0").with(tokenOf(citizen)), 400);
        assertThat(tooMany.get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void givenAMunicipalityPublishedItsOwnTemplateThenItsMessagesUseItAndRecordItsVersion() throws Exception {
        String slug = NotifyingFile.slug();
        MunicipalityId municipality = MunicipalityId.random();
        events.append("Municipality", municipality.toString(), new MunicipalityRegistered(municipality.toString(), slug,
                "تاکستان آزمون", "Takestan test", 36.07, 49.69, "PILOT"));
        await().atMost(PATIENCE).until(() -> dsl.fetchExists(MUNICIPALITY, MUNICIPALITY.SLUG.eq(slug)));
        String catalogue = MessageTemplateCatalogueId.of(municipality).toString();
        events.append("MessageTemplateCatalogue", catalogue, new MessageTemplatePublished(catalogue,
                municipality.toString(), slug, "FEES_DUE", "SMS", 1, "عوارض", "نسخه نخست {amount}", "admin-1",
                "2026-11-29T08:00:00Z"));
        events.append("MessageTemplateCatalogue", catalogue, new MessageTemplatePublished(catalogue,
                municipality.toString(), slug, "FEES_DUE", "SMS", 2, "عوارض",
                "شهرداری {municipality}: عوارض پلاک {plate} {amount}، تا {payBy}", "admin-1", "2026-11-29T09:00:00Z"));
        await().atMost(PATIENCE).until(() -> send(get("/api/municipalities/" + slug
                + "/notification-templates/FEES_DUE"), 200).findValuesAsText("version").equals(List.of("2", "1")));
        assertThat(send(get("/api/municipalities/" + slug + "/notification-templates/NO_SUCH_KIND"), 404)
                .get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(send(get("/api/municipalities/no-such-town/notification-templates"), 404)
                .get("code").asText()).isEqualTo("MUNICIPALITY_NOT_FOUND");

        Actor applicant = NotifyingFile.citizen("رضا قاسمی");
        NotifyingFile file = new NotifyingFile(eventStore, slug, applicant);
        file.submit();
        String fees = file.feesDue(25_000_000L);
        await().atMost(PATIENCE).until(() -> rowsOf(fees).size() == 2);
        NotificationRecord viaSms = rowsOf(fees).stream().filter(r -> r.getChannel().equals("SMS")).findFirst()
                .orElseThrow();
        assertThat(viaSms.getBody()).isEqualTo(
                "شهرداری تاکستان آزمون: عوارض پلاک ۱۲۳۴/۵۶ ۲۵٬۰۰۰٬۰۰۰ ریال (۲٬۵۰۰٬۰۰۰ تومان)، تا ۱ دی ۱۴۰۵");
        assertThat(viaSms.getTemplateMunicipality()).isEqualTo(slug);
        assertThat(viaSms.getTemplateChannel()).isEqualTo("SMS");
        assertThat(viaSms.getTemplateVersion()).isEqualTo(2);
        NotificationRecord inApp = rowsOf(fees).stream().filter(r -> r.getChannel().equals("IN_APP")).findFirst()
                .orElseThrow();
        assertThat(inApp.getTemplateMunicipality()).as("no in-app template of its own: the province's").isEqualTo("*");
        assertThat(inApp.getTitle()).isEqualTo("عوارض قابل پرداخت");

        JsonNode inForce = send(get("/api/municipalities/" + slug + "/notification-templates"), 200);
        assertThat(inForce.toString()).contains("شهرداری {municipality}: عوارض").doesNotContain("نسخه نخست");
        assertThat(send(get("/api/municipalities/province/notification-templates"), 200)).hasSize(MessageKind.values().length);

        // The templates are a projection like any other: rebuilt, the municipality's versions come back from their
        // events and the province's defaults are still there.
        send(post("/api/operations/projections/notification-templates/rebuild").with(tokenOf(TestEvents.PROVINCE_ADMIN)), 202);
        await().atMost(PATIENCE).until(() -> send(get("/api/municipalities/" + slug
                + "/notification-templates/FEES_DUE"), 200).findValuesAsText("version").equals(List.of("2", "1")));
        assertThat(send(get("/api/municipalities/province/notification-templates"), 200)).hasSize(MessageKind.values().length);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? "" : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
