package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.command.rulebook.engine.Rulebooks.edited;
import static ir.parvaneh.command.rulebook.engine.Rulebooks.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad rulebook, made from the documented example (test resources, rulebooks/example) by one
 * edit, is refused with its code and members naming where the fault is.
 */
class RulebookRefusalsTest {

    private static final RulebookContent EXAMPLE = Rulebooks.content("example");
    private static final String DMN = "rules.dmn";
    private static final String MANIFEST = RulebookContent.MANIFEST;

    private static DomainException refused(RulebookContent content, ErrorCode code) {
        return refusal(() -> RulebookCompiler.compile(content), code);
    }

    @Test
    void theExampleItselfIsAccepted() {
        CompiledRulebook example = RulebookCompiler.compile(EXAMPLE);
        assertThat(example.version()).isEqualTo("1405.1");
        assertThat(example.outputNames()).containsAll(RulebookCompiler.REQUIRED_OUTPUTS).contains("fee-building-area-rials");
    }

    @Test
    void xmlThatIsNotDmnIsRefusedWithItsLine() {
        DomainException e = refused(edited(EXAMPLE, DMN, "</decisionTable>\n  </decision>\n  <decision id=\"maxFloors\"",
                "</decisionTable>\n  <decision id=\"maxFloors\""), ErrorCode.RULEBOOK_DMN_UNPARSABLE);
        assertThat(e.properties()).containsEntry("file", DMN);
        assertThat((Integer) e.properties().get("line")).isPositive();
    }

    @Test
    void feelThatDoesNotParseIsRefusedWithItsRow() {
        DomainException e = refused(edited(EXAMPLE, DMN, "<text>&lt;= 200</text>", "<text>&lt;== 200</text>"),
                ErrorCode.RULEBOOK_DMN_UNPARSABLE);
        assertThat(e.properties()).containsEntry("decisionId", "envelope").containsEntry("row", 1)
                .containsEntry("column", "lot area (m2)").containsEntry("value", "<== 200");
    }

    @Test
    void aRequiredOutputNoDecisionGivesIsRefused() {
        DomainException e = refused(withoutSetback(), ErrorCode.RULEBOOK_MISSING_OUTPUT);
        assertThat(e.properties()).containsEntry("output", "setback-rule");
    }

    private static RulebookContent withoutSetback() {
        return edited(EXAMPLE, MANIFEST, ",\n    { \"name\": \"setback-rule\", \"decision\": \"envelope\", \"result\": \"setbackRule\", \"unit\": \"text\" }", "");
    }

    @Test
    void anOutputFromAColumnTheDecisionDoesNotHaveIsRefused() {
        DomainException e = refused(edited(EXAMPLE, MANIFEST, "\"result\": \"setbackRule\"", "\"result\": \"setback\""),
                ErrorCode.RULEBOOK_MISSING_OUTPUT);
        assertThat(e.properties()).containsEntry("output", "setback-rule").containsEntry("decisionId", "envelope")
                .containsEntry("result", "setback");
    }

    @Test
    void twoRowsOfAUniqueTableThatMatchTheSameLotAreRefused() {
        // row 1 reads <= 200; row 3 made to start at 200 as well
        DomainException e = refused(edited(EXAMPLE, DMN, "<text>&gt; 200</text></inputEntry>\n        <inputEntry id=\"ie_envelope_3_3\"",
                "<text>&gt;= 200</text></inputEntry>\n        <inputEntry id=\"ie_envelope_3_3\""), ErrorCode.RULEBOOK_OVERLAPPING_ROWS);
        assertThat(e.properties()).containsEntry("decisionId", "envelope").containsEntry("file", DMN)
                .containsEntry("rows", List.of(1, 3)).containsEntry("analysable", true);
        assertThat((String) e.properties().get("value")).contains("lotAreaM2=200").contains("zone=R111");
    }

    @Test
    void aLotAreaNoRowCoversIsRefusedWithAnExample() {
        DomainException e = refused(edited(EXAMPLE, DMN, "<text>&gt; 200</text></inputEntry>\n        <inputEntry id=\"ie_envelope_3_3\"",
                "<text>&gt; 210</text></inputEntry>\n        <inputEntry id=\"ie_envelope_3_3\""), ErrorCode.RULEBOOK_GAP_IN_TABLE);
        assertThat(e.properties()).containsEntry("decisionId", "envelope").containsEntry("input", "passageWidthM");
        assertThat((String) e.properties().get("otherInputs")).contains("zone=R111").contains("lotAreaM2=205");
    }

