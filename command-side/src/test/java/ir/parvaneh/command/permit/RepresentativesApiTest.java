package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.consent.code.SimulatedSmsGateway;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.command.support.StoredEvents.Stored;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.NationalCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.text.PersianText;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ir.parvaneh.command.jooq.axon.Tables.DOMAINEVENTENTRY;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Engineers acting for owners over HTTP on the real database: without the owner's consent an engineer is refused and
 * nothing is recorded; with the consent given by the one-time code sent to the owner's phone, the engineer submits and
 * pays, each event naming the consent; a consent withdrawn mid-way blocks the next act; codes are rate limited and never
 * stored or logged in clear; and only the supervising engineer named on the permit reports its stages.
 */
@CommandSideIntegrationTest
class RepresentativesApiTest {

    private static final String API = "/api/permit-applications";
    private static final String CONSENTS = "/api/representation-consents";
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AssessedParcels parcels;
    @Autowired
    StoredEvents events;
    @Autowired
    SimulatedSmsGateway sms;
    @Autowired
    DSLContext dsl;

    private final Actor owner = new Actor(UUID.randomUUID().toString(), "مریم احمدی", Role.CITIZEN, null, nationalCode());
    private final String ownersPhone = "0912" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    private final Actor designer = engineer("مهندس بهرام توکلی");

    @Test
    void anEngineerWithoutTheOwnersConsentIsRefusedAndNothingIsRecorded() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("consent", owner);
        Map<String, Object> submission = submission(parcel, designer, owner.nationalCode());
        long before = events.total();

