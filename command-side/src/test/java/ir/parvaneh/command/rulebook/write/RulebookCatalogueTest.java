package ir.parvaneh.command.rulebook.write;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.rulebook.RulebookCatalogueId;
import ir.parvaneh.kernel.rulebook.RulebookCommands.PublishRulebookVersion;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.rulebook.RulebookEvent.RulebookVersionPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static ir.parvaneh.command.support.Actors.CITIZEN;
import static ir.parvaneh.command.support.Actors.PROVINCE_ADMIN;
import static ir.parvaneh.command.support.Actors.QAZVIN_ADMIN;
import static ir.parvaneh.command.support.Actors.QAZVIN_CLERK;
import static ir.parvaneh.command.support.Actors.TAKESTAN_ADMIN;
import static ir.parvaneh.command.support.Refusals.refusedWith;
import static ir.parvaneh.command.support.TestRulebooks.asVersion;
import static ir.parvaneh.command.support.TestRulebooks.edited;
import static ir.parvaneh.command.support.TestRulebooks.manifestEdited;
import static ir.parvaneh.command.support.TestRulebooks.provinceRulebookFor;

/**
 * Publishing rulebook versions, legal and illegal: a good rulebook is published with its content and hash;
 * each kind of bad rulebook (as the compiler sees it), a rulebook for another municipality, a version
 * published twice, a back-dated later version and an actor who may not publish are refused, and nothing is
 * recorded. The clock stands on 8 Azar 1405 (29 November 2026) in Tehran.
 */
class RulebookCatalogueTest {

    private static final Clock TEHRAN_MORNING = Clock.fixed(Instant.parse("2026-11-29T06:30:00Z"), ZoneOffset.UTC);
    private static final MunicipalityId QAZVIN = MunicipalityId.forProvinceSlug("qazvin");
    private static final RulebookCatalogueId CATALOGUE = RulebookCatalogueId.of(QAZVIN);

    private static final RulebookContent V1 = provinceRulebookFor("qazvin");
    private static final RulebookContent V2 = asVersion(V1, "1405.2", "2026-12-21");
    private static final RulebookVersionPublished V1_PUBLISHED = published(V1, "1405.1", "2026-03-21", null);

    private AggregateTestFixture<RulebookCatalogue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RulebookCatalogue.class);
        fixture.registerInjectableResource(TEHRAN_MORNING);
    }

    private static PublishRulebookVersion publish(RulebookContent content) {
        return new PublishRulebookVersion(CATALOGUE, QAZVIN, "qazvin", content);
    }

    private static RulebookVersionPublished published(RulebookContent content, String version, String from, String superseded) {
        return new RulebookVersionPublished(CATALOGUE.toString(), QAZVIN.toString(), "qazvin", version, from,
                content.sha256(), new TreeMap<>(content.files()), superseded);
    }

    private static Map<String, String> as(Actor actor) {
        return actor.toMetaData();
    }

    @Nested
    class Publish {

        @Test
        void givenNoRulebookWhenQazvinsAdminPublishesItsFirstThenItIsPublishedFromTheDateItsResolutionTookEffect() {
            fixture.givenNoPriorActivity()
                    .when(publish(V1), as(QAZVIN_ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(V1_PUBLISHED);
        }

        @Test
        void givenAVersionWhenALaterOneIsPublishedFromAFutureDayThenItSupersedesTheFirstFromThatDay() {
            fixture.given(V1_PUBLISHED)
                    .when(publish(V2), as(PROVINCE_ADMIN))
                    .expectEvents(published(V2, "1405.2", "2026-12-21", "1405.1"));
        }

        @Test
        void givenAVersionWhenALaterOneIsPublishedFromTodayThenPublished() {
            RulebookContent today = asVersion(V1, "1405.2", "2026-11-29");
            fixture.given(V1_PUBLISHED)
                    .when(publish(today), as(QAZVIN_ADMIN))
                    .expectEvents(published(today, "1405.2", "2026-11-29", "1405.1"));
        }

        @Test
        void givenAVersionWhenALaterOneIsBackDatedThenRefusedBecauseAssessmentsMayRestOnThePast() {
            fixture.given(V1_PUBLISHED)
                    .when(publish(asVersion(V1, "1405.2", "2026-11-28")), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.RULEBOOK_EFFECTIVE_IN_PAST, "effectiveFrom", "2026-11-28"));
        }

        @Test
        void givenAVersionWhenTheSameLabelIsPublishedAgainWithOtherContentThenRefused() {
            fixture.given(V1_PUBLISHED)
                    .when(publish(manifestEdited(V1, "\"effectiveFrom\" : \"2026-03-21\"", "\"effectiveFrom\" : \"2026-12-21\"")),
                            as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.RULEBOOK_VERSION_ALREADY_PUBLISHED, "version", "1405.1"));
        }

        @Test
        void givenNoRulebookWhenTakestansRulebookIsPublishedForQazvinThenRefused() {
            fixture.givenNoPriorActivity()
                    .when(publish(provinceRulebookFor("takestan")), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.RULEBOOK_WRONG_MUNICIPALITY, "manifestMunicipality", "takestan"));
        }
    }

    static Stream<Arguments> badRulebooks() {
        return Stream.of(
                Arguments.of("unparsable DMN", edited(V1, "zoning.dmn", "</definitions>", ""), ErrorCode.RULEBOOK_DMN_UNPARSABLE),
                Arguments.of("a required output nobody gives", manifestEdited(V1, "\"name\" : \"setback-rule\"", "\"name\" : \"setback-rules\""),
                        ErrorCode.RULEBOOK_MISSING_OUTPUT),
                Arguments.of("overlapping rows", edited(V1, "zoning.dmn", "ie_envelopeTable_2_3\"><text>[8..10)", "ie_envelopeTable_2_3\"><text>[8..12)"),
                        ErrorCode.RULEBOOK_OVERLAPPING_ROWS),
                Arguments.of("a gap in a bracket table", edited(V1, "zoning.dmn", "ie_envelopeTable_2_3\"><text>[8..10)", "ie_envelopeTable_2_3\"><text>[8..9)"),
                        ErrorCode.RULEBOOK_GAP_IN_TABLE),
                Arguments.of("a unit mismatch", edited(V1, "zoning.dmn", "label=\"lot area (m2)\"", "label=\"lot area (ha)\""),
                        ErrorCode.RULEBOOK_UNIT_MISMATCH),
                Arguments.of("a manifest that is not JSON", manifestEdited(V1, "{", "{{"), ErrorCode.RULEBOOK_MANIFEST_INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRulebooks")
    void givenNoRulebookWhenABadOneIsPublishedThenRefusedWithItsCodeAndNothingPublished(String kind, RulebookContent bad,
                                                                                         ErrorCode code) {
        fixture.givenNoPriorActivity()
                .when(publish(bad), as(QAZVIN_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(code));
    }

    static Stream<Arguments> mayNotPublish() {
        return Stream.of(Arguments.of(CITIZEN, ErrorCode.FORBIDDEN_ROLE), Arguments.of(QAZVIN_CLERK, ErrorCode.FORBIDDEN_ROLE),
                Arguments.of(TAKESTAN_ADMIN, ErrorCode.FORBIDDEN_MUNICIPALITY));
    }

    @ParameterizedTest
    @MethodSource("mayNotPublish")
    void givenNoRulebookWhenSomeoneWhoMayNotPublishesThenRefusedAndNothingPublished(Actor actor, ErrorCode code) {
        fixture.givenNoPriorActivity()
                .when(publish(V1), as(actor))
                .expectNoEvents()
                .expectException(refusedWith(code));
    }
}
