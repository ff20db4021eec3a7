import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The query side's projections against a large event store, with plain JDBC (run with the PostgreSQL driver on the
 * class path; scripts/bench/projections does it):
 *
 *   fill    jdbcUrl targetEvents
 *       clones the real permit-application and zoning-assessment streams already in the store (written by the
 *       permit journey tests through the command side) under new aggregate ids until the store holds
 *       targetEvents events: the same payloads, metadata and order of events, so the projections do their real work;
 *   rebuild jdbcUrl timeoutSeconds
 *       waits until the applications' rows have folded every permit-application event and the decision history
 *       holds a link for every event, from the moment the first row appears (on a fresh query schema every projection starts
 *       from the first event), and prints the events per second;
 *   rebuild-one jdbcUrl processor timeoutSeconds
 *       after the script has reset one projection (its tokens deleted, its tables emptied) and restarted the query
 *       side: the time until every segment of that processor has stored a token at the head of the store, and the
 *       events per second;
 *   lag     jdbcUrl eventsPerSecond seconds
 *       appends cloned application streams at a steady rate while the query side runs, and for each event measures
 *       the time from its commit until it is in both per-event projections: p50, p90, p99, max.
 */
public class ProjectionBench {

    private static final String TEMPLATE_TYPES = "('PermitApplication', 'ZoningAssessment')";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        try (Connection db = DriverManager.getConnection(url, System.getProperty("user", "postgres"), "")) {
            switch (mode) {
                case "fill" -> fill(db, Long.parseLong(args[2]));
                case "rebuild" -> rebuild(db, Integer.parseInt(args[2]));
                case "rebuild-one" -> rebuildOne(db, args[2], Integer.parseInt(args[3]));
                case "lag" -> lag(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                default -> throw new IllegalArgumentException("mode: fill | rebuild | rebuild-one | lag");
            }
        }
    }

    // ================================================================ fill

