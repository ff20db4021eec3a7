package ir.parvaneh.command.review.write;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.review.ReviewDeskCommands.EnrolReviewer;
import ir.parvaneh.kernel.review.ReviewDeskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Puts the demo realm's clerks on their towns' review desks (enrolling again changes nothing), so that a paid
 * application in the embedded run is assigned at once. Their subjects are the fixed user ids of
 * {@code scripts/keycloak/parvaneh-realm.json}.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "parvaneh.demo.load-province", havingValue = "true")
class DemoReviewDesks implements ApplicationRunner {

    record DemoClerk(String slug, String subject, String name) {
    }

    static final List<DemoClerk> CLERKS = List.of(
            new DemoClerk("qazvin", "0d3e0000-c1e4-4000-8000-000000000001", "علی رضایی"),
            new DemoClerk("qazvin", "0d3e0000-c1e4-4000-8000-000000000003", "فاطمه حسینی"),
            new DemoClerk("takestan", "0d3e0000-c1e4-4000-8000-000000000002", "زهرا کریمی"));
    private static final Logger log = LoggerFactory.getLogger(DemoReviewDesks.class);
    private static final Actor LOADER = Actor.system("demo-review-desks");

    private final ActingCommands commands;
    private final MunicipalitySlugs slugs;

    DemoReviewDesks(ActingCommands commands, MunicipalitySlugs slugs) {
        this.commands = commands;
        this.slugs = slugs;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoClerk clerk : CLERKS) {
            slugs.municipalityIdOf(clerk.slug()).map(MunicipalityId::parse).ifPresent(municipality ->
                    commands.send(new EnrolReviewer(ReviewDeskId.of(municipality), municipality, clerk.slug(),
                            clerk.subject(), clerk.name()), LOADER));
        }
        log.info("The demo clerks are on their towns' review desks");
    }
}
