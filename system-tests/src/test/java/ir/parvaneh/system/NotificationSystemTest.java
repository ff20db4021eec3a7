package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.query.notification.SimulatedSmsGateway;
import ir.parvaneh.query.notification.SmsGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static ir.parvaneh.system.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications with both applications and the repository's realm in a real Keycloak: the demo citizen's token
 * carries their mobile number and e-mail (the realm's mappers), the query side keeps them when the citizen signs in,
 * and a zoning assessment the citizen requests on the command side reaches them as an SMS through the simulated
 * gateway and in their inbox. No mail server is configured here, so no e-mail is queued at all.
 */
class NotificationSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo citizen 0012345679's mobile number in scripts/keycloak/parvaneh-realm.json. */
    private static final String DEMO_MOBILE = "09121234567";
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.shared();
        platform.qazvinLayersInForce();
    }

    @Test
    void aCitizenSignedInWithTheRealmsTokenIsTextedAboutTheirAssessmentAndFindsItInTheirInbox() throws Exception {
        String citizen = platform.keycloak.token("0012345679");
        HttpResponse<String> preferences = send("GET", platform.queryUrl + "/api/me/notification-preferences", null,
                citizen);
        assertThat(preferences.statusCode()).as(preferences.body()).isEqualTo(200);
        JsonNode contact = JSON.readTree(preferences.body());
        assertThat(contact.get("phone").asText()).isEqualTo(DEMO_MOBILE);
        assertThat(contact.get("email").asText()).isEqualTo("0012345679@demo.parvaneh.ir");

        String assessmentId = platform.assessAQazvinParcel(citizen);
        String trackingCode = assessmentId.substring(assessmentId.length() - 36, assessmentId.length() - 28);
        SimulatedSmsGateway sms = (SimulatedSmsGateway) platform.querySide.getBean(SmsGateway.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> sms.sentTo(DEMO_MOBILE).stream()
                .anyMatch(s -> s.text().contains(trackingCode)));
        assertThat(sms.sentTo(DEMO_MOBILE).stream().filter(s -> s.text().contains(trackingCode)))
                .singleElement().satisfies(s -> assertThat(s.text()).contains("دستور نقشه").contains("قزوین"));

        JsonNode inbox = JSON.readTree(send("GET", platform.queryUrl + "/api/me/notifications", null, citizen).body());
        List<JsonNode> aboutIt = new java.util.ArrayList<>();
        inbox.forEach(message -> {
            if (assessmentId.equals(message.path("assessmentId").asText())) {
                aboutIt.add(message);
            }
        });
        assertThat(aboutIt).extracting(m -> m.get("channel").asText()).containsExactlyInAnyOrder("SMS", "IN_APP");
        assertThat(aboutIt).extracting(m -> m.get("status").asText()).containsExactlyInAnyOrder("SENT", "DELIVERED");

        HttpResponse<String> neighbour = send("GET", platform.queryUrl + "/api/me/notifications", null,
                platform.keycloak.token("1234567891"));
        assertThat(neighbour.body()).doesNotContain(assessmentId);
    }

}
