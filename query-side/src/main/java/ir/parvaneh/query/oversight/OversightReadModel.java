package ir.parvaneh.query.oversight;

import ir.parvaneh.query.jooq.query.tables.OversightApplication;
import ir.parvaneh.query.jooq.query.tables.OversightFact;
import ir.parvaneh.query.oversight.MonthDetail.Discretion;
import ir.parvaneh.query.oversight.MonthDetail.Overtake;
import ir.parvaneh.query.oversight.MonthFigures.LeadTime;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_APPLICATION;
import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_FACT;
import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_QUEUE_OVERTAKE;
import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_STAGE_INTERVAL;

/**
 * Oversight's figures, each a query over the projected facts (docs/oversight.md). Months are Jalali text
 * ({@code 1405-09}), which sorts as the months follow each other.
 */
@Component
class OversightReadModel {

    /** The stages whose time oversight reports, in the order an application meets them. */
    static final List<String> STAGES = List.of("FEES_UNDETERMINED", "RETURNED_FOR_CORRECTION", "AWAITING_PAYMENT",
            "AWAITING_REVIEW", "IN_REVIEW", "AWAITING_SECOND_APPROVAL", "OBJECTION_PENDING", "APPROVED");
    static final String SUBMISSION_TO_ISSUE = "SUBMISSION_TO_ISSUE";

    private static final OversightFact F = OVERSIGHT_FACT;
    private static final OversightApplication A = OVERSIGHT_APPLICATION;

    private final DSLContext dsl;

    OversightReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A municipality known to the platform or to oversight's facts, by slug. */
    record Town(String slug, String nameFa, String nameEn) {
    }