    private static void fill(Connection db, long target) throws SQLException {
        List<String> templates = templates(db);
        long templateEvents = count(db, "SELECT count(*) FROM axon.domainevententry WHERE type IN " + TEMPLATE_TYPES);
        long have = count(db, "SELECT count(*) FROM axon.domainevententry");
        System.out.printf(Locale.ROOT, "%d template streams (%d events); the store holds %d events%n",
                templates.size(), templateEvents, have);
        if (templates.isEmpty()) {
            throw new IllegalStateException("No permit-application streams to clone: run the journey tests on this database first");
        }
        long started = System.nanoTime();
        int copies = (int) Math.max(1, 20_000 / templateEvents);
        while (have < target) {
            long before = have;
            try (PreparedStatement clone = db.prepareStatement(CLONE)) {
                clone.setArray(1, db.createArrayOf("varchar", templates.toArray()));
                clone.setInt(2, copies);
                clone.executeUpdate();
            }
            have = count(db, "SELECT count(*) FROM axon.domainevententry");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "  %,d events (+%,d), %.0f s%n", have, have - before, seconds);
        }
        try (Statement analyse = db.createStatement()) {
            analyse.execute("ANALYZE axon.domainevententry");
        }
        System.out.printf(Locale.ROOT, "filled: %,d events in %.0f s%n", have, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Clones each template stream {@code copies} times under a fresh id: the template's UUID is replaced in the
     * aggregate id and wherever the payload names it; every event gets a new identifier; order is kept.
     */
    private static final String CLONE = """
            WITH ids AS MATERIALIZED (
                SELECT t.id AS template, substring(t.id from '[0-9a-f]{8}-[0-9a-f-]{27}$') AS old_uuid,
                       gen_random_uuid()::text AS new_uuid, g
                FROM unnest(?::varchar[]) AS t(id), generate_series(1, ?) AS g)
            INSERT INTO axon.domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                               payload, payloadrevision, payloadtype, timestamp)
            SELECT replace(e.aggregateidentifier, ids.old_uuid, ids.new_uuid), e.sequencenumber, e.type,
                   gen_random_uuid()::text, e.metadata,
                   convert_to(replace(convert_from(e.payload, 'UTF8'), ids.old_uuid, ids.new_uuid), 'UTF8'),
                   e.payloadrevision, e.payloadtype, e.timestamp
            FROM ids JOIN axon.domainevententry e ON e.aggregateidentifier = ids.template
            ORDER BY ids.g, ids.template, e.sequencenumber
            """;

    private static List<String> templates(Connection db) throws SQLException {
        List<String> ids = new ArrayList<>();
        // The streams the tests wrote (not the clones): the clones share their payload types, so take the oldest
        // stream of each distinct shape, at most 200.
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("""
                     SELECT aggregateidentifier FROM axon.domainevententry
                     WHERE type IN %s AND sequencenumber = 0
                     ORDER BY globalindex LIMIT 200""".formatted(TEMPLATE_TYPES))) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    // ================================================================ rebuild

    /**
     * Times the projections filling from the first event. Progress is read from the applications' rows (each row's
     * version counts the events folded into it) and from the decision history's hash chain (a row per event): the
     * tokens alone are not a measure, as a pooled processor's token can stand ahead of the rows its open batches
     * have still to commit.
     */
    private static void rebuild(Connection db, int timeoutSeconds) throws Exception {
        long events = count(db, "SELECT count(*) FROM axon.domainevententry");
        long applicationEvents = count(db, "SELECT count(*) FROM axon.domainevententry WHERE type = 'PermitApplication'");
        long historyEvents = count(db, "SELECT count(*) FROM axon.domainevententry WHERE type IN " + TEMPLATE_TYPES);
        System.out.printf(Locale.ROOT, "%,d events in the store (%,d of permit applications, %,d with assessments)%n",
                events, applicationEvents, historyEvents);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        Long started = null;
        Long applicationsDone = null;
        Long historyDone = null;
        long lastReport = 0;
        while (System.nanoTime() < deadline && (applicationsDone == null || historyDone == null)) {
            long applications = folded(db);
            long history = chained(db);
            long now = System.nanoTime();
            if (started == null && (applications > 0 || history > 0)) {
                started = now;
            }
            if (applicationsDone == null && applications >= applicationEvents) {
                applicationsDone = now;
            }
            if (historyDone == null && history >= historyEvents) {
                historyDone = now;
            }
            if (now - lastReport > 5_000_000_000L) {
                System.out.printf(Locale.ROOT, "  applications %,d / %,d, decision history %,d / %,d%n", applications,
                        applicationEvents, history, historyEvents);
                lastReport = now;
            }
            // Each look sums over the applications' and the chains' rows (a tenth of the events): every 500 ms, so
            // that the measuring itself takes little of the database's CPU from the rebuild it measures.
            Thread.sleep(500);
        }
        if (started == null || applicationsDone == null || historyDone == null) {
            System.out.printf(Locale.ROOT, "the projections did not catch up within %d s%n", timeoutSeconds);
            System.exit(1);
        }
        double seconds = (Math.max(applicationsDone, historyDone) - started) / 1e9;
        System.out.printf(Locale.ROOT, "  applications caught up after %.1f s, decision history after %.1f s%n",
                (applicationsDone - started) / 1e9, (historyDone - started) / 1e9);
        System.out.printf(Locale.ROOT, "all projections rebuilt from %,d events in %.1f s: %,.0f events/s%n",
                events, seconds, events / seconds);
    }

    /**
     * Times one projection's rebuild after the script reset it (its tokens deleted, its tables emptied) and restarted
     * the query side, the other projections being at the head of the store: from the first token of the processor
     * until every one of its segments has stored a token at or past the last event in the store. A pooled processor
     * stores a segment's token in the transaction that writes the rows of the batch it ends, so a segment at the head
     * has committed every row. (A processor without tokens starts with a replay token, Axon's way of starting from
     * the first event, whose position is its {@code currentToken}'s until the replay ends.)
     */
    private static void rebuildOne(Connection db, String processor, int timeoutSeconds) throws Exception {
        long events = count(db, "SELECT count(*) FROM axon.domainevententry");
        long head = count(db, "SELECT max(globalindex) FROM axon.domainevententry");
        String positions = """
                SELECT count(*), coalesce(min(CASE WHEN token IS NULL THEN -1
                       ELSE coalesce(convert_from(token, 'UTF8')::jsonb ->> 'index',
                                     convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index', '-1')::bigint END), -1)
                FROM query.tokenentry WHERE processorname = '%s'""".formatted(processor);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        Long started = null;
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            long segments;
            long lowest;
            try (Statement query = db.createStatement(); ResultSet row = query.executeQuery(positions)) {
                row.next();
                segments = row.getLong(1);
                lowest = row.getLong(2);
            }
            long now = System.nanoTime();
            if (started == null && segments > 0) {
                started = now;
            }
            if (started != null && lowest >= head) {
                double seconds = (now - started) / 1e9;
                System.out.printf(Locale.ROOT, "%s rebuilt from %,d events in %.1f s: %,.0f events/s%n", processor,
                        events, seconds, events / seconds);
                return;
            }
            if (now - lastReport > 5_000_000_000L) {
                System.out.printf(Locale.ROOT, "  %s: %d segments, lowest position %,d of %,d%n", processor, segments,
                        lowest, head);
                lastReport = now;
            }
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "%s did not catch up within %d s%n", processor, timeoutSeconds);
        System.exit(1);
    }

