package ir.parvaneh.command.notification.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.command.support.TestCity;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.notification.MessageTemplateCatalogueId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import java.util.Map;

import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The template API on the running command side: who may publish, what is recorded, what is refused. */
@CommandSideIntegrationTest
class MessageTemplateApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ActingCommands commands;
    @Autowired
    StoredEvents storedEvents;

    private JsonNode send(RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return response.getContentAsString().isEmpty() ? null : json.readTree(response.getContentAsString());
    }

    private RequestBuilder publish(String slug, String kind, String channel, Actor actor, String title, String body)
            throws Exception {
        var request = put("/api/municipalities/" + slug + "/notification-templates/" + kind + "/" + channel)
                .contentType("application/json").content(json.writeValueAsString(Map.of("title", title, "body", body)));
        return actor == null ? request : request.with(tokenOf(actor));
    }

    @Test
    void theMunicipalitysAdministratorPublishesVersionsAndTheEventRecordsThemWithThePublisher() throws Exception {
        TestCity town = TestCity.register(commands);
        String catalogue = MessageTemplateCatalogueId.of(town.id()).toString();
        String body = "شهرداری {municipality}: عوارض پلاک {plate} {amount}، مهلت {payBy}";

        JsonNode first = send(publish(town.slug(), "FEES_DUE", "SMS", town.admin(), "عوارض", body), 201);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        JsonNode again = send(publish(town.slug(), "FEES_DUE", "SMS", town.admin(), "عوارض", body), 201);
        assertThat(again.get("version").asInt()).as("the same text is the version in force").isEqualTo(1);
        JsonNode second = send(publish(town.slug(), "FEES_DUE", "SMS", town.admin(), "عوارض", "مبلغ {amount}"), 201);
        assertThat(second.get("version").asInt()).isEqualTo(2);

        var events = storedEvents.of(catalogue);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).simpleType()).isEqualTo("MessageTemplatePublished");
        assertThat(events.get(0).payload().get("body").asText()).isEqualTo(body);
        assertThat(events.get(0).payload().get("publisherSubject").asText()).isEqualTo(town.admin().subject());
        assertThat(events.get(0).payload().get("publishedAt").asText()).isNotBlank();
        assertThat(events.get(1).metaData().get(Actor.SUBJECT).asText()).isEqualTo(town.admin().subject());
    }

    @Test
    void aBadTextAClerkAnotherTownsAdministratorAnUnknownTownOrNoTokenIsRefusedAndNothingIsRecorded() throws Exception {
        TestCity town = TestCity.register(commands);
        String catalogue = MessageTemplateCatalogueId.of(town.id()).toString();
        Actor clerk = new Actor("clerk." + town.slug(), "کارشناس", Role.CLERK, town.slug(), null);
        Actor otherAdmin = new Actor("admin.elsewhere", "مدیر دیگر", Role.MUNICIPAL_ADMIN, "takestan", null);

        JsonNode unknown = send(publish(town.slug(), "FEES_DUE", "SMS", town.admin(), "عوارض", "مالک {owner}"), 400);
        assertThat(unknown.get("code").asText()).isEqualTo("NOTIFICATION_TEMPLATE_INVALID");
        assertThat(unknown.get("title_fa").asText()).startsWith("متن پیام معتبر نیست");
        assertThat(send(publish(town.slug(), "NO_SUCH_KIND", "SMS", town.admin(), "عنوان", "متن"), 400)
                .get("code").asText()).isEqualTo("NOTIFICATION_TEMPLATE_INVALID");
        assertThat(send(publish(town.slug(), "FEES_DUE", "SMS", clerk, "عوارض", "{amount}"), 403)
                .get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(send(publish(town.slug(), "FEES_DUE", "SMS", otherAdmin, "عوارض", "{amount}"), 403)
                .get("code").asText()).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(send(publish("no-such-town", "FEES_DUE", "SMS", town.admin(), "عوارض", "{amount}"), 404)
                .get("code").asText()).isEqualTo("MUNICIPALITY_NOT_FOUND");
        send(publish(town.slug(), "FEES_DUE", "SMS", null, "عوارض", "{amount}"), 401);
        assertThat(storedEvents.of(catalogue)).isEmpty();
    }
}
