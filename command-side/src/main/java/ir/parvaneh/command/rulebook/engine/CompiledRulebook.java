package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.OverlayPrecedence;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.DecisionResult;
import ir.parvaneh.kernel.rulebook.Explanation;
import ir.parvaneh.kernel.rulebook.FeeBasis;
import ir.parvaneh.kernel.rulebook.FeeLine;
import ir.parvaneh.kernel.rulebook.FeeOutcome;
import ir.parvaneh.kernel.rulebook.ZonePortionOutcome;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rulebook version ready to evaluate: its DMN decisions parsed once by Operaton, checked, and ordered.
 * Immutable and safe to share between threads. Evaluation is pure: the same content and the same inputs
 * give equal result records (and so equal JSON).
 * <ul>
 *   <li>{@link #assess} gives a parcel's planning rules and estimated fees for an intended use;</li>
 *   <li>{@link #fees} gives the fees of an actual proposal;</li>
 *   <li>{@link #evaluate} evaluates one decision against a planner's inputs.</li>
 * </ul>
 */
public final class CompiledRulebook {

    /** Each zone portion is evaluated on its own area; outputs combine by each output's {@code combine}. */
    public static final String PER_PORTION_AREA_WEIGHTED = "PER_PORTION_AREA_WEIGHTED";
    /** The zone with the largest share governs the whole lot. */
    public static final String GOVERNING_ZONE_LARGEST_SHARE = "GOVERNING_ZONE_LARGEST_SHARE";

    static final String ZONE_SHARES = "zone-shares";
    static final String OVERLAY_RESTRICTIONS = "overlay-restrictions";
    static final String INTENDED_USE_PERMITTED = "intended-use-permitted";
    private static final String ENGINE = "ENGINE";
    private static final MathContext DECIMAL = MathContext.DECIMAL64;
    /** Unzoned land up to this share of a parcel is a sliver of rounding or digitising, not land without rules. */
    static final double SLIVER_PERCENT = 0.5;

    private final String sha256;
    private final RulebookManifest manifest;
    private final Map<String, CompiledDecision> decisions;
    private final List<String> order;
    private final Map<String, String> producer;
    private final OperatonDecisions operaton;
    private final Map<String, Object> parameters;
    private final Map<String, Rounder> rounders = new HashMap<>();

    CompiledRulebook(String sha256, RulebookManifest manifest, Map<String, CompiledDecision> decisions, List<String> order,
                     Map<String, String> producer, OperatonDecisions operaton, Map<String, Object> parameters) {
        this.sha256 = sha256;
        this.manifest = manifest;
        this.decisions = Map.copyOf(decisions);
        this.order = List.copyOf(order);
        this.producer = Map.copyOf(producer);
        this.operaton = operaton;
        this.parameters = Map.copyOf(parameters);
        manifest.rounding().forEach((name, rule) -> rounders.put(name, RulebookCompiler.roundingRule(name, rule)));
    }

    public String version() {
        return manifest.version();
    }

    public String sha256() {
        return sha256;
    }

    public String municipality() {
        return manifest.municipality();
    }

    public LocalDate effectiveFrom() {
        return LocalDate.parse(manifest.effectiveFrom());
    }

    public int assessmentValidityDays() {
        return manifest.assessmentValidityDays();
    }

    public String combinationRule() {
        return manifest.combinationRule();
    }

    /** The decisions' ids, in evaluation order. */
    public List<String> decisionIds() {
        return order;
    }

    /** The names of every output an assessment gives: the manifest's, the fees' and the engine's own. */
    public List<String> outputNames() {
        Set<String> names = new java.util.TreeSet<>();
        manifest.outputs().forEach(o -> names.add(o.name()));
        fees().forEach(f -> names.add(f.type()));
        names.addAll(List.of(ZONE_SHARES, OVERLAY_RESTRICTIONS, INTENDED_USE_PERMITTED));
        return List.copyOf(names);
    }

    // ================================================================ assessment

    /**
     * The planning rules of a parcel for an intended use: per zone portion and combined by the rulebook's rule,
     * with overlays applied and the fees of the largest building the rules allow. A fact the parcel lacks makes
     * the outputs that need it {@code CANNOT_DETERMINE}, with the reason; the others are still given.
     */
    public ZoningOutcome assess(ParcelFacts facts, String intendedUse) {
        if (intendedUse == null || intendedUse.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An assessment needs an intended use").with("field", "intendedUse");
        }
        Map<String, Object> common = new HashMap<>(parameters);
        Map<String, String> missing = new HashMap<>();
        feeOnlyFactsMissing(missing, "is a fact of a building proposal, not of a parcel");
        missing.put(FactCatalogue.FLOOR_LEVEL, "is a fact of a proposal's floor, not of a parcel");
        Map<String, String> reasons = new HashMap<>();
        if (facts.missing() != null) {
            facts.missing().forEach(m -> reasons.put(m.fact(), m.reason()));
        }
        common.put(FactCatalogue.INTENDED_USE, intendedUse);
        common.put(FactCatalogue.LOT_AREA, facts.areaM2());
        putOrMissing(common, missing, FactCatalogue.PASSAGE_WIDTH, facts.widestPassageWidthM(),
                reasons.getOrDefault("frontages", reasons.getOrDefault("widestPassageWidthM", "the layers give no passage width")));
        putOrMissing(common, missing, FactCatalogue.FRONTAGE, facts.mainFrontageLengthM(),
                reasons.getOrDefault("frontages", "the layers give no main frontage"));
        putOrMissing(common, missing, FactCatalogue.DEPTH, facts.depthM(),
                reasons.getOrDefault("frontages", "the layers give no depth (it is measured from the main frontage)"));
        putOrMissing(common, missing, FactCatalogue.PRICE, facts.priceRialsPerM2() == null ? null
                : facts.priceRialsPerM2().doubleValue(), reasons.getOrDefault("priceRialsPerM2", "the layers give no regional price P"));
        boolean overlaysKnown = !reasons.containsKey("overlays") && facts.overlays() != null;
        List<ParcelFacts.OverlayHit> overlays = overlaysKnown ? facts.overlays().stream()
                .filter(o -> o.sharePercent() > 0).toList() : List.of();
        overlayFacts(common, missing, overlays, overlaysKnown ? null : "overlays: " + reasons.getOrDefault("overlays",
                "the overlays layer is not known"));

        List<Portion> portions = portions(facts, overlays);
        String zoneMissing = !overlaysKnown ? "zone: no overlays layer is known, and a REPLACE overlay could change the zone ("
                + reasons.getOrDefault("overlays", "") + ")" : portions.isEmpty() ? "zone: " + reasons.getOrDefault("zones",
                "no zone of the zones layer covers the parcel") : null;

        boolean split = portions.size() > 1;
        List<ZonePortionOutcome> portionOutcomes = new ArrayList<>();
        List<Map<String, Valued>> portionValues = new ArrayList<>();
        for (Portion portion : portions) {
            Run run = portionRun(common, missing, portion, portion.areaM2, portion.share, zoneMissing);
            Map<String, Valued> values = outputs(run);
            portionValues.add(values);
            portionOutcomes.add(new ZonePortionOutcome(portion.zone, portion.areaM2, portion.share, portion.source,
                    portion == portions.get(0), values.values().stream().map(Valued::output).toList()));
        }
        Map<String, Valued> combined;
        String combination = manifest.combinationRule();
        if (portions.isEmpty()) {
            combined = outputs(portionRun(common, missing, null, facts.areaM2(), 100, zoneMissing));
        } else if (!split && (portions.get(0).share >= 100 || combination.equals(PER_PORTION_AREA_WEIGHTED))) {
            combined = portionValues.get(0);
        } else if (combination.equals(GOVERNING_ZONE_LARGEST_SHARE)) {
            Portion governing = portions.get(0);
            Map<String, Valued> whole = outputs(portionRun(common, missing, governing, facts.areaM2(), 100, zoneMissing));
            combined = new TreeMap<>();
            String note = split ? GOVERNING_ZONE_LARGEST_SHARE + ": zone " + governing.zone + " (" + percent(governing.share)
                    + " % of the lot) governs the whole lot" : "the lot's only zone " + governing.zone + " covers "
                    + percent(governing.share) + " % of it; it governs the whole lot";
            whole.forEach((name, v) -> combined.put(name, v.note(note)));
        } else {
            combined = combine(portions, portionValues);
        }
        Map<String, Valued> all = new TreeMap<>(combined);
        all.put(ZONE_SHARES, zoneShares(portions, zoneMissing));
        all.put(OVERLAY_RESTRICTIONS, overlayRestrictions(overlays, overlaysKnown, reasons.get("overlays")));
        all.put(INTENDED_USE_PERMITTED, intendedUsePermitted(combined.get("permitted-uses"), intendedUse));
        estimateFees(all, intendedUse, common, missing);
        return new ZoningOutcome(version(), sha256, intendedUse, combination, portionOutcomes,
                all.values().stream().map(Valued::output).toList());
    }

    private record Portion(String zone, double areaM2, double share, String source) {
    }

    private List<Portion> portions(ParcelFacts facts, List<ParcelFacts.OverlayHit> overlays) {
        List<Portion> portions = new ArrayList<>();
        if (facts.zones() == null || facts.zones().isEmpty()) {
            return portions;
        }
        double zoned = facts.zones().stream().mapToDouble(ParcelFacts.ZoneShare::sharePercent).sum();
        // Shares are rounded to 0.01 % and zone borders leave slivers: a parcel whose zones cover all but half a
        // percent of it counts as wholly zoned, so that one zone's parcel is judged on its whole area.
        double scale = zoned >= 100 - SLIVER_PERCENT ? 100 / zoned : 1;
        for (ParcelFacts.ZoneShare zone : facts.zones()) {
            double share = round2(zone.sharePercent() * scale);
            portions.add(new Portion(zone.zoneCode(), area(facts.areaM2(), share), share, "ZONE"));
        }
        for (ParcelFacts.OverlayHit overlay : overlays) {
            if (OverlayPrecedence.REPLACE.name().equals(overlay.precedence()) && overlay.replacementZone() != null) {
                double s = Math.min(100, overlay.sharePercent());
                List<Portion> scaled = new ArrayList<>();
                for (Portion p : portions) {
                    double share = p.share * (100 - s) / 100;
                    if (share > 0) {
                        scaled.add(new Portion(p.zone, area(facts.areaM2(), share), round2(share), p.source));
                    }
                }
                scaled.add(new Portion(overlay.replacementZone(), area(facts.areaM2(), s), s, overlay.overlayCode()));
                portions = scaled;
            }
        }
        portions.sort(Comparator.comparingDouble((Portion p) -> -p.share).thenComparing(Portion::zone)
                .thenComparing(Portion::source));
        return portions;
    }

    private static double area(double lotArea, double share) {
        return round2(lotArea * share / 100);
    }

    private static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static String percent(double share) {
        return Canonical.number(BigDecimal.valueOf(share), null);
    }

    private Run portionRun(Map<String, Object> common, Map<String, String> missing, Portion portion, double areaM2,
                           double share, String zoneMissing) {
        Map<String, Object> variables = new HashMap<>(common);
        Map<String, String> absent = new HashMap<>(missing);
        if (portion == null || zoneMissing != null) {
            absent.put(FactCatalogue.ZONE, zoneMissing == null ? "zone: no zone covers the parcel" : zoneMissing);
        } else {
            variables.put(FactCatalogue.ZONE, portion.zone);
        }
        variables.put(FactCatalogue.PORTION_AREA, areaM2);
        variables.put(FactCatalogue.PORTION_SHARE, share);
        return new Run(variables, absent);
    }

    private static void putOrMissing(Map<String, Object> variables, Map<String, String> missing, String name, Object value,
                                     String reason) {
        if (value == null) {
            missing.put(name, name + ": " + reason);
        } else {
            variables.put(name, value);
        }
    }

    private static void feeOnlyFactsMissing(Map<String, String> missing, String why) {
        for (String fact : List.of(FactCatalogue.GROSS_FLOOR_AREA, FactCatalogue.RESIDENTIAL_FLOOR_AREA,
                FactCatalogue.PARKING_SPACES, FactCatalogue.UNITS, FactCatalogue.HEIGHT, FactCatalogue.FLOOR_LEVEL,
                FactCatalogue.FLOOR_KIND, FactCatalogue.FLOOR_USE, FactCatalogue.FLOOR_AREA)) {
            missing.put(fact, fact + " " + why);
        }
    }

    /** RESTRICT overlays' limits (the strictest) and RELAX overlays' (the most generous) become facts. */
    private static void overlayFacts(Map<String, Object> variables, Map<String, String> missing,
                                     List<ParcelFacts.OverlayHit> overlays, String unknown) {
        List<String> names = List.of(FactCatalogue.RESTRICT_MAX_FLOORS, FactCatalogue.RELAX_MAX_FLOORS,
                FactCatalogue.RESTRICT_MAX_HEIGHT, FactCatalogue.RELAX_MAX_HEIGHT, FactCatalogue.OVERLAY_SETBACK);
        if (unknown != null) {
            names.forEach(n -> missing.put(n, unknown));
            return;
        }
        Integer restrictFloors = null;
        Integer relaxFloors = null;
        Double restrictHeight = null;
        Double relaxHeight = null;
        Double setback = null;
        for (ParcelFacts.OverlayHit o : overlays) {
            if (OverlayPrecedence.RESTRICT.name().equals(o.precedence())) {
                restrictFloors = least(restrictFloors, o.maxFloors());
                restrictHeight = least(restrictHeight, o.maxHeightM());
                setback = greatest(setback, o.setbackM());
            } else if (OverlayPrecedence.RELAX.name().equals(o.precedence())) {
                relaxFloors = greatest(relaxFloors, o.maxFloors());
                relaxHeight = greatest(relaxHeight, o.maxHeightM());
            }
        }
        variables.put(FactCatalogue.RESTRICT_MAX_FLOORS, restrictFloors);
        variables.put(FactCatalogue.RELAX_MAX_FLOORS, relaxFloors);
        variables.put(FactCatalogue.RESTRICT_MAX_HEIGHT, restrictHeight);
        variables.put(FactCatalogue.RELAX_MAX_HEIGHT, relaxHeight);
        variables.put(FactCatalogue.OVERLAY_SETBACK, setback);
    }

    private static <T extends Comparable<T>> T least(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static <T extends Comparable<T>> T greatest(T a, T b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    /** An output with its typed value (numbers unrounded), for combining. */
    private record Valued(AssessedOutput output, Object raw, String reason) {
        Valued note(String note) {
            Explanation e = output.explanation();
            Explanation noted = e == null ? null : new Explanation(e.decisionId(), e.decisionName(), e.hitPolicy(),
                    e.matchedRows(), e.inputs(), e.formula() == null ? note : note + "; " + e.formula(), e.legalSource());
            return new Valued(new AssessedOutput(output.name(), output.status(), output.value(), output.unit(),
                    output.reason(), noted), raw, reason);
        }
    }

    private Map<String, Valued> outputs(Run run) {
        Map<String, Valued> values = new TreeMap<>();
        for (RulebookManifest.OutputDeclaration o : manifest.outputs()) {
            values.put(o.name(), valued(run, o.name(), o.decision(), o.result(), Units.canonical(o.unit()), rounder(o.rounding(), o.unit())));
        }
        return values;
    }

    private Valued valued(Run run, String name, String decisionId, String result, String unit, Rounder rounder) {
        CompiledDecision decision = decisions.get(decisionId);
        String variable = RulebookCompiler.resultOf(name, decisionId, result, decisions);
        Outcome outcome = run.outcome(decisionId);
        Explanation explanation = outcome.explanation();
        if (outcome.reason != null) {
            return new Valued(new AssessedOutput(name, AssessedOutput.CANNOT_DETERMINE, null, unit, outcome.reason, explanation),
                    null, outcome.reason);
        }
        Object raw = outcome.value(variable);
        if (raw == null || raw instanceof Collection<?> c && c.contains(null)) {
            String reason = "decision " + decision.id() + " gives no value for " + variable + " (its rule states none for these inputs)";
            return new Valued(new AssessedOutput(name, AssessedOutput.CANNOT_DETERMINE, null, unit, reason, explanation), null, reason);
        }
        return new Valued(new AssessedOutput(name, AssessedOutput.DETERMINED, Canonical.text(raw, rounder), unit, null,
                explanation), raw, null);
    }

    private Rounder rounder(String rule, String unit) {
        if (rule != null) {
            return rounders.get(rule);
        }
        String u = Units.canonical(unit);
        if (Units.RIALS.equals(u)) {
            return rounders.get("money");
        }
        if (Units.M2.equals(u)) {
            return rounders.get("area");
        }
        return null;
    }

    private Map<String, Valued> combine(List<Portion> portions, List<Map<String, Valued>> portionValues) {
        Map<String, Valued> combined = new TreeMap<>();
        for (RulebookManifest.OutputDeclaration o : manifest.outputs()) {
            String combine = o.combine() != null ? o.combine() : defaultCombine(Units.canonical(o.unit()));
            Map<String, String> inputs = new TreeMap<>();
            List<Object> raws = new ArrayList<>();
            String reason = null;
            for (int k = 0; k < portions.size(); k++) {
                Valued v = portionValues.get(k).get(o.name());
                Portion p = portions.get(k);
                inputs.put(String.format("%02d %s %s %%", k + 1, p.zone, percent(p.share)),
                        v.reason == null ? v.output().value() : "CANNOT_DETERMINE");
                if (v.reason != null && reason == null) {
                    reason = "portion " + p.zone + " (" + percent(p.share) + " %): " + v.reason;
                }
                raws.add(v.raw);
            }
            CompiledDecision decision = decisions.get(o.decision());
            Explanation explanation = new Explanation(decision.id(), decision.name(), ENGINE, List.of(), inputs,
                    PER_PORTION_AREA_WEIGHTED + ": " + combine + " of the portions' values"
                            + (combine.equals("WEIGHTED_MEAN") ? ", weighted by their shares" : ""),
                    decision.legalSource());
            String unit = Units.canonical(o.unit());
            if (reason != null) {
                combined.put(o.name(), new Valued(new AssessedOutput(o.name(), AssessedOutput.CANNOT_DETERMINE, null, unit, reason,
                        explanation), null, reason));
                continue;
            }
            Object raw = combineValues(combine, raws, portions);
            combined.put(o.name(), new Valued(new AssessedOutput(o.name(), AssessedOutput.DETERMINED,
                    Canonical.text(raw, rounder(o.rounding(), o.unit())), unit, null, explanation), raw, null));
        }
        return combined;
    }

    private static String defaultCombine(String unit) {
        return switch (unit == null ? "" : unit) {
            case Units.M2, Units.UNITS, Units.SPACES, Units.RIALS -> "SUM";
            case Units.PERCENT -> "WEIGHTED_MEAN";
            case Units.FLOORS, Units.M -> "MIN";
            case Units.M2_PER_UNIT -> "MAX";
            case Units.BOOLEAN -> "ALL";
            case Units.CODES -> "INTERSECTION";
            case Units.TEXT -> "UNION";
            default -> "GOVERNING";
        };
    }

    private static Object combineValues(String combine, List<Object> raws, List<Portion> portions) {
        switch (combine) {
            case "ALL":
                return raws.stream().allMatch(Boolean.TRUE::equals);
            case "ANY":
                return raws.stream().anyMatch(Boolean.TRUE::equals);
            case "INTERSECTION": {
                List<Object> result = new ArrayList<>(list(raws.get(0)));
                for (Object raw : raws.subList(1, raws.size())) {
                    result.retainAll(list(raw));
                }
                return result;
            }
            case "UNION": {
                Set<Object> result = new LinkedHashSet<>();
                raws.forEach(raw -> result.addAll(list(raw)));
                return new ArrayList<>(result);
            }
            case "GOVERNING":
                return raws.get(0);
            default:
                break;
        }
        List<BigDecimal> numbers = raws.stream().map(FactCatalogue::decimal).toList();
        if (numbers.contains(null)) {
            return raws.get(0);
        }
        return switch (combine) {
            case "SUM" -> numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case "MIN" -> numbers.stream().min(BigDecimal::compareTo).orElseThrow();
            case "MAX" -> numbers.stream().max(BigDecimal::compareTo).orElseThrow();
            default -> {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal weights = BigDecimal.ZERO;
                for (int k = 0; k < numbers.size(); k++) {
                    BigDecimal w = BigDecimal.valueOf(portions.get(k).share);
                    sum = sum.add(numbers.get(k).multiply(w));
                    weights = weights.add(w);
                }
                yield sum.divide(weights, DECIMAL);
            }
        };
    }

    private static List<?> list(Object raw) {
        return raw instanceof Collection<?> c ? new ArrayList<>(c) : raw == null ? List.of() : List.of(raw);
    }

    private Valued zoneShares(List<Portion> portions, String zoneMissing) {
        Map<String, String> inputs = new TreeMap<>();
        List<String> parts = new ArrayList<>();
        for (Portion p : portions) {
            parts.add(p.zone + "=" + percent(p.share));
            inputs.put(p.zone + (p.source.equals("ZONE") ? "" : " (" + p.source + ")"), percent(p.share));
        }
        Explanation explanation = new Explanation(ZONE_SHARES, "Zones of the parcel and their shares", ENGINE, List.of(), inputs,
                "each zone's share of the parcel (%), largest first; shares are scaled to 100 % when the zones cover all but "
                        + SLIVER_PERCENT + " % of the parcel; a REPLACE overlay's share is taken from every zone in proportion",
                null);
        if (zoneMissing != null) {
            return new Valued(new AssessedOutput(ZONE_SHARES, AssessedOutput.CANNOT_DETERMINE, null, Units.PERCENT, zoneMissing,
                    explanation), null, zoneMissing);
        }
        return new Valued(new AssessedOutput(ZONE_SHARES, AssessedOutput.DETERMINED, String.join(",", parts), Units.PERCENT,
                null, explanation), parts, null);
    }

    private static Valued overlayRestrictions(List<ParcelFacts.OverlayHit> overlays, boolean known, String reason) {
        Map<String, String> inputs = new TreeMap<>();
        List<String> applied = new ArrayList<>();
        for (ParcelFacts.OverlayHit o : overlays) {
            applied.add(o.overlayCode() + ":" + o.precedence());
            StringBuilder s = new StringBuilder(o.kind() + " " + o.precedence());
            if (o.maxFloors() != null) {
                s.append(" maxFloors=").append(o.maxFloors());
            }
            if (o.maxHeightM() != null) {
                s.append(" maxHeightM=").append(Canonical.input(o.maxHeightM()));
            }
            if (o.setbackM() != null) {
                s.append(" setbackM=").append(Canonical.input(o.setbackM()));
            }
            if (o.replacementZone() != null) {
                s.append(" replacementZone=").append(o.replacementZone());
            }
            s.append(" share=").append(percent(o.sharePercent())).append("%");
            inputs.put(o.overlayCode(), s.toString());
        }
        Explanation explanation = new Explanation(OVERLAY_RESTRICTIONS, "Overlays applied to the parcel", ENGINE, List.of(), inputs,
                "RESTRICT: the strictest limit of the overlays touching the parcel applies to the whole parcel "
                        + "(facts restrictMaxFloors, restrictMaxHeightM, overlaySetbackM); RELAX: the most generous "
                        + "(relaxMaxFloors, relaxMaxHeightM); REPLACE: the replacement zone becomes a portion of the "
                        + "overlay's share", null);
        if (!known) {
            String why = "overlays: " + (reason == null ? "the overlays layer is not known" : reason);
            return new Valued(new AssessedOutput(OVERLAY_RESTRICTIONS, AssessedOutput.CANNOT_DETERMINE, null, Units.CODES, why,
                    explanation), null, why);
        }
        return new Valued(new AssessedOutput(OVERLAY_RESTRICTIONS, AssessedOutput.DETERMINED, String.join(",", applied),
                Units.CODES, null, explanation), applied, null);
    }

    private static Valued intendedUsePermitted(Valued permitted, String intendedUse) {
        Map<String, String> inputs = new TreeMap<>(Map.of("intendedUse", intendedUse,
                "permitted-uses", permitted == null || permitted.output().value() == null ? "null" : permitted.output().value()));
        Explanation explanation = new Explanation(INTENDED_USE_PERMITTED, "Whether the intended use is permitted", ENGINE,
                List.of(), inputs, "intendedUse is one of permitted-uses", null);
        if (permitted == null || permitted.reason != null) {
            String why = "permitted-uses: " + (permitted == null ? "not given" : permitted.reason);
            return new Valued(new AssessedOutput(INTENDED_USE_PERMITTED, AssessedOutput.CANNOT_DETERMINE, null, Units.BOOLEAN,
                    why, explanation), null, why);
        }
        boolean yes = list(permitted.raw).contains(intendedUse);
        return new Valued(new AssessedOutput(INTENDED_USE_PERMITTED, AssessedOutput.DETERMINED, Boolean.toString(yes),
                Units.BOOLEAN, null, explanation), yes, null);
    }

    /**
     * The fees of the largest building the rules allow: as many storeys as max-floors, each the max footprint
     * (the top one what remains of the max gross floor area), all of the intended use, with the required parking,
     * max units, the main frontage and the rulebook's standard storey height (parameter {@code H0}).
     */
    private void estimateFees(Map<String, Valued> all, String intendedUse, Map<String, Object> common,
                              Map<String, String> missing) {
        List<String> needs = List.of("max-gross-floor-area-m2", "max-footprint-m2", "max-floors", "max-units", "required-parking");
        String reason = null;
        for (String need : needs) {
            Valued v = all.get(need);
            if (v == null || v.reason != null) {
                reason = need + ": " + (v == null ? "not given by the rulebook" : v.reason);
                break;
            }
        }
        Map<String, List<FeeLine>> byType = new LinkedHashMap<>();
        Map<String, String> basisInputs = new TreeMap<>();
        if (reason == null) {
            BigDecimal gfa = FactCatalogue.decimal(all.get("max-gross-floor-area-m2").raw);
            BigDecimal footprint = FactCatalogue.decimal(all.get("max-footprint-m2").raw);
            int floors = FactCatalogue.decimal(all.get("max-floors").raw).intValue();
            int units = FactCatalogue.decimal(all.get("max-units").raw).intValue();
            int parking = FactCatalogue.decimal(all.get("required-parking").raw).setScale(0, RoundingMode.CEILING).intValue();
            Rounder area = rounders.get("area");
            List<FeeBasis.Floor> storeys = new ArrayList<>();
            BigDecimal left = gfa;
            for (int level = 0; level < floors && left.signum() > 0; level++) {
                BigDecimal storey = left.min(footprint);
                storeys.add(new FeeBasis.Floor(level, "STOREY", intendedUse, storey.doubleValue()));
                left = left.subtract(storey);
            }
            Object height = parameters.get("H0");
            FeeBasis basis = new FeeBasis(intendedUse, gfa.doubleValue(), storeys, parking, units,
                    (Double) common.get(FactCatalogue.FRONTAGE), height instanceof Double h ? h : null,
                    common.get(FactCatalogue.PRICE) == null ? null : ((Double) common.get(FactCatalogue.PRICE)).longValue());
            basisInputs.put("grossFloorAreaM2", Canonical.number(gfa, area));
            basisInputs.put("storeys", Integer.toString(storeys.size()));
            basisInputs.put("footprintM2", Canonical.number(footprint, area));
            basisInputs.put("parkingSpaces", Integer.toString(parking));
            basisInputs.put("units", Integer.toString(units));
            for (FeeLine line : fees(basis, missing).lines()) {
                byType.computeIfAbsent(line.type(), t -> new ArrayList<>()).add(line);
            }
        }
        for (RulebookManifest.FeeDeclaration fee : fees()) {
            List<FeeLine> lines = byType.getOrDefault(fee.type(), List.of());
            Explanation explanation;
            if (lines.size() == 1 && lines.get(0).floorLevel() == null) {
                Explanation e = lines.get(0).explanation();
                Map<String, String> inputs = new TreeMap<>(e.inputs());
                explanation = new Explanation(e.decisionId(), e.decisionName(), e.hitPolicy(), e.matchedRows(), inputs,
                        "estimate for the largest building allowed (" + basisInputs + "); " + e.formula(), e.legalSource());
            } else {
                Map<String, String> inputs = new TreeMap<>();
                for (FeeLine line : lines) {
                    inputs.put("floor " + line.floorLevel(), line.determined() ? Long.toString(line.amountRials()) : "CANNOT_DETERMINE");
                }
                CompiledDecision d = decisions.get(fee.decision());
                explanation = new Explanation(d.id(), d.name(), ENGINE, List.of(), inputs, "estimate for the largest building "
                        + "allowed (" + basisInputs + "), all of use " + intendedUse + ": the sum of the floors' fees",
                        d.legalSource());
            }
            String why = reason;
            if (why == null) {
                why = lines.stream().filter(l -> !l.determined()).map(FeeLine::reason).findFirst().orElse(null);
            }
            if (why != null) {
                all.put(fee.type(), new Valued(new AssessedOutput(fee.type(), AssessedOutput.CANNOT_DETERMINE, null, Units.RIALS,
                        why, explanation), null, why));
            } else {
                long total = lines.stream().mapToLong(FeeLine::amountRials).sum();
                all.put(fee.type(), new Valued(new AssessedOutput(fee.type(), AssessedOutput.DETERMINED, Long.toString(total),
                        Units.RIALS, null, explanation), total, null));
            }
        }
    }

    // ================================================================ fees

    private List<RulebookManifest.FeeDeclaration> fees() {
        return manifest.fees() == null ? List.of() : manifest.fees();
    }

    /** The fees of a proposal, line by line, in whole Rials rounded by the rulebook's money rule. */
    public FeeOutcome fees(FeeBasis basis) {
        return fees(basis, Map.of());
    }

    private FeeOutcome fees(FeeBasis basis, Map<String, String> inherited) {
        Map<String, Object> variables = new HashMap<>(parameters);
        Map<String, String> missing = new HashMap<>();
        for (String fact : List.of(FactCatalogue.ZONE, FactCatalogue.LOT_AREA, FactCatalogue.PORTION_AREA,
                FactCatalogue.PORTION_SHARE, FactCatalogue.PASSAGE_WIDTH, FactCatalogue.DEPTH,
                FactCatalogue.RESTRICT_MAX_FLOORS, FactCatalogue.RELAX_MAX_FLOORS, FactCatalogue.RESTRICT_MAX_HEIGHT,
                FactCatalogue.RELAX_MAX_HEIGHT, FactCatalogue.OVERLAY_SETBACK)) {
            missing.put(fact, fact + " is a fact of a parcel, not of a fee proposal");
        }
        variables.put(FactCatalogue.INTENDED_USE, basis.intendedUse());
        variables.put(FactCatalogue.GROSS_FLOOR_AREA, basis.grossFloorAreaM2());
        double residential = basis.floors().isEmpty()
                ? ("RESIDENTIAL".equals(basis.intendedUse()) ? basis.grossFloorAreaM2() : 0)
                : basis.floors().stream().filter(f -> "RESIDENTIAL".equals(f.use())).mapToDouble(FeeBasis.Floor::areaM2).sum();
        variables.put(FactCatalogue.RESIDENTIAL_FLOOR_AREA, round2(residential));
        variables.put(FactCatalogue.PARKING_SPACES, basis.parkingSpaces());
        variables.put(FactCatalogue.UNITS, basis.units());
        putOrMissing(variables, missing, FactCatalogue.FRONTAGE, basis.frontageM(),
                inherited.containsKey(FactCatalogue.FRONTAGE) ? inherited.get(FactCatalogue.FRONTAGE) : "not given in the proposal");
        putOrMissing(variables, missing, FactCatalogue.HEIGHT, basis.heightM(), "not given in the proposal");
        putOrMissing(variables, missing, FactCatalogue.PRICE, basis.priceRialsPerM2() == null ? null
                : basis.priceRialsPerM2().doubleValue(), inherited.containsKey(FactCatalogue.PRICE)
                ? inherited.get(FactCatalogue.PRICE) : "the regional price P is not given");
        for (String floorFact : List.of(FactCatalogue.FLOOR_LEVEL, FactCatalogue.FLOOR_KIND, FactCatalogue.FLOOR_USE,
                FactCatalogue.FLOOR_AREA)) {
            missing.put(floorFact, floorFact + " is a fact of one floor; this fee is charged on the whole proposal");
        }
        List<FeeLine> lines = new ArrayList<>();
        for (RulebookManifest.FeeDeclaration fee : fees()) {
            Rounder money = rounders.get(fee.rounding() == null ? "money" : fee.rounding());
            if (fee.per().equals("PROPOSAL")) {
                lines.add(feeLine(fee, new Run(variables, missing), money, null));
                continue;
            }
            for (FeeBasis.Floor floor : basis.floors()) {
                if (!fee.floorUses().contains(floor.use())) {
                    continue;
                }
                Map<String, Object> floorVariables = new HashMap<>(variables);
                Map<String, String> floorMissing = new HashMap<>(missing);
                floorVariables.put(FactCatalogue.FLOOR_LEVEL, floor.level());
                floorVariables.put(FactCatalogue.FLOOR_KIND, floor.kind());
                floorVariables.put(FactCatalogue.FLOOR_USE, floor.use());
                floorVariables.put(FactCatalogue.FLOOR_AREA, floor.areaM2());
                for (String f : List.of(FactCatalogue.FLOOR_LEVEL, FactCatalogue.FLOOR_KIND, FactCatalogue.FLOOR_USE,
                        FactCatalogue.FLOOR_AREA)) {
                    floorMissing.remove(f);
                }
                lines.add(feeLine(fee, new Run(floorVariables, floorMissing), money, floor.level()));
            }
        }
        long total = lines.stream().filter(FeeLine::determined).mapToLong(FeeLine::amountRials).sum();
        return new FeeOutcome(version(), sha256, lines, total, lines.stream().allMatch(FeeLine::determined));
    }

    private FeeLine feeLine(RulebookManifest.FeeDeclaration fee, Run run, Rounder money, Integer floorLevel) {
        Valued v = valued(run, fee.type(), fee.decision(), fee.result(), Units.RIALS, money);
        if (v.reason != null) {
            return new FeeLine(fee.type(), 0, v.output().explanation(), AssessedOutput.CANNOT_DETERMINE, v.reason, floorLevel);
        }
        long amount = money.round(FactCatalogue.decimal(v.raw)).longValueExact();
        return new FeeLine(fee.type(), amount, v.output().explanation(), AssessedOutput.DETERMINED, null, floorLevel);
    }

    // ================================================================ planner

    /**
     * Evaluates one decision (and the decisions whose outputs it reads) against a planner's inputs: facts and
     * outputs of other decisions by name; the rulebook's parameters are added. No event is recorded.
     */
    public DecisionResult evaluate(String decisionId, Map<String, Object> inputs) {
        CompiledDecision decision = decisions.get(decisionId);
        if (decision == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "The rulebook has no decision " + decisionId).with("decisionId", decisionId);
        }
        Map<String, Object> variables = new HashMap<>(parameters);
        inputs.forEach((name, value) -> variables.put(name, plannerValue(name, value)));
        Run run = new Run(variables, new HashMap<>());
        Outcome outcome = run.outcome(decisionId);
        Map<String, String> outputs = new TreeMap<>();
        if (outcome.reason == null) {
            for (String output : decision.outputs()) {
                outputs.put(output, Canonical.text(outcome.value(output), null));
            }
        }
        return new DecisionResult(version(), sha256, decisionId, outcome.reason == null ? AssessedOutput.DETERMINED
                : AssessedOutput.CANNOT_DETERMINE, outcome.reason, outputs, outcome.explanation());
    }

    /** Numbers typed as text (from a form or JSON) become numbers, unless the name is a code. */
    private static Object plannerValue(String name, Object value) {
        boolean code = FactCatalogue.fact(name).map(f -> f.type() == FactCatalogue.Type.STRING).orElse(false);
        if (value instanceof String s && !code && s.trim().matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(s.trim()).doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return value;
    }

    // ================================================================ evaluation

    /** What one decision gave in one run: its results or why it could not be evaluated. */
    private final class Outcome {
        final CompiledDecision decision;
        final String reason;
        final List<Map<String, Object>> results;
        final List<Integer> rows;
        final Map<String, String> inputs;

        Outcome(CompiledDecision decision, String reason, List<Map<String, Object>> results, List<Integer> rows,
                Map<String, String> inputs) {
            this.decision = decision;
            this.reason = reason;
            this.results = results;
            this.rows = rows;
            this.inputs = inputs;
        }

        Object value(String variable) {
            if (decision.singleResult()) {
                return results.isEmpty() ? null : results.get(0).get(variable);
            }
            List<Object> values = new ArrayList<>();
            results.forEach(r -> values.add(r.get(variable)));
            return values;
        }

        Explanation explanation() {
            return new Explanation(decision.id(), decision.name(), decision.hitPolicy(), rows, inputs, decision.formula(),
                    decision.legalSource());
        }
    }

    /** One evaluation scope (a zone portion, a proposal, a floor): facts in, each decision evaluated at most once. */
    private final class Run {
        private final Map<String, Object> variables;
        private final Map<String, String> missing;
        private final Map<String, Outcome> outcomes = new HashMap<>();

        Run(Map<String, Object> variables, Map<String, String> missing) {
            this.variables = variables;
            this.missing = missing;
        }

        Outcome outcome(String id) {
            Outcome known = outcomes.get(id);
            if (known != null) {
                return known;
            }
            CompiledDecision d = decisions.get(id);
            Outcome outcome = evaluate(d);
            outcomes.put(id, outcome);
            if (outcome.reason == null) {
                for (String output : d.outputs()) {
                    variables.put(output, outcome.value(output));
                }
            }
            return outcome;
        }

        /** Whether a decision's output was handed in (by a planner) rather than left to its decision. */
        private boolean given(String variable) {
            return variables.containsKey(variable) && !outcomes.containsKey(producer.get(variable));
        }

        private Outcome evaluate(CompiledDecision d) {
            Map<String, String> inputs = new TreeMap<>();
            String reason = null;
            for (String read : new java.util.TreeSet<>(d.reads())) {
                String from = producer.get(read);
                if (from != null && !from.equals(d.id()) && !given(read)) {
                    Outcome upstream = outcome(from);
                    if (upstream.reason != null && reason == null) {
                        reason = upstream.reason;
                    }
                }
                if (reason == null && missing.containsKey(read)) {
                    reason = missing.get(read);
                }
                if (reason == null && from == null && !variables.containsKey(read)) {
                    reason = read + " was not given";
                }
                if (variables.containsKey(read)) {
                    inputs.put(read, Canonical.input(variables.get(read)));
                }
            }
            if (reason != null) {
                return new Outcome(d, reason, List.of(), List.of(), inputs);
            }
            for (TableColumn column : d.columns()) {
                Object value = variables.get(column.name());
                BigDecimal number = FactCatalogue.decimal(value);
                if (number != null && column.numeric() && !column.domain().contains(number)) {
                    return new Outcome(d, column.name() + " = " + Canonical.input(value) + " is outside the domain "
                            + column.domain() + " that the rulebook declares for it; table " + d.id() + " does not speak of it",
                            List.of(), List.of(), inputs);
                }
                if (value instanceof String code && !column.declaredValues().isEmpty() && !column.declaredValues().contains(code)) {
                    return new Outcome(d, column.name() + " = " + code + " is not one of the codes the rulebook declares for it "
                            + column.declaredValues() + "; table " + d.id() + " does not speak of it", List.of(), List.of(), inputs);
                }
            }
            try {
                List<Integer> rows;
                List<Map<String, Object>> results;
                List<Object> values = null;
                int[] cell = null;
                TableMemo.Answer memo = null;
                if (d.memo() != null) {
                    values = new ArrayList<>();
                    for (TableColumn column : d.columns()) {
                        values.add(variables.get(column.name()));
                    }
                    cell = d.memo().cell(values);
                    memo = d.memo().find(cell);
                }
                if (memo != null) {
                    rows = memo.rows();
                    results = memo.results();
                } else {
                    OperatonDecisions.Answer answer = operaton.evaluate(d.dmn(), variables);
                    rows = answer.matchedRuleIds().stream().map(ruleId -> d.ruleIds().indexOf(ruleId)).toList();
                    results = answer.results();
                    if (d.memo() != null) {
                        d.memo().keep(cell, values, new TableMemo.Answer(rows, results));
                    }
                }
                List<Integer> oneBased = rows.stream().map(r -> r + 1).toList();
                if (d.mustCover() && rows.isEmpty()) {
                    return new Outcome(d, "no row of table " + d.id() + " (" + d.name() + ") matches " + inputs, List.of(),
                            List.of(), inputs);
                }
                return new Outcome(d, null, results, oneBased, inputs);
            } catch (RuntimeException e) {
                return new Outcome(d, "decision " + d.id() + " could not be evaluated: " + e.getMessage(), List.of(),
                        List.of(), inputs);
            }
        }
    }
}
