package ir.parvaneh.command.review.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.demo.DemoProvinceLoader;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.review.ReviewDeskId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo clerks are enrolled on their towns' desks under the subjects the demo realm gives them, once. */
@CommandSideIntegrationTest
class DemoReviewDesksTest {

    @Autowired
    ActingCommands commands;
    @Autowired
    MunicipalitySlugs slugs;
    @Autowired
    StoredEvents events;
    @Autowired
    ObjectMapper json;

    @Test
    void theDemoClerksAreReviewersOfTheirTownsUnderTheirRealmIdsAndASecondRunRecordsNothing() throws Exception {
        new DemoProvinceLoader(commands, slugs).load();
        DemoReviewDesks desks = new DemoReviewDesks(commands, slugs);
        desks.run(null);
        long afterFirst = events.total();

        Map<String, JsonNode> realmUsers = new HashMap<>();
        json.readTree(Path.of("../scripts/keycloak/parvaneh-realm.json").toFile()).get("users")
                .forEach(user -> realmUsers.put(user.get("username").asText(), user));
        for (DemoReviewDesks.DemoClerk clerk : DemoReviewDesks.CLERKS) {
            JsonNode user = realmUsers.values().stream().filter(u -> u.has("id") && u.get("id").asText().equals(clerk.subject()))
                    .findFirst().orElseThrow(() -> new AssertionError("no realm user has the id " + clerk.subject()));
            assertThat(user.get("realmRoles").get(0).asText()).isEqualTo("CLERK");
            assertThat(user.get("attributes").get("municipality").get(0).asText()).isEqualTo(clerk.slug());
            assertThat(events.of(ReviewDeskId.of(MunicipalityId.forProvinceSlug(clerk.slug())).toString()))
                    .anySatisfy(event -> {
                        assertThat(event.simpleType()).isEqualTo("ReviewerEnrolled");
                        assertThat(event.payload().get("reviewerSubject").asText()).isEqualTo(clerk.subject());
                    });
        }
        desks.run(null);
        assertThat(events.total()).isEqualTo(afterFirst);
    }
}