        JsonNode refused = send(post(API).with(tokenOf(designer)).contentType("application/json")
                .content(json.writeValueAsString(submission)), 403);
        assertThat(refused.get("code").asText()).isEqualTo("REPRESENTATION_CONSENT_REQUIRED");
        assertThat(refused.get("act").asText()).isEqualTo("SUBMIT");
        assertThat(refused.get("title_fa").asText()).isNotBlank();
        submission.remove("ownerNationalCode");
        assertThat(send(post(API).with(tokenOf(designer)).contentType("application/json")
                .content(json.writeValueAsString(submission)), 400).get("field").asText()).isEqualTo("ownerNationalCode");
        // Another owner's consent covers nothing of this one's: the neighbour consents, the owner did not.
        Actor neighbour = new Actor(UUID.randomUUID().toString(), "حمید نوری", Role.CITIZEN, null, nationalCode());
        String consent = ask(designer, neighbour, parcel.town().slug(), parcel.plate(), "SUBMIT").get("consentId").asText();
        send(post(CONSENTS + "/" + consent + "/confirmation").with(tokenOf(neighbour)), 200);
        long afterConsent = events.total();
        submission.put("ownerNationalCode", owner.nationalCode());
        send(post(API).with(tokenOf(designer)).contentType("application/json").content(json.writeValueAsString(submission)), 403);
        assertThat(events.total()).isEqualTo(afterConsent).isEqualTo(before + 2);
    }

    @Test
    void withTheCodeSentToTheOwnersPhoneTheEngineerSubmitsAndPaysAndTheCodeIsNeitherStoredNorLogged() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("consent", owner);
        long firstIndex = lastGlobalIndex();
        // The owner has signed in before: the command side knows their number from their own token.
        send(get("/api/me/representation-consents").with(tokenOf(owner, "+98 " + ownersPhone.substring(1))), 200);

        JsonNode asked = ask(designer, owner, parcel.town().slug(), parcel.plate(), "SUBMIT", "PAY");
        String consent = asked.get("consentId").asText();
        assertThat(asked.get("codeSentTo").asText()).isEqualTo(ownersPhone.substring(0, 4) + "***" + ownersPhone.substring(7));
        String message = sms.inbox(ownersPhone).get(sms.inbox(ownersPhone).size() - 1).text();
        assertThat(message).contains(designer.displayName()).contains("پرداخت عوارض").doesNotContainPattern("[0-9]");
        String code = codeIn(message);

        JsonNode wrong = send(post(CONSENTS + "/" + consent + "/code-entry").with(tokenOf(designer))
                .contentType("application/json").content("{\"code\":\"" + otherThan(code) + "\"}"), 422);
        assertThat(wrong.get("code").asText()).isEqualTo("CONSENT_CODE_WRONG");
        assertThat(wrong.get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(send(post(CONSENTS + "/" + consent + "/code-entry").with(tokenOf(designer)).contentType("application/json")
                .content("{\"code\":\"" + persianDigits(code) + "\"}"), 200).get("status").asText()).isEqualTo("GIVEN");
        assertThat(send(post(CONSENTS + "/" + consent + "/code-entry").with(tokenOf(designer)).contentType("application/json")
                .content("{\"code\":\"" + code + "\"}"), 409).get("code").asText()).isEqualTo("CONSENT_CODE_USED");

        // The engineer submits for the owner: the owner is the applicant, the engineer the actor, the consent the authority.
        JsonNode submitted = send(post(API).with(tokenOf(designer)).contentType("application/json")
                .content(json.writeValueAsString(submission(parcel, designer, owner.nationalCode()))), 201);
        String id = submitted.get("applicationId").asText();
        assertThat(submitted.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        Stored submission = events.of(id).get(0);
        assertThat(submission.payload().get("applicantSubject").asText()).isEqualTo(owner.subject());
        assertThat(submission.payload().get("applicantNationalCode").asText()).isEqualTo(owner.nationalCode());
        assertThat(submission.metaData().get("actor.subject").asText()).isEqualTo(designer.subject());
        assertThat(submission.metaData().get("actor.licenceNumber").asText()).isEqualTo(designer.licenceNumber());
        assertThat(submission.metaData().get("representation.consentId").asText()).isEqualTo(consent);

        send(post("/api/simulated-gateway/payments").with(tokenOf(designer)).contentType("application/json")
                .content("{\"applicationId\":\"" + id + "\",\"amountRials\":" + submitted.get("dueRials").asLong() + "}"), 200);
        Stored payment = events.of(id).stream().filter(e -> e.simpleType().equals("PaymentConfirmed")).findFirst().orElseThrow();
        assertThat(payment.metaData().get("actor.subject").asText()).isEqualTo("system:payment-gateway");
        assertThat(payment.metaData().get("representation.consentId").asText()).isEqualTo(consent);
        assertThat(payment.metaData().get("representation.engineerSubject").asText()).isEqualTo(designer.subject());

        // Both see the consent; the owner's file is theirs to read.
        JsonNode ownersList = send(get("/api/me/representation-consents").with(tokenOf(owner)), 200);
        assertThat(ownersList).hasSize(1);
        assertThat(ownersList.get(0).get("status").asText()).isEqualTo("GIVEN");
        assertThat(ownersList.get(0).get("givenVia").asText()).isEqualTo("CODE");
        assertThat(send(get("/api/me/representation-consents").with(tokenOf(designer)), 200).get(0).get("consentId").asText())
                .isEqualTo(consent);
        assertThat(send(get(API + "/" + id).with(tokenOf(owner)), 200).get("stage").asText()).isNotBlank();

        // The code is in no stored event (payload or metadata), in no form, nor in the log file.
        List<String> stored = dsl.select(DOMAINEVENTENTRY.PAYLOAD, DOMAINEVENTENTRY.METADATA).from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.GLOBALINDEX.gt(firstIndex))
                .fetch(r -> new String(r.value1(), StandardCharsets.UTF_8) + new String(r.value2(), StandardCharsets.UTF_8));
        assertThat(stored).hasSizeGreaterThan(5);
        assertThat(stored).noneMatch(text -> contains(text, code));
        Path log = Path.of("target/logs/command-side.log");
        assertThat(log).exists();
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).contains("Simulated SMS sent to " + asked.get("codeSentTo").asText());
        assertThat(contains(logged, code)).as("the code in the log").isFalse();
    }

    @Test
    void aConsentWithdrawnMidWayBlocksTheEngineersNextAct() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("consent", owner);
        // The owner never gave a number: no code can be sent, the owner confirms in the portal.
        JsonNode asked = ask(designer, owner, parcel.town().slug(), parcel.plate(), "SUBMIT", "PAY");
        String consent = asked.get("consentId").asText();
        assertThat(asked.get("codeSentTo").isNull()).isTrue();
        assertThat(send(post(CONSENTS + "/" + consent + "/codes").with(tokenOf(designer)), 409).get("code").asText())
                .isEqualTo("CONSENT_OWNER_PHONE_UNKNOWN");
        assertThat(send(post(CONSENTS + "/" + consent + "/code-entry").with(tokenOf(designer)).contentType("application/json")
                .content("{\"code\":\"123456\"}"), 409).get("code").asText()).isEqualTo("CONSENT_CODE_NOT_ISSUED");
        Actor neighbour = new Actor(UUID.randomUUID().toString(), "حمید نوری", Role.CITIZEN, null, nationalCode());
        assertThat(send(post(CONSENTS + "/" + consent + "/confirmation").with(tokenOf(neighbour)), 403).get("code").asText())
                .isEqualTo("CONSENT_NOT_OWNER");
        send(post(CONSENTS + "/" + consent + "/confirmation").with(tokenOf(owner)), 200);

        JsonNode submitted = send(post(API).with(tokenOf(designer)).contentType("application/json")
                .content(json.writeValueAsString(submission(parcel, designer, owner.nationalCode()))), 201);
        String id = submitted.get("applicationId").asText();
        String pay = "{\"applicationId\":\"" + id + "\",\"amountRials\":" + submitted.get("dueRials").asLong() + "}";
        assertThat(send(get(API + "/" + id).with(tokenOf(designer)), 200).get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(send(get(API + "/" + id).with(tokenOf(engineer("مهندس کامران یزدانی"))), 403).get("code").asText())
                .isEqualTo("REPRESENTATION_CONSENT_REQUIRED");

        send(post(CONSENTS + "/" + consent + "/withdrawal").with(tokenOf(owner)).contentType("application/json")
                .content("{\"reason\":\"مهندس دیگری می‌گیرم\"}"), 200);
        long before = events.total();
        JsonNode refused = send(post("/api/simulated-gateway/payments").with(tokenOf(designer)).contentType("application/json")
                .content(pay), 403);
        assertThat(refused.get("code").asText()).isEqualTo("REPRESENTATION_CONSENT_REQUIRED");
        assertThat(refused.get("act").asText()).isEqualTo("PAY");
        assertThat(events.total()).isEqualTo(before);
        assertThat(send(get("/api/me/representation-consents").with(tokenOf(owner)), 200).get(0).get("status").asText())
                .isEqualTo("WITHDRAWN");
        send(get(API + "/" + id).with(tokenOf(designer)), 403);
        // The owner still pays themself.
        send(post("/api/simulated-gateway/payments").with(tokenOf(owner)).contentType("application/json").content(pay), 200);
    }

    @Test
    void codesToOneOwnerAreRateLimited() throws Exception {
        send(get("/api/me/representation-consents").with(tokenOf(owner, ownersPhone)), 200);
        String consent = ask(designer, owner, "qazvin", "1234/56", "SUBMIT").get("consentId").asText();
        for (int again = 0; again < 4; again++) {
            send(post(CONSENTS + "/" + consent + "/codes").with(tokenOf(designer)), 201);
        }
        assertThat(sms.inbox(ownersPhone)).hasSize(5);
        long before = events.total();
        JsonNode limited = send(post(CONSENTS + "/" + consent + "/codes").with(tokenOf(designer)), 429);
        assertThat(limited.get("code").asText()).isEqualTo("CONSENT_CODE_RATE_LIMITED");
        // Nor can another engineer flood the same owner by asking afresh.
        Actor another = engineer("مهندس کامران یزدانی");
        JsonNode second = send(post(CONSENTS).with(tokenOf(another)).contentType("application/json")
                .content(json.writeValueAsString(consentRequest(owner, "qazvin", "1234/56", "SUBMIT"))), 429);
        assertThat(second.get("code").asText()).isEqualTo("CONSENT_CODE_RATE_LIMITED");
        assertThat(events.total()).isEqualTo(before);
        assertThat(sms.inbox(ownersPhone)).hasSize(5);
    }

    @Test
    void oneEngineerAsksForAtMostTwentyCodesAnHourAcrossAllTheirOwners() throws Exception {
        Actor busy = engineer("مهندس پرکار");
        for (int owners = 0; owners < 21; owners++) {
            Actor someOwner = new Actor(UUID.randomUUID().toString(), "مالک " + owners, Role.CITIZEN, null, nationalCode());
            String phone = "0935" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
            send(get("/api/me/representation-consents").with(tokenOf(someOwner, phone)), 200);
            int expected = owners < 20 ? 201 : 429;
            JsonNode answer = send(post(CONSENTS).with(tokenOf(busy)).contentType("application/json")
                    .content(json.writeValueAsString(consentRequest(someOwner, "qazvin", "1234/56", "SUBMIT"))), expected);
            if (expected == 429) {
                assertThat(answer.get("code").asText()).isEqualTo("CONSENT_CODE_RATE_LIMITED");
                assertThat(sms.inbox(phone)).isEmpty();
            }
        }
    }

    @Test
    void onlyTheSupervisingEngineerNamedOnThePermitReportsItsStages() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("consent", owner);
        String slug = parcel.town().slug();
        Actor reviewer = new Actor("reviewer-" + slug, "علی رضایی", Role.CLERK, slug, null);
        send(put("/api/municipalities/" + slug + "/review-desk/reviewers/" + reviewer.subject())
                .with(tokenOf(parcel.town().admin())).contentType("application/json").content("{\"name\":\"علی رضایی\"}"), 204);
        Awaitility.await().atMost(PATIENCE).until(() -> send(get("/api/municipalities/" + slug + "/review-desk")
                .with(tokenOf(reviewer)), 200).get("reviewers").size() == 1);
        // The designer prepared and submitted the file with the owner's consent; the supervisor is someone else.
        String consent = ask(designer, owner, slug, parcel.plate(), "SUBMIT", "PAY", "RESUBMIT").get("consentId").asText();
        send(post(CONSENTS + "/" + consent + "/confirmation").with(tokenOf(owner)), 200);
        JsonNode submitted = send(post(API).with(tokenOf(designer)).contentType("application/json")
                .content(json.writeValueAsString(submission(parcel, designer, owner.nationalCode()))), 201);
        String id = submitted.get("applicationId").asText();
        send(post("/api/simulated-gateway/payments").with(tokenOf(owner)).contentType("application/json")
                .content("{\"applicationId\":\"" + id + "\",\"amountRials\":" + submitted.get("dueRials").asLong() + "}"), 200);
        JsonNode inReview = Awaitility.await().atMost(PATIENCE).until(() -> send(get(API + "/" + id).with(tokenOf(owner)), 200),
                application -> application.get("stage").asText().equals("IN_REVIEW"));
        send(post(API + "/" + id + "/approval").with(tokenOf(reviewer)).contentType("application/json")
                .content("{\"expectedVersion\":" + inReview.get("version").asLong() + "}"), 200);
        Actor supervisor = engineer("مهندس لیلا قاسمی");
        send(post(API + "/" + id + "/permit").with(tokenOf(reviewer)).contentType("application/json")
                .content(json.writeValueAsString(Map.of("conditions", List.of("رعایت مقررات ملی ساختمان"),
                        "supervisingEngineerSubject", supervisor.subject(), "supervisingEngineerName", supervisor.displayName(),
                        "supervisingEngineerLicence", supervisor.licenceNumber()))), 201);
        Stored issued = events.of(id).stream().filter(e -> e.simpleType().equals("PermitIssued")).findFirst().orElseThrow();
        assertThat(issued.payload().get("supervisingEngineerLicence").asText()).isEqualTo(supervisor.licenceNumber());

        ProposedBuilding built = parcel.compliant();
        String report = "{\"stage\":\"FOUNDATION\",\"measured\":" + json.writeValueAsString(Map.of("floors", built.floors().size(),
                "grossFloorAreaM2", built.totalFloorAreaM2().doubleValue(), "footprintM2", built.footprintM2(),
                "heightM", built.heightM())) + "}";
        long before = events.total();
        assertThat(send(post(API + "/" + id + "/stage-reports").with(tokenOf(designer)).contentType("application/json")
                .content(report), 403).get("code").asText()).as("the designer, though the owner consented to much")
                .isEqualTo("PERMIT_NOT_SUPERVISING_ENGINEER");
        Actor supervisorUnderAnotherLicence = new Actor(supervisor.subject(), supervisor.displayName(), Role.ENGINEER, null,
                null, "1-21-99999");
        assertThat(send(post(API + "/" + id + "/stage-reports").with(tokenOf(supervisorUnderAnotherLicence))
                .contentType("application/json").content(report), 403).get("code").asText())
                .isEqualTo("PERMIT_NOT_SUPERVISING_ENGINEER");
        assertThat(send(post(API + "/" + id + "/stage-reports").with(tokenOf(owner)).contentType("application/json")
                .content(report), 403).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(events.total()).isEqualTo(before);
        send(post(API + "/" + id + "/stage-reports").with(tokenOf(supervisor)).contentType("application/json").content(report), 200);
        assertThat(send(get(API + "/" + id).with(tokenOf(supervisor)), 200).get("stage").asText()).isEqualTo("ISSUED");
        assertThat(events.of(id).get(events.of(id).size() - 1).simpleType()).isEqualTo("ConstructionStageReported");
    }

    // ================================================================ people, requests, codes

    private static Actor engineer(String name) {
        return new Actor("engineer-" + UUID.randomUUID(), name, Role.ENGINEER, null, null,
                "1-21-" + (10_000 + ThreadLocalRandom.current().nextInt(90_000)));
    }

    /** A valid national code no other test uses (nine random digits and their check digit). */
    static String nationalCode() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = ThreadLocalRandom.current().nextInt(10);
                digits.append(digit);
                sum += digit * (10 - i);
            }
            int remainder = sum % 11;
            String code = digits.toString() + (remainder < 2 ? remainder : 11 - remainder);
            if (NationalCode.isValid(code)) {
                return code;
            }
        }
    }

    private Map<String, Object> consentRequest(Actor owner, String slug, String plate, String... acts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerNationalCode", owner.nationalCode());
        body.put("municipality", slug);
        body.put("plate", plate);
        body.put("acts", List.of(acts));
        return body;
    }

    private JsonNode ask(Actor engineer, Actor owner, String slug, String plate, String... acts) throws Exception {
        return send(post(CONSENTS).with(tokenOf(engineer)).contentType("application/json")
                .content(json.writeValueAsString(consentRequest(owner, slug, plate, acts))), 201);
    }

    /** A submission prepared by the engineer: the parcel's assessment, its largest compliant house, drawings they upload. */
    private Map<String, Object> submission(AssessedParcels.Assessed parcel, Actor engineer, String ownerNationalCode)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", parcel.assessment().assessmentId());
        body.put("building", parcel.compliant());
        body.put("ownershipDocument", upload(engineer, "OWNERSHIP_DEED", "سند.pdf"));
        body.put("documents", List.of(upload(engineer, "ARCHITECTURAL_DRAWINGS", "نقشه-معماری.pdf"),
                upload(engineer, "STRUCTURAL_DRAWINGS", "نقشه-سازه.pdf")));
        body.put("ownerNationalCode", ownerNationalCode);
        return body;
    }

    private DocumentReference upload(Actor engineer, String kind, String fileName) throws Exception {
        byte[] pdf = ("%PDF-1.7\n% " + kind + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        JsonNode stored = send(post("/api/documents").with(tokenOf(engineer)).contentType("application/pdf").content(pdf), 201);
        return new DocumentReference(kind, fileName, stored.get("mediaType").asText(), stored.get("sizeBytes").asLong(),
                stored.get("sha256").asText());
    }

    private static String codeIn(String message) {
        Matcher matcher = SIX_DIGITS.matcher(PersianText.latinDigits(message));
        assertThat(matcher.find()).as("a six-digit code in %s", message).isTrue();
        return matcher.group();
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String persianDigits(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('۰' + (c - '0'))));
        return out.toString();
    }

    /** Whether the code appears as a number of its own, in Latin or Persian digits. */
    private static boolean contains(String text, String code) {
        Matcher matcher = SIX_DIGITS.matcher(PersianText.latinDigits(text));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found.contains(code);
    }

    private long lastGlobalIndex() {
        Long last = dsl.select(org.jooq.impl.DSL.max(DOMAINEVENTENTRY.GLOBALINDEX)).from(DOMAINEVENTENTRY).fetchOne().value1();
        return last == null ? 0 : last;
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s answered %s", request.buildRequest(null).getRequestURI(), body)
                .isEqualTo(expectedStatus);
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
