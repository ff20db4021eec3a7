package ir.parvaneh.command.assessment.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.assessment.write.AssessmentRecords;
import ir.parvaneh.command.gis.lookup.ParcelFactsCalculator;
import ir.parvaneh.command.gis.store.LayerVersionsInForce.VersionInForce;
import ir.parvaneh.command.rulebook.engine.RulebookCompiler;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Re-runs recorded assessments. {@link #verify} evaluates the recorded facts again with the recorded
 * rulebook version, compiled afresh from its published content, and compares every output, field by field,
 * and the whole outcome byte for byte. {@link #checkFacts} computes the facts again from exactly the layer
 * versions the assessment names and compares them with the recorded ones. Neither records anything.
 */
@Component
@Transactional(readOnly = true)
public class AssessmentVerifier {

    /** One output compared: its recorded and recomputed value and status. */
    public record OutputCheck(String name, boolean identical, String recordedStatus, String recordedValue,
                              String recomputedStatus, String recomputedValue) {
    }

    /**
     * @param rulebookContentIntact whether the published content still hashes to the recorded SHA-256
     * @param identical             whether the recomputed outcome is the recorded one, byte for byte
     */
    public record Verification(String assessmentId, String rulebookVersion, String rulebookSha256,
                               boolean rulebookContentIntact, boolean identical, List<OutputCheck> outputs,
                               List<String> differences) {
    }

    /** One fact compared, by its JSON path in {@link ParcelFacts}. */
    public record FactDifference(String fact, String recorded, String recomputed) {
    }

    public record FactsCheck(String assessmentId, String plate, String asOf, List<ParcelFacts.LayerVersionUsed> layerVersions,
                             boolean identical, List<FactDifference> differences) {
    }

    private final AssessmentRecords records;
    private final RulebookStore rulebooks;
    private final ParcelFactsCalculator facts;
    private final ObjectMapper json;

    AssessmentVerifier(AssessmentRecords records, RulebookStore rulebooks, ParcelFactsCalculator facts, ObjectMapper json) {
        this.records = records;
        this.rulebooks = rulebooks;
        this.facts = facts;
        this.json = json;
    }

    public Verification verify(ZoningAssessmentId id) {
        ZoningAssessmentIssued issued = records.issued(id);
        RulebookContent content = rulebooks.content(issued.rulebookSha256());
        boolean intact = content.sha256().equals(issued.rulebookSha256());
        ZoningOutcome recomputed = RulebookCompiler.compile(content).assess(issued.facts(), issued.intendedUse());

        Map<String, AssessedOutput> before = byName(issued.outcome().outputs());
        Map<String, AssessedOutput> after = byName(recomputed.outputs());
        List<OutputCheck> outputs = new ArrayList<>();
        for (String name : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            AssessedOutput was = before.get(name);
            AssessedOutput is = after.get(name);
            boolean same = was != null && is != null && json.valueToTree(was).equals(json.valueToTree(is));
            outputs.add(new OutputCheck(name, same, was == null ? null : was.status(), was == null ? null : was.value(),
                    is == null ? null : is.status(), is == null ? null : is.value()));
        }
        List<String> differences = new ArrayList<>();
        diff("", json.valueToTree(issued.outcome()), json.valueToTree(recomputed), differences, new LinkedHashMap<>());
        boolean identical = intact && Arrays.equals(bytes(issued.outcome()), bytes(recomputed));
        return new Verification(id.toString(), issued.rulebookVersion(), issued.rulebookSha256(), intact, identical,
                outputs, differences);
    }

    public FactsCheck checkFacts(ZoningAssessmentId id) {
        ZoningAssessmentIssued issued = records.issued(id);
        ParcelFacts recorded = issued.facts();
        Map<LayerKind, VersionInForce> versions = new EnumMap<>(LayerKind.class);
        for (ParcelFacts.LayerVersionUsed used : recorded.layerVersions()) {
            LayerKind layer = LayerKind.fromPath(used.layer());
            versions.put(layer, new VersionInForce(layer, LayerVersionId.parse(used.versionId()).value(), used.sha256(),
                    LocalDate.parse(used.effectiveFrom())));
        }
        ParcelFacts again = facts.ofPlate(issued.municipalitySlug(), recorded.plate(), LocalDate.parse(recorded.asOf()), versions);
        Map<String, String[]> found = new LinkedHashMap<>();
        diff("", json.valueToTree(recorded), json.valueToTree(again), new ArrayList<>(), found);
        List<FactDifference> differences = found.entrySet().stream()
                .map(e -> new FactDifference(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new FactsCheck(id.toString(), recorded.plate(), recorded.asOf(), recorded.layerVersions(),
                differences.isEmpty(), differences);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AssessedOutput> byName(List<AssessedOutput> outputs) {
        Map<String, AssessedOutput> map = new LinkedHashMap<>();
        outputs.forEach(o -> map.put(o.name(), o));
        return map;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Collects the JSON paths where the two trees differ, with both values. */
    private static void diff(String path, JsonNode was, JsonNode is, List<String> paths, Map<String, String[]> values) {
        if (Objects.equals(was, is)) {
            return;
        }
        if (was != null && is != null && was.isObject() && is.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "/" + name, was.get(name), is.get(name), paths, values);
            }
            return;
        }
        if (was != null && is != null && was.isArray() && is.isArray() && was.size() == is.size()) {
            Iterator<JsonNode> a = was.elements();
            Iterator<JsonNode> b = is.elements();
            for (int i = 0; a.hasNext(); i++) {
                diff(path + "/" + i, a.next(), b.next(), paths, values);
            }
            return;
        }
        paths.add(path);
        values.put(path, new String[]{was == null ? null : was.toString(), is == null ? null : is.toString()});
    }
}