    Optional<Town> town(String slug) {
        return towns().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** Every municipality, registered or seen in an application, by slug. */
    List<Town> towns() {
        Map<String, Town> towns = new TreeMap<>();
        dsl.select(MUNICIPALITY.SLUG, MUNICIPALITY.NAME_FA, MUNICIPALITY.NAME_EN).from(MUNICIPALITY)
                .forEach(r -> towns.put(r.value1(), new Town(r.value1(), r.value2(), r.value3())));
        dsl.selectDistinct(A.MUNICIPALITY_SLUG).from(A)
                .forEach(r -> towns.putIfAbsent(r.value1(), new Town(r.value1(), null, null)));
        return List.copyOf(towns.values());
    }

    /** One municipality's months from {@code from} to {@code to}, every month present (zeros when nothing happened). */
    List<MonthDetail> months(Town town, JalaliMonth from, JalaliMonth to) {
        Map<String, MonthFigures> figures = figures(List.of(town), from, to);
        Map<String, List<Discretion>> discretion = discretion(town.slug(), from, to);
        Map<String, List<Overtake>> overtakes = overtakes(town.slug(), from, to);
        List<MonthDetail> months = new ArrayList<>();
        for (MonthFigures month : figures.values()) {
            months.add(new MonthDetail(month, discretion.getOrDefault(month.month(), List.of()),
                    overtakes.getOrDefault(month.month(), List.of())));
        }
        return months;
    }

    /** Every municipality's figures in one month, by slug. */
    List<MonthFigures> province(JalaliMonth month) {
        return List.copyOf(figures(towns(), month, month).values());
    }

    /** Figures keyed by slug and month, for every town and month asked (in that order). */
    private Map<String, MonthFigures> figures(List<Town> towns, JalaliMonth from, JalaliMonth to) {
        List<String> slugs = towns.stream().map(Town::slug).toList();
        Condition inRange = F.MONTH.between(from.toString(), to.toString()).and(A.MUNICIPALITY_SLUG.in(slugs));

        Map<String, org.jooq.Record> counts = new HashMap<>();
        Field<String> slug = A.MUNICIPALITY_SLUG;
        List<Field<?>> fields = new ArrayList<>(List.of(slug, F.MONTH));
        List<String> kinds = List.of(FactOf.SUBMITTED, FactOf.RESUBMITTED, FactOf.RETURNED, FactOf.CHANGES_REQUESTED,
                FactOf.APPROVED, FactOf.REJECTED, FactOf.ISSUED, FactOf.WITHDRAWN, FactOf.EXPIRED,
                FactOf.OBJECTION_FILED, FactOf.REVIEW_DEADLINE_MISSED, FactOf.ISSUE_DEADLINE_MISSED,
                FactOf.DISCRETION_PROPOSED, FactOf.DISCRETION_CONFIRMED, FactOf.DISCRETION_DECLINED,
                FactOf.FEE_LINE_WAIVED);
        kinds.forEach(kind -> fields.add(DSL.count().filterWhere(F.KIND.eq(kind)).as(kind)));
        Field<Integer> discretionary = DSL.count()
                .filterWhere(F.KIND.in(FactOf.APPROVED, FactOf.REJECTED).and(F.DISCRETIONARY.isTrue()))
                .as("discretionary_decisions");
        Field<Long> assessed = rials(FactOf.FEES_ASSESSED);
        Field<Long> paid = rials(FactOf.PAYMENT_CONFIRMED);
        Field<Long> waived = rials(FactOf.FEE_LINE_WAIVED);
        fields.addAll(List.of(discretionary, assessed, paid, waived));
        dsl.select(fields).from(F).join(A).on(A.APPLICATION_ID.eq(F.APPLICATION_ID))
                .where(inRange)
                .groupBy(slug, F.MONTH)
                .forEach(r -> counts.put(key(r.get(slug), r.get(F.MONTH)), r));

        Map<String, Map<String, LeadTime>> leadTimes = leadTimes(slugs, from, to);
        Map<String, long[]> overtakes = new HashMap<>();
        overtakes(slugs, from, to).forEach((k, list) -> overtakes.put(k, new long[]{
                list.stream().filter(Overtake::violation).count(),
                list.stream().filter(o -> !o.violation()).count()}));

        Map<String, MonthFigures> figures = new LinkedHashMap<>();
        for (Town town : towns) {
            for (JalaliMonth month = from; month.compareTo(to) <= 0; month = next(month)) {
                String key = key(town.slug(), month.toString());
                org.jooq.Record r = counts.get(key);
                long[] order = overtakes.getOrDefault(key, new long[2]);
                long approved = count(r, FactOf.APPROVED);
                long rejected = count(r, FactOf.REJECTED);
                long discretionaryDecisions = r == null ? 0 : r.get(discretionary);
                long returnedByCheck = count(r, FactOf.RETURNED);
                long changesRequested = count(r, FactOf.CHANGES_REQUESTED);
                figures.put(key, new MonthFigures(town.slug(), town.nameFa(), town.nameEn(), month.toString(),
                        count(r, FactOf.SUBMITTED), count(r, FactOf.RESUBMITTED), returnedByCheck, changesRequested,
                        returnedByCheck + changesRequested, approved, rejected, count(r, FactOf.ISSUED),
                        count(r, FactOf.WITHDRAWN), count(r, FactOf.EXPIRED), count(r, FactOf.OBJECTION_FILED),
                        count(r, FactOf.REVIEW_DEADLINE_MISSED), count(r, FactOf.ISSUE_DEADLINE_MISSED),
                        count(r, FactOf.DISCRETION_PROPOSED), count(r, FactOf.DISCRETION_CONFIRMED),
                        count(r, FactOf.DISCRETION_DECLINED), discretionaryDecisions, approved + rejected,
                        approved + rejected == 0 ? null
                                : round((double) discretionaryDecisions / (approved + rejected), 4),
                        count(r, FactOf.FEE_LINE_WAIVED), order[0], order[1],
                        sum(r, assessed), sum(r, paid), sum(r, waived),
                        leadTimes.getOrDefault(key, Map.of())));
            }
        }
        return figures;
    }

    /**
     * Median and 90th percentile (percentile_cont, interpolated) of the days spent in each stage, over the stays
     * that ended in the month, and of the days from submission to issue over the permits issued in the month.
     */
    private Map<String, Map<String, LeadTime>> leadTimes(List<String> slugs, JalaliMonth from, JalaliMonth to) {
        Map<String, Map<String, LeadTime>> times = new HashMap<>();
        var i = OVERSIGHT_STAGE_INTERVAL;
        Field<Double> stay = days(i.LEFT_AT, i.ENTERED_AT);
        dsl.select(A.MUNICIPALITY_SLUG, i.LEFT_MONTH, i.STAGE, DSL.count(), median(stay), p90(stay))
                .from(i).join(A).on(A.APPLICATION_ID.eq(i.APPLICATION_ID))
                .where(i.LEFT_MONTH.between(from.toString(), to.toString()))
                .and(A.MUNICIPALITY_SLUG.in(slugs))
                .and(i.STAGE.in(STAGES))
                .groupBy(A.MUNICIPALITY_SLUG, i.LEFT_MONTH, i.STAGE)
                .forEach(r -> times.computeIfAbsent(key(r.value1(), r.value2()), k -> new TreeMap<>(
                        Comparator.comparingInt(OversightReadModel::stageOrder)))
                        .put(r.value3(), new LeadTime(r.value4(), round(r.value5()), round(r.value6()))));
        Field<Double> toIssue = days(F.OCCURRED_AT, A.SUBMITTED_AT);
        dsl.select(A.MUNICIPALITY_SLUG, F.MONTH, DSL.count(), median(toIssue), p90(toIssue))
                .from(F).join(A).on(A.APPLICATION_ID.eq(F.APPLICATION_ID))
                .where(F.KIND.eq(FactOf.ISSUED))
                .and(F.MONTH.between(from.toString(), to.toString()))
                .and(A.MUNICIPALITY_SLUG.in(slugs))
                .groupBy(A.MUNICIPALITY_SLUG, F.MONTH)
                .forEach(r -> times.computeIfAbsent(key(r.value1(), r.value2()), k -> new TreeMap<>(
                        Comparator.comparingInt(OversightReadModel::stageOrder)))
                        .put(SUBMISSION_TO_ISSUE, new LeadTime(r.value3(), round(r.value4()), round(r.value5()))));
        return times;
    }

    /** Discretionary proposals of the months by proposer, kind and legal basis, with their outcome so far. */
    private Map<String, List<Discretion>> discretion(String slug, JalaliMonth from, JalaliMonth to) {
        OversightFact outcome = F.as("outcome");
        Field<String> result = DSL.field(DSL.select(outcome.KIND).from(outcome)
                .where(outcome.APPLICATION_ID.eq(F.APPLICATION_ID))
                .and(outcome.SEQUENCE.gt(F.SEQUENCE))
                .and(outcome.KIND.in(FactOf.DISCRETION_CONFIRMED, FactOf.DISCRETION_DECLINED))
                .orderBy(outcome.SEQUENCE).limit(1)).as("outcome");
        var proposals = dsl.select(F.MONTH, F.ACTOR_SUBJECT, F.DECISION_KIND, F.LEGAL_BASIS_CODE, result)
                .from(F).join(A).on(A.APPLICATION_ID.eq(F.APPLICATION_ID))
                .where(F.KIND.eq(FactOf.DISCRETION_PROPOSED))
                .and(F.MONTH.between(from.toString(), to.toString()))
                .and(A.MUNICIPALITY_SLUG.eq(slug))
                .fetch();
        Map<String, Map<List<String>, long[]>> grouped = new TreeMap<>();
        for (var p : proposals) {
            long[] tally = grouped.computeIfAbsent(p.value1(), k -> new TreeMap<>(Comparator.comparing(Object::toString)))
                    .computeIfAbsent(java.util.Arrays.asList(p.value2(), p.value3(), p.value4()), k -> new long[3]);
            tally[FactOf.DISCRETION_CONFIRMED.equals(p.value5()) ? 0
                    : FactOf.DISCRETION_DECLINED.equals(p.value5()) ? 1 : 2]++;
        }
        Map<String, List<Discretion>> byMonth = new HashMap<>();
        grouped.forEach((month, lines) -> lines.forEach((k, t) -> byMonth.computeIfAbsent(month, m -> new ArrayList<>())
                .add(new Discretion(k.get(0), k.get(1), k.get(2), t[0] + t[1] + t[2], t[0], t[1], t[2]))));
        return byMonth;
    }

    private Map<String, List<Overtake>> overtakes(String slug, JalaliMonth from, JalaliMonth to) {
        Map<String, List<Overtake>> byMonth = new HashMap<>();
        overtakes(List.of(slug), from, to).forEach((key, list) -> byMonth.put(key.substring(key.indexOf('|') + 1), list));
        return byMonth;
    }

    /** Overtakes keyed by slug and month: one per decision, with every application it overtook. */
    private Map<String, List<Overtake>> overtakes(List<String> slugs, JalaliMonth from, JalaliMonth to) {
        var o = OVERSIGHT_QUEUE_OVERTAKE;
        Map<String, Map<String, Overtake>> decisions = new LinkedHashMap<>();
        dsl.selectFrom(o)
                .where(o.MONTH.between(from.toString(), to.toString()))
                .and(o.MUNICIPALITY_SLUG.in(slugs))
                .orderBy(o.MONTH, o.APPLICATION_ID, o.SEQUENCE, o.OVERTAKEN_APPLICATION_ID)
                .forEach(r -> {
                    Overtake overtake = decisions
                            .computeIfAbsent(key(r.getMunicipalitySlug(), r.getMonth()), k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.getApplicationId() + "#" + r.getSequence(), k -> new Overtake(
                                    r.getApplicationId(), r.getDecision(), r.getReviewerSubject(), r.getReasonGiven(),
                                    !r.getReasonGiven(), new ArrayList<>()));
                    overtake.overtakenApplicationIds().add(r.getOvertakenApplicationId());
                });
        Map<String, List<Overtake>> result = new HashMap<>();
        decisions.forEach((key, map) -> result.put(key, List.copyOf(map.values())));
        return result;
    }

    private static Field<Long> rials(String kind) {
        return DSL.coalesce(DSL.sum(F.AMOUNT_RIALS).filterWhere(F.KIND.eq(kind)), BigDecimal.ZERO)
                .cast(SQLDataType.BIGINT).as(kind.toLowerCase() + "_rials");
    }

    private static Field<Double> days(Field<?> end, Field<?> start) {
        return DSL.field("extract(epoch from ({0} - {1})) / 86400.0", SQLDataType.DOUBLE, end, start);
    }

    private static Field<Double> median(Field<Double> days) {
        return DSL.percentileCont(0.5).withinGroupOrderBy(days).cast(SQLDataType.DOUBLE);
    }

    private static Field<Double> p90(Field<Double> days) {
        return DSL.percentileCont(0.9).withinGroupOrderBy(days).cast(SQLDataType.DOUBLE);
    }

    private static int stageOrder(String stage) {
        int index = STAGES.indexOf(stage);
        return index < 0 ? STAGES.size() : index;
    }

    private static long count(org.jooq.Record r, String kind) {
        return r == null ? 0 : r.get(kind, Integer.class);
    }

    private static long sum(org.jooq.Record r, Field<Long> field) {
        return r == null ? 0 : r.get(field);
    }

    private static double round(Double days) {
        return round(days, 2);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static String key(String slug, String month) {
        return slug + "|" + month;
    }

    private static JalaliMonth next(JalaliMonth month) {
        return month.month() == 12 ? new JalaliMonth(month.year() + 1, 1) : new JalaliMonth(month.year(), month.month() + 1);
    }
}
