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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side's projections against a large event store, with plain JDBC (run with the PostgreSQL driver on the
 * class path; scripts/bench/projections does it):
 *
 *   fill    jdbcUrl targetEvents
 *       clones the real permit-application and zoning-assessment streams already in the store (written by the
 *       permit journey tests through the command side) under new aggregate ids until the store holds
 *       targetEvents events: the same payloads, metadata and order of events, so the projections do their real work;
 *   rebuild jdbcUrl timeoutSeconds
 *       waits until every query-side processor's token has reached the last event, printing how long each took
 *       from the moment its first token appeared (the processors start from the first event on a fresh schema);
 *   lag     jdbcUrl eventsPerSecond seconds
 *       appends cloned application streams at a steady rate while the query side runs, and for each event measures
 *       the time from its commit until every processor's token has passed it: p50, p90, p99, max.
 */
public class ProjectionBench {

    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    private static final String TEMPLATE_TYPES = "('PermitApplication', 'ZoningAssessment')";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        try (Connection db = DriverManager.getConnection(url, System.getProperty("user", "postgres"), "")) {
            switch (mode) {
                case "fill" -> fill(db, Long.parseLong(args[2]));
                case "rebuild" -> rebuild(db, Integer.parseInt(args[2]));
                case "lag" -> lag(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                default -> throw new IllegalArgumentException("mode: fill | rebuild | lag");
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

    private static void rebuild(Connection db, int timeoutSeconds) throws Exception {
        long last = count(db, "SELECT max(globalindex) FROM axon.domainevententry");
        long events = count(db, "SELECT count(*) FROM axon.domainevententry");
        System.out.printf(Locale.ROOT, "waiting for every processor to reach event %,d (%,d events in the store)%n", last, events);
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, Long> caughtUp = new HashMap<>();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            Map<String, Long> positions = positions(db);
            long now = System.nanoTime();
            for (Map.Entry<String, Long> processor : positions.entrySet()) {
                firstSeen.putIfAbsent(processor.getKey(), now);
                if (processor.getValue() >= last) {
                    caughtUp.putIfAbsent(processor.getKey(), now);
                }
            }
            if (now - lastReport > 5_000_000_000L) {
                System.out.println("  " + positions);
                lastReport = now;
            }
            if (!positions.isEmpty() && caughtUp.keySet().containsAll(positions.keySet())) {
                break;
            }
            Thread.sleep(50);
        }
        long start = Collections.min(firstSeen.values());
        long end = 0;
        for (String processor : new java.util.TreeSet<>(firstSeen.keySet())) {
            Long done = caughtUp.get(processor);
            if (done == null) {
                System.out.printf(Locale.ROOT, "  %-24s did not catch up within %d s%n", processor, timeoutSeconds);
                continue;
            }
            end = Math.max(end, done);
            double seconds = (done - firstSeen.get(processor)) / 1e9;
            System.out.printf(Locale.ROOT, "  %-24s %,.0f events/s (%.1f s)%n", processor, events / seconds, seconds);
        }
        if (caughtUp.size() == firstSeen.size()) {
            double seconds = (end - start) / 1e9;
            System.out.printf(Locale.ROOT, "all projections rebuilt from %,d events in %.1f s: %,.0f events/s%n",
                    events, seconds, events / seconds);
        } else {
            System.exit(1);
        }
    }

    /** Each processor's position: the lowest token index of its segments (every segment reads every event). */
    private static Map<String, Long> positions(Connection db) throws SQLException {
        Map<String, Long> positions = new java.util.TreeMap<>();
        if (count(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'query' AND tablename = 'tokenentry'") == 0) {
            return positions; // the query side has not created its schema yet
        }
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT processorname, convert_from(token, 'UTF8') FROM query.tokenentry")) {
            while (rows.next()) {
                String token = rows.getString(2);
                long index = -1;
                if (token != null) {
                    Matcher matcher = INDEX.matcher(token);
                    // A replay token holds the token at reset and the current one; the current one comes last.
                    while (matcher.find()) {
                        index = Long.parseLong(matcher.group(1));
                    }
                }
                positions.merge(rows.getString(1), index, Math::min);
            }
        }
        return positions;
    }

    // ================================================================ lag

    private static void lag(String url, int eventsPerSecond, int seconds) throws Exception {
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean appending = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                while (appending.get() || !committedAt.isEmpty()) {
                    long position = positions(db).values().stream().mapToLong(Long::longValue).min().orElse(-1);
                    long now = System.nanoTime();
                    committedAt.entrySet().removeIf(event -> {
                        if (event.getKey() <= position) {
                            lags.add(now - event.getValue());
                            return true;
                        }
                        return false;
                    });
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
            System.out.printf(Locale.ROOT, "appending one %d-event application stream every %.0f ms for %d s%n",
                    templateEvents, interval / 1e6, seconds);
            String clone = CLONE.replace("?::varchar[]", "ARRAY[?]::varchar[]") + " RETURNING globalindex";
            long start = System.nanoTime();
            long next = start;
            int i = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                try (PreparedStatement insert = db.prepareStatement(clone)) {
                    insert.setString(1, templates.get(i++ % templates.size()));
                    insert.setInt(2, 1);
                    List<Long> indexes = new ArrayList<>();
                    try (ResultSet rows = insert.executeQuery()) {
                        while (rows.next()) {
                            indexes.add(rows.getLong(1));
                        }
                    }
                    long committed = System.nanoTime();
                    indexes.forEach(index -> committedAt.put(index, committed));
                }
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        appending.set(false);
        watcher.join(60_000);
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no event was seen projected");
        }
        System.out.printf(Locale.ROOT, "projection lag over %,d events (commit to every processor past it): "
                        + "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms; %d never seen%n",
                sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                committedAt.size());
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
