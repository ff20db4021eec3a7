package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static ir.parvaneh.query.jooq.query.Tables.PROCESSING_NODE;
import static ir.parvaneh.query.jooq.query.Tables.PROJECTION_HOLD;
import static ir.parvaneh.query.jooq.query.Tables.TOKENENTRY;

/**
 * How several query-side instances share the projections' work: by Axon's own segment claims, each instance taking
 * at most its fair share of every pooled processor's segments, {@code ceil(segments / live instances)}. Axon's
 * coordinator asks this {@link MaxSegmentProvider} before every claim and, when an instance holds more than it is
 * given, releases the surplus itself; the other instances then claim the released segments. So a second instance
 * that starts takes half of the work from the first within a few claim intervals, and when one stops (its row
 * deleted) or dies (its row no longer refreshed, its claims timing out), the others take its segments back.
 * <p>
 * The live instances are those that refreshed their row in {@code query.processing_node} within three heartbeats:
 * a membership list and nothing more — no leader, no messages between instances; the claims themselves stay in the
 * token store, where Axon keeps them.
 */
public class ProcessingNodes implements MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(ProcessingNodes.class);

    private final DSLContext dsl;
    private final String nodeId;
    private final Duration heartbeat;
    private volatile int liveNodes = 1;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();
    /** Projections another live instance is rebuilding: this one holds none of their segments meanwhile. */
    private volatile Set<String> heldElsewhere = Set.of();

    public ProcessingNodes(DSLContext dsl, String nodeId, Duration heartbeat) {
        this.dsl = dsl;
        this.nodeId = nodeId;
        this.heartbeat = heartbeat;
    }

    public String nodeId() {
        return nodeId;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    /** The instances counted in the last heartbeat, this one included. */
    public int liveNodes() {
        return liveNodes;
    }

    /**
     * The most segments of {@code processorName} this instance may hold. Before the processor's tokens exist, or
     * while this instance runs alone, that is every segment.
     */
    @Override
    public int getMaxSegments(String processorName) {
        if (heldElsewhere.contains(processorName)) {
            return 0;
        }
        Integer total = segments.get(processorName);
        if (total == null || liveNodes <= 1) {
            return Short.MAX_VALUE;
        }
        return Math.max(1, (total + liveNodes - 1) / liveNodes);
    }

    /**
     * Refreshes this instance's row, counts the live instances and each processor's segments. A failure (the
     * database briefly away) keeps the last figures: the claims in the token store stay what decides who works.
     */
    public void beat() {
        try {
            // The database's clock, not this instance's: the instances compare their heartbeats with one clock.
            Field<OffsetDateTime> now = DSL.currentOffsetDateTime();
            dsl.insertInto(PROCESSING_NODE)
                    .set(PROCESSING_NODE.NODE_ID, nodeId)
                    .set(PROCESSING_NODE.STARTED_AT, now)
                    .set(PROCESSING_NODE.HEARTBEAT_AT, now)
                    .onConflict(PROCESSING_NODE.NODE_ID).doUpdate()
                    .set(PROCESSING_NODE.HEARTBEAT_AT, now)
                    .execute();
            Field<OffsetDateTime> expiry = DSL.field("now() - make_interval(secs => {0})", OffsetDateTime.class,
                    DSL.val(heartbeat.multipliedBy(3).toMillis() / 1000.0));
            int live = dsl.fetchCount(PROCESSING_NODE, PROCESSING_NODE.HEARTBEAT_AT.gt(expiry));
            dsl.select(TOKENENTRY.PROCESSORNAME, DSL.count())
                    .from(TOKENENTRY)
                    .groupBy(TOKENENTRY.PROCESSORNAME)
                    .forEach(r -> segments.put(r.value1(), r.value2()));
            heldElsewhere = Set.copyOf(dsl.select(PROJECTION_HOLD.PROCESSOR_NAME)
                    .from(PROJECTION_HOLD)
                    .join(PROCESSING_NODE).on(PROCESSING_NODE.NODE_ID.eq(PROJECTION_HOLD.HELD_BY))
                    .where(PROJECTION_HOLD.HELD_BY.ne(nodeId).and(PROCESSING_NODE.HEARTBEAT_AT.gt(expiry)))
                    .fetch(PROJECTION_HOLD.PROCESSOR_NAME));
            if (live != liveNodes) {
                log.info("Query-side instances now running: {} (this one: {})", live, nodeId);
            }
            liveNodes = Math.max(1, live);
        } catch (RuntimeException e) {
            log.warn("Heartbeat of {} failed; keeping {} live instances: {}", nodeId, liveNodes, e.toString());
        }
    }

    /**
     * Asks the other instances to give up every segment of {@code processorName} (at their next heartbeat), so that
     * this one can claim them all, as a reset needs; until {@link #unhold}, or until this instance stops beating.
     */
    public void hold(String processorName) {
        Field<OffsetDateTime> now = DSL.currentOffsetDateTime();
        dsl.insertInto(PROJECTION_HOLD)
                .set(PROJECTION_HOLD.PROCESSOR_NAME, processorName)
                .set(PROJECTION_HOLD.HELD_BY, nodeId)
                .set(PROJECTION_HOLD.HELD_AT, now)
                .onConflict(PROJECTION_HOLD.PROCESSOR_NAME).doUpdate()
                .set(PROJECTION_HOLD.HELD_BY, nodeId)
                .set(PROJECTION_HOLD.HELD_AT, now)
                .execute();
    }

    /** The other instances may take their share of {@code processorName} again. */
    public void unhold(String processorName) {
        dsl.deleteFrom(PROJECTION_HOLD)
                .where(PROJECTION_HOLD.PROCESSOR_NAME.eq(processorName).and(PROJECTION_HOLD.HELD_BY.eq(nodeId)))
                .execute();
    }

    /** This instance leaves: the others count it out at their next heartbeat and take its released segments. */
    public void leave() {
        try {
            dsl.deleteFrom(PROJECTION_HOLD).where(PROJECTION_HOLD.HELD_BY.eq(nodeId)).execute();
            dsl.deleteFrom(PROCESSING_NODE).where(PROCESSING_NODE.NODE_ID.eq(nodeId)).execute();
        } catch (RuntimeException e) {
            log.warn("Could not remove {} from the running instances (it expires by itself): {}", nodeId, e.toString());
        }
    }

}