    @Test
    void aGapOnlyOutsideTheDeclaredDomainIsNoGap() {
        // rows from 1 m² up leave (0..1) uncovered; declaring the domain from 1 m² makes the table whole
        RulebookContent shifted = edited(edited(EXAMPLE, DMN, "<text>&lt;= 200</text>", "<text>[1..200]</text>"),
                MANIFEST, "\"domain\": \"(0..100000]\"", "\"domain\": \"[1..100000]\"");
        assertThat(RulebookCompiler.compile(shifted).version()).isEqualTo("1405.1");
        DomainException e = refused(edited(EXAMPLE, DMN, "<text>&lt;= 200</text>", "<text>[1..200]</text>"),
                ErrorCode.RULEBOOK_GAP_IN_TABLE);
        assertThat(e.properties()).containsEntry("input", "lotAreaM2").containsEntry("value", "0.5");
    }

    @Test
    void aZoneCodeWithNoRowIsAGap() {
        DomainException e = refused(edited(EXAMPLE, MANIFEST, "\"values\": [\"R111\", \"S111\"]", "\"values\": [\"R111\", \"R112\", \"S111\"]"),
                ErrorCode.RULEBOOK_GAP_IN_TABLE);
        assertThat(e.properties()).containsEntry("input", "zone").containsEntry("value", "R112");
    }

    @Test
    void aColumnLabelledInAnotherUnitThanItsFactIsRefused() {
        DomainException e = refused(edited(EXAMPLE, DMN, "label=\"lot area (m2)\"", "label=\"lot area (m)\""),
                ErrorCode.RULEBOOK_UNIT_MISMATCH);
        assertThat(e.properties()).containsEntry("decisionId", "envelope").containsEntry("input", "lotAreaM2")
                .containsEntry("declaredUnit", "m").containsEntry("expectedUnit", "m2");
    }

    @Test
    void aManifestThatDeclaresAFactInAnotherUnitIsRefused() {
        DomainException e = refused(edited(EXAMPLE, MANIFEST, "\"passageWidthM\": { \"unit\": \"m\"", "\"passageWidthM\": { \"unit\": \"cm\""),
                ErrorCode.RULEBOOK_UNIT_MISMATCH);
        assertThat(e.properties()).containsEntry("input", "passageWidthM").containsEntry("declaredUnit", "cm");
    }

    @Test
    void anOutputDeclaredInAUnitItsNameDeniesIsRefused() {
        DomainException e = refused(edited(EXAMPLE, MANIFEST, "\"decision\": \"maxFootprint\", \"unit\": \"m2\"",
                "\"decision\": \"maxFootprint\", \"unit\": \"percent\""), ErrorCode.RULEBOOK_UNIT_MISMATCH);
        assertThat(e.properties()).containsEntry("output", "max-footprint-m2").containsEntry("expectedUnit", "m2");
    }

    @Test
    void badManifestsAreRefusedNamingTheField() {
        assertThat(refused(edited(EXAMPLE, MANIFEST, "\"2026-03-21\"", "\"1405/01/01\""), ErrorCode.RULEBOOK_MANIFEST_INVALID)
                .properties()).containsEntry("field", "effectiveFrom");
        assertThat(refused(edited(EXAMPLE, MANIFEST, "\"PER_PORTION_AREA_WEIGHTED\"", "\"AVERAGE\""), ErrorCode.RULEBOOK_MANIFEST_INVALID)
                .properties()).containsEntry("field", "combinationRule");
        assertThat(refused(edited(EXAMPLE, MANIFEST, "\"assessmentValidityDays\"", "\"validityDays\""), ErrorCode.RULEBOOK_MANIFEST_INVALID)
                .properties()).containsEntry("field", "validityDays");
        assertThat(refused(edited(EXAMPLE, MANIFEST, "\"money\": { \"mode\": \"DOWN\"", "\"money\": { \"mode\": \"TRUNCATE\""),
                ErrorCode.RULEBOOK_MANIFEST_INVALID).properties()).containsEntry("field", "rounding.money");
        assertThat(refused(edited(EXAMPLE, MANIFEST, "{\n  \"format\"", "{ ,\n  \"format\""), ErrorCode.RULEBOOK_MANIFEST_INVALID)
                .properties()).containsEntry("line", 1);
        assertThat(refused(edited(EXAMPLE, MANIFEST, "\"feeCoefficient\": { \"legalSource\"", "\"feeCoeff\": { \"legalSource\""),
                ErrorCode.RULEBOOK_MANIFEST_INVALID).properties()).containsEntry("decisionId", "feeCoefficient");
    }

