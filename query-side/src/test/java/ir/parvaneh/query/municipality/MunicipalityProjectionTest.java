package ir.parvaneh.query.municipality;

import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityContactDetailsUpdated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityProgrammePhaseChanged;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityReinstated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRenamed;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalitySuspended;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import ir.parvaneh.query.support.TestEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Municipality events, through the real pooled processor, into the public read API. */
@QuerySideIntegrationTest
class MunicipalityProjectionTest {

    private static final String AGGREGATE = "Municipality";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestEvents events;
    @Autowired
    MunicipalityProjector projector;
    @Autowired
    MunicipalityReadModel readModel;
    @Autowired
    EventProcessingConfiguration processing;

    private static String slug() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private String register(String slug, String nameFa, String nameEn, double lat, double lon) {
        String id = MunicipalityId.random().toString();
        events.append(AGGREGATE, id, new MunicipalityRegistered(id, slug, nameFa, nameEn, lat, lon, "PILOT"));
        return id;
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/api/municipalities/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(status)));
    }

    @Test
    void givenARegisteredMunicipalityThenAnyoneCanReadItWithoutAToken() throws Exception {
        String slug = slug();
        String id = register(slug, "كرج", "Karaj", 35.8400, 50.9391);
        awaitStatus(id, "ACTIVE");

        mvc.perform(get("/api/municipalities/" + slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.nameFa").value("كرج"))
                .andExpect(jsonPath("$.latitude").value(35.84))
                .andExpect(jsonPath("$.longitude").value(50.9391))
                .andExpect(jsonPath("$.programmePhase").value("PILOT"));
        // A search typed with the Persian kaf finds the name stored with the Arabic one.
        mvc.perform(get("/api/municipalities").param("q", "کرج"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)));
    }

    @Test
    void givenTheLifecycleOfAMunicipalityThenTheViewFollowsEveryEvent() throws Exception {
        String id = register(slug(), "الوند", "Alvand", 36.1893, 50.0643);
        events.append(AGGREGATE, id, new MunicipalityRenamed(id, "الوند", "Alvand", "شهر الوند", "Alvand City"));
        events.append(AGGREGATE, id, new MunicipalityProgrammePhaseChanged(id, "PILOT", "ONBOARDING"));
        events.append(AGGREGATE, id, new MunicipalityContactDetailsUpdated(id, "028-32222222", null,
                "https://alvand.ir", "الوند، میدان امام"));
        events.append(AGGREGATE, id, new MunicipalitySuspended(id, "بازبینی اطلاعات"));
        awaitStatus(id, "SUSPENDED");
        mvc.perform(get("/api/municipalities/" + id))
                .andExpect(jsonPath("$.nameFa").value("شهر الوند"))
                .andExpect(jsonPath("$.nameEn").value("Alvand City"))
                .andExpect(jsonPath("$.programmePhase").value("ONBOARDING"))
                .andExpect(jsonPath("$.suspensionReason").value("بازبینی اطلاعات"))
                .andExpect(jsonPath("$.contact.website").value("https://alvand.ir"));
        mvc.perform(get("/api/municipalities").param("status", "ACTIVE"))
                .andExpect(jsonPath("$[*].id", not(hasItem(id))));

        events.append(AGGREGATE, id, new MunicipalityReinstated(id, "رفع شد"));
        awaitStatus(id, "ACTIVE");
        mvc.perform(get("/api/municipalities/" + id)).andExpect(jsonPath("$.suspensionReason").doesNotExist());
    }

    @Test
    void givenARedeliveredOrOlderEventThenTheViewIsUnchanged() {
        String id = MunicipalityId.random().toString();
        String slug = slug();
        Instant at = Instant.parse("2026-11-01T08:00:00Z");
        projector.on(new MunicipalityRegistered(id, slug, "آوج", "Avaj", 35.5769, 49.2224, "PILOT"), 0L, at);
        projector.on(new MunicipalityRenamed(id, "آوج", "Avaj", "شهر آوج", "Avaj City"), 2L, at.plusSeconds(60));
        // Redelivery of the registration and a late, older rename change nothing.
        projector.on(new MunicipalityRegistered(id, slug, "آوج", "Avaj", 35.5769, 49.2224, "PILOT"), 0L, at);
        projector.on(new MunicipalityRenamed(id, "آوج", "Avaj", "آوج قدیم", "Old Avaj"), 1L, at.plusSeconds(30));

        var view = readModel.get(new ir.parvaneh.kernel.municipality.MunicipalityQueries.GetMunicipality(id))
                .found().orElseThrow();
        assertThat(view.nameFa()).isEqualTo("شهر آوج");
        assertThat(view.updatedAt()).isEqualTo(at.plusSeconds(60));
    }

    @Test
    void givenAPointThenMunicipalitiesComeNearestFirstWithTheirDistance() throws Exception {
        // A marker of this run in both names, so towns left by earlier runs on the same database do not match.
        String marker = slug();
        String near = register(slug(), "نزدیک", "Near " + marker, 36.30, 50.00);
        String far = register(slug(), "دور", "Far " + marker, 36.90, 50.00);
        awaitStatus(far, "ACTIVE");
        awaitStatus(near, "ACTIVE");
        mvc.perform(get("/api/municipalities").param("near", "36.30,50.00").param("q", marker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains(near, far)))
                .andExpect(jsonPath("$[0].distanceKm").value(0.0))
                .andExpect(jsonPath("$[1].distanceKm").value(66.6));
    }

    @Test
    void givenABadPointThenAValidationProblem() throws Exception {
        mvc.perform(get("/api/municipalities").param("near", "north"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void givenAnUnknownMunicipalityThenNotFoundProblem() throws Exception {
        mvc.perform(get("/api/municipalities/nowhere").header("Accept-Language", "fa"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("MUNICIPALITY_NOT_FOUND"))
                .andExpect(jsonPath("$.title").value("شهرداری یافت نشد"));
    }

    @Test
    void givenTheProjectionIsRebuiltThenItHoldsTheSameMunicipalities() throws Exception {
        String id = register(slug(), "سیردان", "Sirdan", 36.6473, 49.1888);
        events.append(AGGREGATE, id, new MunicipalitySuspended(id, "آزمون بازسازی"));
        awaitStatus(id, "SUSPENDED");

        PooledStreamingEventProcessor processor = processing
                .eventProcessor(MunicipalityProjector.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        awaitStatus(id, "SUSPENDED");
        mvc.perform(get("/api/municipalities/" + id)).andExpect(jsonPath("$.suspensionReason").value("آزمون بازسازی"));
    }
}
