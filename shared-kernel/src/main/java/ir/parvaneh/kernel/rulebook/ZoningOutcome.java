package ir.parvaneh.kernel.rulebook;

import java.util.List;
import java.util.Optional;

/**
 * What a rulebook version gives for one parcel and intended use (the دستور نقشه): every required output with
 * its explanation, per zone portion and combined. Plain data, equal for equal inputs, so that an assessment
 * records it and a later re-evaluation can be compared field by field.
 *
 * @param rulebookVersion  the rulebook's version label, e.g. {@code 1405.1}
 * @param rulebookSha256   the SHA-256 of the rulebook's canonical content ({@link RulebookContent#sha256()})
 * @param intendedUse      the use asked about, e.g. {@code RESIDENTIAL}
 * @param combinationRule  how the rulebook combines portions of a parcel split across zones
 * @param portions         the zone portions, largest first
 * @param outputs          the combined outputs, sorted by name
 */
public record ZoningOutcome(String rulebookVersion, String rulebookSha256, String intendedUse,
                            String combinationRule, List<ZonePortionOutcome> portions,
                            List<AssessedOutput> outputs) {

    public ZoningOutcome {
        portions = portions == null ? List.of() : List.copyOf(portions);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** The combined output of that name, if the rulebook produces it. */
    public Optional<AssessedOutput> output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