    /**
     * The events chained by the decision history: the sum of each chain's head sequence plus one (the heads move in
     * the transaction that writes the links), a row per aggregate rather than a count of a row per event.
     */
    private static long chained(Connection db) throws SQLException {
        if (count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'query' AND tablename = 'decision_history_chain'") == 0) {
            return 0;
        }
        return count(db, "SELECT coalesce(sum(head_sequence + 1), 0) FROM query.decision_history_chain");
    }

    /** The permit-application events folded into the applications' rows: the sum of each row's version plus one. */
    private static long folded(Connection db) throws SQLException {
        if (count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'query' AND tablename = 'permit_application'") == 0) {
            return 0;
        }
        return count(db, "SELECT coalesce(sum(last_sequence + 1), 0) FROM query.permit_application");
    }

    // ================================================================ lag

    /**
     * Appends whole application streams at a steady rate and measures, for each event, the time from its commit
     * until both the application's row (its version) and the decision history have it: what a reader of the query
     * API waits for.
     */
    private static void lag(String url, int eventsPerSecond, int seconds) throws Exception {
        record Pending(String aggregate, long sequence, long committed) {
        }
        List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean appending = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                long giveUp = Long.MAX_VALUE;
                while (!pending.isEmpty() || appending.get()) {
                    if (!appending.get() && giveUp == Long.MAX_VALUE) {
                        giveUp = System.nanoTime() + 60_000_000_000L;
                    }
                    if (System.nanoTime() > giveUp) {
                        break;
                    }
                    List<Pending> waiting;
                    synchronized (pending) {
                        waiting = new ArrayList<>(pending);
                    }
                    if (waiting.isEmpty()) {
                        Thread.sleep(5);
                        continue;
                    }
                    String[] ids = waiting.stream().map(Pending::aggregate).distinct().toArray(String[]::new);
                    Map<String, Long> rows = highest(db, "SELECT id, last_sequence FROM "
                            + "query.permit_application WHERE id = ANY(?)", ids);
                    Map<String, Long> history = highest(db, "SELECT aggregate_id, max(sequence) FROM "
                            + "query.decision_history_event WHERE aggregate_id = ANY(?) GROUP BY 1", ids);
                    long now = System.nanoTime();
                    List<Pending> seen = new ArrayList<>();
                    for (Pending event : waiting) {
                        if (rows.getOrDefault(event.aggregate(), -1L) >= event.sequence()
                                && history.getOrDefault(event.aggregate(), -1L) >= event.sequence()) {
                            lags.add(now - event.committed());
                            seen.add(event);
                        }
                    }
                    pending.removeAll(seen);
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.start();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            List<String> templates = new ArrayList<>();
            for (String template : templates(db)) {
                if (template.startsWith("permit-application")) {
                    templates.add(template);
                }
            }
            long templateEvents = count(db, "SELECT count(*) FROM axon.domainevententry WHERE aggregateidentifier = '"
                    + templates.get(0) + "'");
            long streamsPerSecond = Math.max(1, eventsPerSecond / templateEvents);
            long interval = 1_000_000_000L / streamsPerSecond;
            System.out.printf(Locale.ROOT, "appending one application stream (about %d events) every %.0f ms for %d s%n",
                    templateEvents, interval / 1e6, seconds);
            String clone = CLONE.replace("?::varchar[]", "ARRAY[?]::varchar[]")
                    + " RETURNING aggregateidentifier, sequencenumber";
            long start = System.nanoTime();
            long next = start;
            int i = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                try (PreparedStatement insert = db.prepareStatement(clone)) {
                    insert.setString(1, templates.get(i++ % templates.size()));
                    insert.setInt(2, 1);
                    List<String[]> appended = new ArrayList<>();
                    try (ResultSet rows = insert.executeQuery()) {
                        while (rows.next()) {
                            appended.add(new String[]{rows.getString(1), rows.getString(2)});
                        }
                    }
                    long committed = System.nanoTime();
                    for (String[] event : appended) {
                        pending.add(new Pending(event[0], Long.parseLong(event[1]), committed));
                    }
                }
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        appending.set(false);
        watcher.join(120_000);
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no event was seen projected");
        }
        System.out.printf(Locale.ROOT, "projection lag over %,d events (commit to visible in the application's row and its decision history): "
                        + "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms; %d never seen%n",
                sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                pending.size());
    }

    private static Map<String, Long> highest(Connection db, String sql, String[] ids) throws SQLException {
        Map<String, Long> highest = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    highest.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return highest;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
