package ir.parvaneh.command.rulebook.engine;

import com.fasterxml.jackson.databind.JsonNode;
import ir.parvaneh.kernel.rulebook.LegalSource;

import java.util.List;
import java.util.Map;

/**
 * A rulebook's manifest, {@code rulebook.json}, as written by a municipal planner (see docs/rulebooks.md):
 * who and when it is for, how results are rounded and combined, the units and domains of the facts its
 * tables read, its own parameters, the legal source of each decision, which decision gives each output,
 * and its fees.
 *
 * @param format                 {@value #FORMAT}
 * @param municipality           the municipality's slug, e.g. {@code qazvin}
 * @param municipalityNameFa     the municipality's name in Persian
 * @param version                the version label, e.g. {@code 1405.1}
 * @param effectiveFrom          ISO date from which the version is in force
 * @param assessmentValidityDays how long an assessment under this version stays valid
 * @param combinationRule        {@code PER_PORTION_AREA_WEIGHTED} or {@code GOVERNING_ZONE_LARGEST_SHARE}
 * @param rounding               named rounding rules; {@code money} is required
 * @param facts                  per fact or decision output read by a table: unit, domain, allowed codes
 * @param parameters             the rulebook's own constants, readable by name in every decision
 * @param decisions              per decision id: its legal source
 * @param outputs                the assessment's outputs and the decision that gives each
 * @param fees                   the fees and the decision that computes each
 */
record RulebookManifest(String format, String municipality, String municipalityNameFa, String version,
                        String effectiveFrom, Integer assessmentValidityDays, String combinationRule,
                        Map<String, Rounding> rounding, Map<String, FactDeclaration> facts,
                        Map<String, Parameter> parameters, Map<String, DecisionDeclaration> decisions,
                        List<OutputDeclaration> outputs, List<FeeDeclaration> fees) {

    static final String FORMAT = "parvaneh-rulebook/1";

    /**
     * @param mode      a {@link java.math.RoundingMode} name: {@code DOWN}, {@code HALF_UP}, {@code FLOOR}…
     * @param increment round to a multiple of this: {@code 1000} Rials, {@code 0.01} m², {@code 1} m²
     */
    record Rounding(String mode, String increment, String descriptionFa) {
    }

    /**
     * @param unit   the unit of the fact (checked against the engine's)
     * @param domain the values it can take, e.g. {@code (0..1000000]}
     * @param values the codes it can take (zones, uses)
     */
    record FactDeclaration(String unit, String domain, List<String> values) {
    }

    /** A constant of the rulebook: a number, a code or a boolean, with its unit. */
    record Parameter(JsonNode value, String unit, String descriptionFa) {
    }

    record DecisionDeclaration(LegalSource legalSource, String descriptionFa) {
    }

    /**
     * @param name     the output's stable lowercase-kebab name
     * @param decision the decision that gives it
     * @param result   the output column (or formula variable) of that decision; optional when it has one
     * @param unit     the output's unit
     * @param rounding the name of a rounding rule, or none
     * @param combine  how portions of a split parcel combine under {@code PER_PORTION_AREA_WEIGHTED}:
     *                 {@code SUM}, {@code MIN}, {@code MAX}, {@code WEIGHTED_MEAN}, {@code ALL}, {@code ANY},
     *                 {@code INTERSECTION}, {@code UNION}, {@code GOVERNING}
     */
    record OutputDeclaration(String name, String decision, String result, String unit, String rounding,
                             String combine) {
    }

    /**
     * @param type      the fee's stable name, ending {@code -rials}
     * @param decision  the formula decision computing it
     * @param result    its output variable; optional
     * @param per       {@code PROPOSAL} (once) or {@code FLOOR} (once per floor whose use is listed)
     * @param floorUses for {@code FLOOR}: the uses charged
     * @param rounding  the rounding rule, {@code money} when absent
     */
    record FeeDeclaration(String type, String decision, String result, String per, List<String> floorUses,
                          String rounding) {
    }
}
