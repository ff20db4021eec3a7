package ir.parvaneh.query.application;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.query.QuerySideApplication;
import ir.parvaneh.query.infrastructure.axon.ProcessingNodes;
import ir.parvaneh.query.operations.ProjectionOperations;
import ir.parvaneh.query.support.EventStoreSchemaInitializer;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ir.parvaneh.query.jooq.query.Tables.PERMIT_APPLICATION;
import static ir.parvaneh.query.jooq.query.Tables.PROCESSING_NODE;
import static ir.parvaneh.query.jooq.query.Tables.PROJECTION_HOLD;
import static ir.parvaneh.query.jooq.query.Tables.TOKENENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several query-side instances on one store share each projection's segments through Axon's claims, each taking at
 * most its fair share; every event is still projected exactly once; when an instance stops, the others take its
 * segments back; a projection rebuilt on one instance is given up by the others for the reset. The test's own shared context is one instance; two more are started here, each a whole query-side
 * application with its own node id.
 */
@QuerySideIntegrationTest
class SeveralInstancesTest {

    private static final String PROCESSOR = PermitApplicationProjector.PROCESSING_GROUP;
    private static final Instant T0 = Instant.parse("2026-11-25T06:30:00Z");

    @Autowired
    DSLContext dsl;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProcessingNodes thisNode;
    @Autowired
    ProjectionOperations operations;

    @Test
    void givenThreeInstancesThenEachClaimsItsShareEveryEventIsProjectedOnceAndAStoppedInstancesSegmentsAreTakenBack() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String nodeA = "instance-a-" + run;
        String nodeB = "instance-b-" + run;
        ConfigurableApplicationContext a = start(nodeA);
        ConfigurableApplicationContext b = start(nodeB);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Integer> claims = claims();
                int live = live();
                assertThat(live).isGreaterThanOrEqualTo(3);
                assertThat(claims.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(segments());
                assertThat(claims.values()).allSatisfy(held -> assertThat(held).isLessThanOrEqualTo(share(live)));
                assertThat(claims.keySet()).hasSizeGreaterThanOrEqualTo(2);
                // The first instance holds at most its share, so the instances started here took the rest.
                assertThat(claims.getOrDefault(nodeA, 0) + claims.getOrDefault(nodeB, 0)).isPositive();
            });

            // Work while the segments are spread: every application's events land once, in order.
            Applications applications = new Applications(eventStore);
            String slug = Applications.slug();
            Actor applicant = Applications.citizen("سمیرا نادری");
            List<Applications.Stream> streams = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Applications.Stream stream = applications.application(slug, applicant);
                stream.readyForReview("71/" + i, T0);
                streams.add(stream);
            }
            List<String> ids = streams.stream().map(s -> s.id).toList();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(dsl.fetchCount(PERMIT_APPLICATION,
                        PERMIT_APPLICATION.ID.in(ids).and(PERMIT_APPLICATION.LAST_SEQUENCE.eq(2L)))).isEqualTo(24);
            });

            // An operator rebuilds the projection on one instance while the others hold segments of it: they give them
            // up, the projection is reset and replayed, and the same rows come back.
            operations.rebuild(PROCESSOR);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(dsl.fetchCount(PERMIT_APPLICATION,
                        PERMIT_APPLICATION.ID.in(ids).and(PERMIT_APPLICATION.LAST_SEQUENCE.eq(2L)))).isEqualTo(24);
            });
            assertThat(dsl.fetchCount(PROJECTION_HOLD)).isZero();

            a.close();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Integer> claims = claims();
                int live = live();
                assertThat(claims).doesNotContainKey(nodeA);
                assertThat(claims.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(segments());
                assertThat(claims.values()).allSatisfy(held -> assertThat(held).isLessThanOrEqualTo(share(live)));
            });
        } finally {
            a.close();
            b.close();
        }
        assertThat(dsl.fetchCount(PROCESSING_NODE, PROCESSING_NODE.NODE_ID.like("instance-%-" + run))).isZero();
    }

    private static ConfigurableApplicationContext start(String nodeId) {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(QuerySideApplication.CONFIG_NAME)
                .profiles("test")
                .initializers(new EventStoreSchemaInitializer())
                .run("--server.port=0", "--parvaneh.node-id=" + nodeId);
    }

    /** Segments of the processor held, per owner. */
    private Map<String, Integer> claims() {
        Map<String, Integer> claims = new HashMap<>();
        dsl.select(TOKENENTRY.OWNER).from(TOKENENTRY)
                .where(TOKENENTRY.PROCESSORNAME.eq(PROCESSOR).and(TOKENENTRY.OWNER.isNotNull()))
                .forEach(r -> claims.merge(r.value1(), 1, Integer::sum));
        return claims;
    }

    private int segments() {
        return dsl.fetchCount(TOKENENTRY, TOKENENTRY.PROCESSORNAME.eq(PROCESSOR));
    }

    private int live() {
        return thisNode.liveNodes();
    }

    private int share(int live) {
        return (segments() + live - 1) / live;
    }
}
