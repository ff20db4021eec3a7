package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static ir.parvaneh.system.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decision history of a real zoning assessment, with both applications and a real Keycloak: a citizen asks
 * for the rules of a Qazvin parcel on the command side; Qazvin's inspector reads the assessment's history on the
 * query side, where the recorded assessment has been re-run by the command side's own verification against its
 * rulebook version, with the inspector's token relayed; the chain verifies against the event store; readers
 * without a claim on the file are refused.
 */
class DecisionHistorySystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.shared();
        platform.qazvinLayersInForce();
    }


    @Test
    void anInspectorSeesARealAssessmentReRunAgainstItsRulebookVersionByTheCommandSide() throws Exception {
        String citizen = platform.keycloak.token("0012345679");
        String id = platform.assessAQazvinParcel(citizen);
        String inspector = platform.keycloak.token("inspector.qazvin");

        JsonNode history = await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> read = send("GET", platform.queryUrl + "/api/assessments/" + id + "/history", null,
                    inspector);
            return read.statusCode() == 200 ? JSON.readTree(read.body()) : null;
        }, view -> view != null && view.get("events").size() == 1);

        JsonNode issued = history.at("/events/0");
        assertThat(issued.get("type").asText()).isEqualTo("ZoningAssessmentIssued");
        assertThat(issued.at("/actor/role").asText()).isEqualTo("CITIZEN");
        assertThat(issued.at("/decision/rulebookSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(issued.at("/decision/layerVersions").size()).isGreaterThan(0);
        assertThat(issued.at("/decision/outputs").size()).isGreaterThan(0);
        JsonNode reverification = issued.get("reverification");
        assertThat(reverification.get("status").asText()).as(reverification.toString()).isEqualTo("IDENTICAL");
        assertThat(reverification.get("assessmentId").asText()).isEqualTo(id);
        assertThat(reverification.get("identical").asBoolean()).isTrue();
        assertThat(reverification.get("rulebookContentIntact").asBoolean()).isTrue();
        assertThat(reverification.get("outputs").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(issued.at("/decision/outputs").findValuesAsText("name"));
        assertThat(reverification.get("outputs").findValues("identical")).allMatch(JsonNode::asBoolean);

        HttpResponse<String> verification = send("GET",
                platform.queryUrl + "/api/assessments/" + id + "/history/verification", null,
                platform.keycloak.token("oversight"));
        assertThat(verification.statusCode()).as(verification.body()).isEqualTo(200);
        JsonNode chain = JSON.readTree(verification.body());
        assertThat(chain.get("intact").asBoolean()).isTrue();
        assertThat(chain.get("head").asText()).isEqualTo(history.at("/chain/head").asText());

        // The requester reads their own; another citizen is told there is none; Takestan's clerk does not act for Qazvin.
        assertThat(send("GET", platform.queryUrl + "/api/assessments/" + id + "/history?reverify=false", null, citizen)
                .statusCode()).isEqualTo(200);
        assertThat(send("GET", platform.queryUrl + "/api/assessments/" + id + "/history", null,
                platform.keycloak.token("1234567891"))
                .statusCode()).isEqualTo(404);
        HttpResponse<String> otherTown = send("GET", platform.queryUrl + "/api/assessments/" + id + "/history", null,
                platform.keycloak.token("clerk.takestan"));
        assertThat(otherTown.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(otherTown.body()).get("code").asText()).isEqualTo("FORBIDDEN_MUNICIPALITY");
    }
}
