package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static ir.parvaneh.system.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both applications' contexts on the real PostgreSQL/PostGIS test database, with tokens from a real
 * Keycloak running the repository's realm: a province administrator registers a municipality through the
 * command API and it appears in the query API; calls without a token, in the wrong role or for another
 * municipality are refused and store nothing.
 */
class PlatformSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.shared();
    }

    private static long storedEvents() {
        return platform.commandSide.getBean(DSLContext.class)
                .fetchCount(DSL.table(DSL.name("axon", "domainevententry")));
    }

    private static String registration(String id, String slug) {
        return """
                {"id": "%s", "slug": "%s", "nameFa": "شهر نمونه", "nameEn": "Sample Town",
                 "latitude": 36.05, "longitude": 49.95, "programmePhase": "PILOT"}""".formatted(id, slug);
    }

    private static String slug() {
        return "e2e-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void theDemoProvinceIsListedPubliclyByTheQueryApi() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = JSON.readTree(send("GET", platform.queryUrl + "/api/municipalities", null, null).body());
            assertThat(list.findValuesAsText("slug")).contains("qazvin", "takestan", "buin-zahra");
            assertThat(list.size()).isGreaterThanOrEqualTo(25);
        });
    }

    @Test
    void aProvinceAdministratorRegistersAMunicipalityAndTheQueryApiShowsIt() throws Exception {
        String id = MunicipalityId.random().toString();
        String slug = slug();
        HttpResponse<String> created = send("POST", platform.commandUrl + "/api/municipalities", registration(id, slug),
                platform.keycloak.token("province.admin"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> read = send("GET", platform.queryUrl + "/api/municipalities/" + id, null, null);
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode view = JSON.readTree(read.body());
            assertThat(view.get("slug").asText()).isEqualTo(slug);
            assertThat(view.get("nameFa").asText()).isEqualTo("شهر نمونه");
        });
    }

    @Test
    void aCallWithoutATokenIsRefusedAndStoresNothing() throws Exception {
        long before = storedEvents();
        HttpResponse<String> response = send("POST", platform.commandUrl + "/api/municipalities",
                registration(MunicipalityId.random().toString(), slug()), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aForgedTokenIsRefusedAndStoresNothing() throws Exception {
        long before = storedEvents();
        String token = platform.keycloak.token("province.admin");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        HttpResponse<String> response = send("POST", platform.commandUrl + "/api/municipalities",
                registration(MunicipalityId.random().toString(), slug()), forged);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCitizenCannotRegisterAMunicipalityAndNothingIsStored() throws Exception {
        long before = storedEvents();
        HttpResponse<String> response = send("POST", platform.commandUrl + "/api/municipalities",
                registration(MunicipalityId.random().toString(), slug()), platform.keycloak.token("0012345679"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMunicipalAdministratorActsOnlyForTheirOwnMunicipality() throws Exception {
        String qazvin = MunicipalityId.forProvinceSlug("qazvin").toString();
        String contact = """
                {"phone": "028-33369000", "website": "https://qazvin.ir"}""";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                send("GET", platform.queryUrl + "/api/municipalities/qazvin", null, null).statusCode() == 200);

        long before = storedEvents();
        HttpResponse<String> refused = send("PUT", platform.commandUrl + "/api/municipalities/" + qazvin + "/contact",
                contact, platform.keycloak.token("admin.takestan"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> accepted = send("PUT", platform.commandUrl + "/api/municipalities/" + qazvin + "/contact",
                contact, platform.keycloak.token("admin.qazvin"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(
                send("GET", platform.queryUrl + "/api/municipalities/qazvin", null, null).body())
                .at("/contact/website").asText()).isEqualTo("https://qazvin.ir"));
    }
}
