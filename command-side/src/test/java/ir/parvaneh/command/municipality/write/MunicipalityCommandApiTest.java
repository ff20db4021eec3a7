package ir.parvaneh.command.municipality.write;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.demo.DemoProvinceLoader;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.TestSlugs;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static ir.parvaneh.command.support.Actors.*;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The command API over HTTP, against the real event store and slug register in PostgreSQL. */
@CommandSideIntegrationTest
class MunicipalityCommandApiTest {

    private static final MunicipalityId TAKESTAN = MunicipalityId.forProvinceSlug("takestan");

    @Autowired
    MockMvc mvc;
    @Autowired
    StoredEvents events;
    @Autowired
    ActingCommands commands;
    @Autowired
    MunicipalitySlugs slugs;

    @BeforeEach
    void theProvinceIsLoaded() {
        new DemoProvinceLoader(commands, slugs).load();
    }

    private static String newSlug() {
        return TestSlugs.unique("test");
    }

    private static String registration(String id, String slug) {
        return """
                {"id": "%s", "slug": "%s", "nameFa": "شهر آزمایشی", "nameEn": "Test City",
                 "latitude": 36.1, "longitude": 49.9, "programmePhase": "PILOT"}""".formatted(id, slug);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body, Actor actor) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(body);
        if (actor != null) {
            request.with(tokenOf(actor));
        }
        return mvc.perform(request);
    }

    @Test
    void givenAProvinceAdminWhenRegisteringThenCreatedAndTheEventCarriesTheActor() throws Exception {
        MunicipalityId id = MunicipalityId.random();
        send(post("/api/municipalities"), registration(id.value().toString(), newSlug()), PROVINCE_ADMIN)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/municipalities/" + id))
                .andExpect(jsonPath("$.municipalityId").value(id.toString()));

        List<StoredEvents.Stored> stored = events.of(id.toString());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).simpleType()).isEqualTo("MunicipalityRegistered");
        assertThat(stored.get(0).payload().get("nameFa").asText()).isEqualTo("شهر آزمایشی");
        assertThat(stored.get(0).metaData().get(Actor.SUBJECT).asText()).isEqualTo(PROVINCE_ADMIN.subject());
        assertThat(stored.get(0).metaData().get(Actor.ROLE).asText()).isEqualTo("PROVINCE_ADMIN");
        assertThat(stored.get(0).metaData().get(Actor.NAME).asText()).isEqualTo("رضا صادقی");
    }

    @Test
    void givenATakenSlugWhenRegisteringAnotherMunicipalityThenConflictAndNothingStored() throws Exception {
        MunicipalityId other = MunicipalityId.random();
        send(post("/api/municipalities"), registration(other.toString(), "takestan"), PROVINCE_ADMIN)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MUNICIPALITY_SLUG_TAKEN"))
                .andExpect(jsonPath("$.title_fa").isNotEmpty())
                .andExpect(jsonPath("$.title_en").isNotEmpty());
        assertThat(events.of(other.toString())).isEmpty();
    }

    @Test
    void givenARegisteredIdWhenRegisteringItAgainThenConflict() throws Exception {
        send(post("/api/municipalities"), registration(TAKESTAN.toString(), newSlug()), PROVINCE_ADMIN)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MUNICIPALITY_ALREADY_REGISTERED"));
        assertThat(events.of(TAKESTAN.toString())).filteredOn(e -> e.simpleType().equals("MunicipalityRegistered"))
                .hasSize(1);
    }

    @Test
    void givenTwoSimultaneousRegistrationsOfOneIdThenExactlyOneIsStored() throws Exception {
        MunicipalityId id = MunicipalityId.random();
        Callable<Integer> attempt = () -> send(post("/api/municipalities"),
                registration(id.toString(), newSlug()), PROVINCE_ADMIN).andReturn().getResponse().getStatus();
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.of(attempt, attempt));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(events.of(id.toString())).hasSize(1);
    }

    @Test
    void givenNoTokenWhenRegisteringThenUnauthorizedAndNothingStored() throws Exception {
        long before = events.total();
        send(post("/api/municipalities"), registration(MunicipalityId.random().toString(), newSlug()), null)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenACitizenWhenRegisteringThenForbiddenAndNothingStored() throws Exception {
        long before = events.total();
        send(post("/api/municipalities"), registration(MunicipalityId.random().toString(), newSlug()), CITIZEN)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_ROLE"));
        assertThat(events.total()).isEqualTo(before);
    }

    @Test
    void givenAnotherMunicipalitysAdminWhenSettingContactsThenForbiddenAndNothingStored() throws Exception {
        int before = events.of(TAKESTAN.toString()).size();
        send(put("/api/municipalities/" + TAKESTAN + "/contact"), """
                {"phone": "028-35224000"}""", QAZVIN_ADMIN)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN_MUNICIPALITY"));
        assertThat(events.of(TAKESTAN.toString())).hasSize(before);
    }

    @Test
    void givenItsOwnAdminWhenSettingContactsThenStoredWithTheAdminAsActor() throws Exception {
        send(put("/api/municipalities/" + TAKESTAN + "/contact"), """
                {"phone": "۰۲۸-۳۵۲۲۴۰۰۰", "website": "https://takestan.ir"}""", TAKESTAN_ADMIN)
                .andExpect(status().isOk());
        StoredEvents.Stored last = events.of(TAKESTAN.toString()).get(events.of(TAKESTAN.toString()).size() - 1);
        assertThat(last.simpleType()).isEqualTo("MunicipalityContactDetailsUpdated");
        assertThat(last.payload().get("phone").asText()).isEqualTo("028-35224000");
        assertThat(last.metaData().get(Actor.MUNICIPALITY).asText()).isEqualTo("takestan");
    }

    @Test
    void givenAMissingFieldWhenRegisteringThenValidationProblemInPersianOnRequest() throws Exception {
        send(post("/api/municipalities").header("Accept-Language", "fa-IR"), """
                {"id": "%s", "slug": "x"}""".formatted(UUID.randomUUID()), PROVINCE_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.title").value("اطلاعات درخواست معتبر نیست"))
                .andExpect(jsonPath("$.errors[?(@.field == 'nameFa')]").exists());
    }

    @Test
    void givenAMalformedIdThenBadRequest() throws Exception {
        send(put("/api/municipalities/permit-123/name"), """
                {"nameFa": "تاکستان", "nameEn": "Takestan"}""", PROVINCE_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_IDENTIFIER"));
    }

    @Test
    void givenAnUnknownMunicipalityWhenRenamingThenNotFound() throws Exception {
        send(put("/api/municipalities/" + MunicipalityId.random() + "/name"), """
                {"nameFa": "تاکستان", "nameEn": "Takestan"}""", PROVINCE_ADMIN)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void givenARefusedRuleThenTheProblemCarriesItsCode() throws Exception {
        send(post("/api/municipalities/" + TAKESTAN + "/reinstatement"), """
                {"reason": "بدون تعلیق"}""", PROVINCE_ADMIN)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MUNICIPALITY_NOT_SUSPENDED"));
    }
}