    @Test
    void aNameThatIsNoFactParameterOrOutputIsRefused() {
        DomainException e = refused(edited(EXAMPLE, DMN, "lotAreaM2 &gt;= minLotSizeM2", "lotArea &gt;= minLotSizeM2"),
                ErrorCode.RULEBOOK_UNKNOWN_INPUT);
        assertThat(e.properties()).containsEntry("decisionId", "minLotSize").containsEntry("input", "lotArea");
    }

    @Test
    void aHitPolicyOutsideTheFormatIsRefused() {
        DomainException e = refused(edited(EXAMPLE, DMN, "id=\"t_envelope\" hitPolicy=\"UNIQUE\"", "id=\"t_envelope\" hitPolicy=\"PRIORITY\""),
                ErrorCode.RULEBOOK_HIT_POLICY_NOT_ALLOWED);
        assertThat(e.properties()).containsEntry("decisionId", "envelope").containsEntry("hitPolicy", "PRIORITY");
    }

    @Test
    void decisionsThatReadEachOtherInACircleAreRefused() {
        DomainException e = refused(edited(EXAMPLE, DMN, "portionAreaM2 * coveragePercent / 100", "maxGrossFloorAreaM2 / 2"),
                ErrorCode.RULEBOOK_DMN_UNPARSABLE);
        assertThat((String) e.properties().get("reason")).contains("circle");
    }

    @Test
    void anArchiveEntryThatClimbsOutOfTheRulebookIsRefused() throws IOException {
        byte[] zip = zip(Map.of("rulebook.json", EXAMPLE.manifest(), "../rules.dmn", EXAMPLE.files().get(DMN)));
        DomainException e = refusal(() -> RulebookContent.fromZip(zip), ErrorCode.RULEBOOK_CONTENT_INVALID);
        assertThat(e.properties()).containsEntry("file", "../rules.dmn");
        refusal(() -> RulebookContent.fromZip(zip(Map.of("rulebook.json", "{}", "/etc/rules.dmn", "x"))),
                ErrorCode.RULEBOOK_CONTENT_INVALID);
        refusal(() -> RulebookContent.fromZip(zip(Map.of("rulebook.json", "{}", "run.sh", "x"))),
                ErrorCode.RULEBOOK_CONTENT_INVALID);
        refusal(() -> RulebookContent.fromZip("not a zip".getBytes(StandardCharsets.UTF_8)), ErrorCode.RULEBOOK_CONTENT_INVALID);
    }

    @Test
    void aZipBombIsRefusedWhileReadingNotAfter() throws IOException {
        String zeros = "0".repeat(RulebookContent.MAX_TOTAL_BYTES + 1);
        byte[] bomb = zip(Map.of("rulebook.json", "{}", "rules.dmn", zeros));
        assertThat(bomb.length).isLessThan(100_000);
        DomainException e = refusal(() -> RulebookContent.fromZip(bomb), ErrorCode.RULEBOOK_TOO_LARGE);
        assertThat(e.properties()).containsEntry("maxBytes", RulebookContent.MAX_TOTAL_BYTES);
        Map<String, String> many = new java.util.TreeMap<>();
        for (int k = 0; k <= RulebookContent.MAX_FILES; k++) {
            many.put("t" + k + ".dmn", "x");
        }
        many.put("rulebook.json", "{}");
        refusal(() -> RulebookContent.fromZip(zip(many)), ErrorCode.RULEBOOK_TOO_LARGE);
        refusal(() -> RulebookContent.of(many), ErrorCode.RULEBOOK_TOO_LARGE);
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
