package ir.parvaneh.kernel.permit;

import java.math.BigDecimal;
import java.util.List;

/** The value records that permit commands and events carry: plain data, areas in m², lengths in m. */
public final class PermitValues {

    /** Floor kinds a proposal may name; the same codes as a rulebook's {@code floorKind} fact. */
    public static final List<String> FLOOR_KINDS = List.of("STOREY", "MEZZANINE", "STORAGE");
    /** Floors of this use (پیلوت, basement parking) do not count towards the gross floor area limit. */
    public static final String PARKING_USE = "PARKING";

    private PermitValues() {
    }

    /**
     * The building an applicant proposes, as the drawings state it.
     *
     * @param use                     the main use, e.g. {@code RESIDENTIAL}; must be the assessment's intended use
     * @param floors                  every floor, basement and mezzanine with its level, kind, use and gross area
     * @param footprintM2             the building's footprint (سطح اشغال)
     * @param units                   dwellings, shops or offices
     * @param parkingSpaces           parking spaces provided
     * @param heightM                 the building's height from the reference level
     * @param commercialStoreyHeightM the height of the commercial storey, needed only when a floor is charged the
     *                                commercial fee (the rulebook's H); {@code null} otherwise
     */
    public record ProposedBuilding(String use, List<ProposedFloor> floors, double footprintM2, int units,
                                   int parkingSpaces, double heightM, Double commercialStoreyHeightM) {

        public ProposedBuilding {
            floors = floors == null ? List.of() : List.copyOf(floors);
        }

        /**
         * Storeys above ground (level 0 and up, kind {@code STOREY}) other than parking: what {@code max-floors}
         * limits, so that "three storeys on pilotis" is three.
         */
        public int storeysAboveGround() {
            return (int) floors.stream().filter(f -> f.level() >= 0 && "STOREY".equals(f.kind())
                    && !PARKING_USE.equals(f.use())).count();
        }

        /**
         * The gross floor area the density limit counts: floors at level 0 and up, except floors used for parking.
         * Summed exactly in decimal so that 92 + 92 + 92 is 276, not 275.99999.
         */
        public BigDecimal countedGrossFloorAreaM2() {
            return floors.stream().filter(f -> f.level() >= 0 && !PARKING_USE.equals(f.use()))
                    .map(f -> BigDecimal.valueOf(f.grossAreaM2())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Every floor's area, for the fees. */
        public BigDecimal totalFloorAreaM2() {
            return floors.stream().map(f -> BigDecimal.valueOf(f.grossAreaM2())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The envelope a permit for this proposal approves. */
        public BuildingEnvelope envelope() {
            return new BuildingEnvelope(storeysAboveGround(), countedGrossFloorAreaM2().doubleValue(), footprintM2, heightM);
        }
    }

    /**
     * One floor of a proposal.
     *
     * @param level       {@code 0} ground, {@code 1} first, {@code -1} basement…
     * @param kind        one of {@link #FLOOR_KINDS}
     * @param use         {@code RESIDENTIAL}, {@code COMMERCIAL}, {@code OFFICE}, {@code PARKING}…
     * @param grossAreaM2 its gross area
     */
    public record ProposedFloor(int level, String kind, String use, double grossAreaM2) {
    }

    /**
     * A document the applicant uploaded; the file itself lives in the document store, addressed by its hash.
     *
     * @param kind      {@code OWNERSHIP_DEED}, {@code ARCHITECTURAL_DRAWINGS}, {@code STRUCTURAL_DRAWINGS}…
     * @param fileName  the name the applicant gave it
     * @param mediaType e.g. {@code application/pdf}
     * @param sizeBytes its size
     * @param sha256    the SHA-256 of its content, 64 lowercase hex digits
     */
    public record DocumentReference(String kind, String fileName, String mediaType, long sizeBytes, String sha256) {
    }

    /**
     * The zoning assessment an application rests on, as recorded in the application's events.
     *
     * @param assessmentId    {@code zoning-assessment-<uuid>}
     * @param issuedOn        the day it was issued (Asia/Tehran)
     * @param validUntil      its last valid day
     * @param intendedUse     the use it was assessed for
     * @param rulebookVersion the rulebook version it applied
     * @param rulebookSha256  that version's content hash, which also prices the fees
     */
    public record AssessmentReference(String assessmentId, String issuedOn, String validUntil, String intendedUse,
                                      String rulebookVersion, String rulebookSha256) {
    }

    /**
     * One rule of the automatic compliance check.
     *
     * @param rule       the rule's stable name, e.g. {@code floors-within-max-floors}
     * @param outputName the assessment output it compares with, e.g. {@code max-floors}
     * @param status     {@value ComplianceStatus#PASSED}, {@value ComplianceStatus#FAILED} or
     *                   {@value ComplianceStatus#CANNOT_CHECK}
     * @param permitted  what the assessment permits, in canonical text; {@code null} when not determined
     * @param proposed   what the proposal states, in canonical text
     * @param reason     why it cannot be checked (the output's own reason), else {@code null}
     */
    public record ComplianceResult(String rule, String outputName, String status, String permitted, String proposed,
                                   String reason) {

        public boolean passed() {
            return ComplianceStatus.PASSED.equals(status);
        }
    }

    /** The statuses of a compliance rule and of a whole check. */
    public static final class ComplianceStatus {
        public static final String PASSED = "PASSED";
        public static final String FAILED = "FAILED";
        /** The assessment could not determine the output the rule needs: a person has to judge. */
        public static final String CANNOT_CHECK = "CANNOT_CHECK";
        /** A whole check without failures but with rules that cannot be checked. */
        public static final String NEEDS_REVIEW = "NEEDS_REVIEW";

        private ComplianceStatus() {
        }
    }

    /**
     * A building's envelope: what a permit approves, and what an engineer or inspector measures on site.
     *
     * @param floors           storeys above ground
     * @param grossFloorAreaM2 gross floor area counted by the density limit
     * @param footprintM2      footprint
     * @param heightM          height
     */
    public record BuildingEnvelope(int floors, double grossFloorAreaM2, double footprintM2, double heightM) {
    }

    /**
     * One measure in which a building exceeds its approved envelope.
     *
     * @param measure  {@code floors}, {@code grossFloorAreaM2}, {@code footprintM2} or {@code heightM}
     * @param approved the approved value, canonical text
     * @param measured the measured value, canonical text
     */
    public record EnvelopeDeviation(String measure, String approved, String measured) {
    }

    /**
     * Why a person departs from the automatic result.
     *
     * @param legalBasisCode the coded legal basis, e.g. {@code COMMISSION-5-ART-14}
     * @param justification  the written justification
     */
    public record Discretion(String legalBasisCode, String justification) {
    }
}
