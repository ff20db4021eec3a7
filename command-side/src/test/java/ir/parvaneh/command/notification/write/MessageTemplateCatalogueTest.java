package ir.parvaneh.command.notification.write;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.notification.MessageTemplateCatalogueId;
import ir.parvaneh.kernel.notification.MessageTemplateCommands.PublishMessageTemplate;
import ir.parvaneh.kernel.notification.MessageTemplateEvent.MessageTemplatePublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static ir.parvaneh.command.support.Actors.CITIZEN;
import static ir.parvaneh.command.support.Actors.PROVINCE_ADMIN;
import static ir.parvaneh.command.support.Actors.QAZVIN_ADMIN;
import static ir.parvaneh.command.support.Actors.QAZVIN_CLERK;
import static ir.parvaneh.command.support.Actors.TAKESTAN_ADMIN;
import static ir.parvaneh.command.support.Refusals.refusedWith;

/** Publishing a municipality's message templates, legal and illegal. */
class MessageTemplateCatalogueTest {

    private static final MunicipalityId QAZVIN = MunicipalityId.forProvinceSlug("qazvin");
    private static final MunicipalityId TAKESTAN = MunicipalityId.forProvinceSlug("takestan");
    private static final MessageTemplateCatalogueId CATALOGUE = MessageTemplateCatalogueId.of(QAZVIN);
    private static final String C = CATALOGUE.toString();
    private static final String M = QAZVIN.toString();
    private static final String AT = "2026-11-29T08:00:00Z";
    private static final String BODY = "شهرداری {municipality}: عوارض پلاک {plate} {amount}، مهلت {payBy}";

    private AggregateTestFixture<MessageTemplateCatalogue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MessageTemplateCatalogue.class);
    }

    private static Map<String, String> as(Actor actor) {
        return actor.toMetaData();
    }

    private static PublishMessageTemplate publish(String kind, String channel, String title, String body) {
        return new PublishMessageTemplate(CATALOGUE, QAZVIN, "qazvin", kind, channel, title, body, AT);
    }

    private static MessageTemplatePublished published(int version, String channel, String body, Actor by) {
        return new MessageTemplatePublished(C, M, "qazvin", "FEES_DUE", channel, version, "عوارض", body, by.subject(), AT);
    }

    @Test
    void theMunicipalitysAdministratorPublishesTheFirstVersionOfATemplate() {
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "SMS", " عوارض ", BODY), as(QAZVIN_ADMIN))
                .expectEvents(published(1, "SMS", BODY, QAZVIN_ADMIN))
                .expectResultMessagePayload(1);
    }

    @Test
    void aNewTextIsTheNextVersionOfItsKindAndChannelAndOtherChannelsCountTheirOwn() {
        fixture.given(published(1, "SMS", BODY, QAZVIN_ADMIN))
                .when(publish("FEES_DUE", "SMS", "عوارض", "مبلغ {amount}"), as(PROVINCE_ADMIN))
                .expectEvents(published(2, "SMS", "مبلغ {amount}", PROVINCE_ADMIN))
                .expectResultMessagePayload(2);
        fixture.given(published(1, "SMS", BODY, QAZVIN_ADMIN))
                .when(publish("FEES_DUE", "ANY", "عوارض", BODY), as(QAZVIN_ADMIN))
                .expectEvents(published(1, "ANY", BODY, QAZVIN_ADMIN));
    }

    @Test
    void theTextInForceAgainRecordsNothingAndAnswersItsVersion() {
        fixture.given(published(1, "SMS", BODY, QAZVIN_ADMIN), published(2, "SMS", "مبلغ {amount}", QAZVIN_ADMIN))
                .when(publish("FEES_DUE", "SMS", "عوارض", "مبلغ {amount}"), as(QAZVIN_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2);
    }

    @Test
    void aPlaceholderTheKindDoesNotHaveIsRefusedAndNothingIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "SMS", "عوارض", "مالک {owner}: {amount}"), as(QAZVIN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOTIFICATION_TEMPLATE_INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "مبلغ {amount", "مبلغ amount}"})
    void anEmptyTextOrAStrayBraceIsRefused(String body) {
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "SMS", "عوارض", body), as(QAZVIN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOTIFICATION_TEMPLATE_INVALID));
    }

    @Test
    void anUnknownKindOrChannelIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish("BIRTHDAY_GREETING", "SMS", "تبریک", "{name} عزیز"), as(QAZVIN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOTIFICATION_TEMPLATE_INVALID, "field", "kind"));
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "FAX", "عوارض", BODY), as(QAZVIN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOTIFICATION_TEMPLATE_INVALID));
    }

    @Test
    void anotherMunicipalitysAdministratorAClerkOrACitizenIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "SMS", "عوارض", BODY), as(TAKESTAN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "SMS", "عوارض", BODY), as(QAZVIN_CLERK))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        fixture.givenNoPriorActivity()
                .when(publish("FEES_DUE", "SMS", "عوارض", BODY), as(CITIZEN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
    }

    @Test
    void aCatalogueOfAnotherMunicipalityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishMessageTemplate(CATALOGUE, TAKESTAN, "qazvin", "FEES_DUE", "SMS", "عوارض", BODY, AT),
                        as(QAZVIN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "municipalityId"));
    }
}
