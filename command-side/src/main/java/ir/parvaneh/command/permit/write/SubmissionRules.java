package ir.parvaneh.command.permit.write;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.Plate;
import ir.parvaneh.kernel.permit.PermitValues;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a submission or resubmission must satisfy before the compliance check runs; each refusal names the field. */
final class SubmissionRules {

    static final String OWNERSHIP_DEED = "OWNERSHIP_DEED";
    static final String ARCHITECTURAL_DRAWINGS = "ARCHITECTURAL_DRAWINGS";
    static final String STRUCTURAL_DRAWINGS = "STRUCTURAL_DRAWINGS";
    static final String PDF = "application/pdf";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private SubmissionRules() {
    }

    /**
     * The assessment must be of this municipality and parcel, for the proposal's use, consistent with itself, and
     * valid today: its {@code validUntil} is the last valid day.
     */
    static AssessmentReference verifyAssessment(ZoningAssessmentIssued assessment, String municipalityId,
                                                String municipalitySlug, String plate, String use, LocalDate today) {
        if (assessment == null || assessment.outcome() == null || assessment.validUntil() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An application needs its recorded zoning assessment")
                    .with("field", "assessment");
        }
        if (!assessment.municipalityId().equals(municipalityId) || !assessment.municipalitySlug().equals(municipalitySlug)) {
            throw mismatch("municipality", "The assessment is of " + assessment.municipalitySlug() + ", not " + municipalitySlug);
        }
        if (!assessment.plate().equals(Plate.normalize(plate))) {
            throw mismatch("plate", "The assessment is of plate " + assessment.plate() + ", not " + plate);
        }
        if (!assessment.intendedUse().equals(use)) {
            throw mismatch("intendedUse", "The assessment is for use " + assessment.intendedUse() + ", the proposal is " + use);
        }
        if (!assessment.rulebookSha256().equals(assessment.outcome().rulebookSha256())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The assessment's outcome is of another rulebook")
                    .with("field", "assessment");
        }
        LocalDate validUntil = LocalDate.parse(assessment.validUntil());
        if (validUntil.isBefore(today)) {
            throw new DomainException(ErrorCode.PERMIT_ASSESSMENT_EXPIRED, "Assessment " + assessment.assessmentId()
                    + " was valid until " + validUntil + "; today is " + today)
                    .with("validUntil", assessment.validUntil());
        }
        return new AssessmentReference(assessment.assessmentId(), assessment.issuedOn(), assessment.validUntil(),
                assessment.intendedUse(), assessment.rulebookVersion(), assessment.rulebookSha256());
    }

    private static DomainException mismatch(String field, String detail) {
        return new DomainException(ErrorCode.PERMIT_ASSESSMENT_MISMATCH, detail).with("field", field);
    }

    /** Positive areas and height, at least one unit, no negative parking, known floor kinds, no floor twice. */
    static void verifyProposal(ProposedBuilding building) {
        if (building == null) {
            throw invalidProposal("building", "An application needs the proposed building");
        }
        if (blank(building.use())) {
            throw invalidProposal("building.use", "The proposal names no use");
        }
        if (building.floors().isEmpty()) {
            throw invalidProposal("building.floors", "The proposal has no floors");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < building.floors().size(); i++) {
            ProposedFloor floor = building.floors().get(i);
            String field = "building.floors[" + i + "]";
            if (!PermitValues.FLOOR_KINDS.contains(floor.kind())) {
                throw invalidProposal(field + ".kind", "Floor kind must be one of " + PermitValues.FLOOR_KINDS);
            }
            if (blank(floor.use())) {
                throw invalidProposal(field + ".use", "A floor names no use");
            }
            if (!positive(floor.grossAreaM2())) {
                throw invalidProposal(field + ".grossAreaM2", "A floor's area must be positive");
            }
            if (!seen.add(floor.level() + "/" + floor.kind())) {
                throw invalidProposal(field + ".level", "Level " + floor.level() + " has two floors of kind " + floor.kind());
            }
        }
        if (!positive(building.footprintM2())) {
            throw invalidProposal("building.footprintM2", "The footprint must be positive");
        }
        if (building.units() < 1) {
            throw invalidProposal("building.units", "A building has at least one unit");
        }
        if (building.parkingSpaces() < 0) {
            throw invalidProposal("building.parkingSpaces", "Parking spaces cannot be negative");
        }
        if (!positive(building.heightM())) {
            throw invalidProposal("building.heightM", "The height must be positive");
        }
        if (building.commercialStoreyHeightM() != null && !positive(building.commercialStoreyHeightM())) {
            throw invalidProposal("building.commercialStoreyHeightM", "The commercial storey's height must be positive");
        }
    }

    /**
     * Every reference well formed (a kind, a name, a media type, a positive size, a SHA-256); the ownership document
     * an {@value #OWNERSHIP_DEED}; the architectural and structural drawings present, as PDF.
     */
    static void verifyDocuments(DocumentReference ownership, List<DocumentReference> documents, boolean ownershipRequired) {
        if (ownershipRequired) {
            if (ownership == null) {
                throw invalidDocument("ownershipDocument", "The ownership document is required");
            }
            verifyReference(ownership, "ownershipDocument");
            if (!OWNERSHIP_DEED.equals(ownership.kind())) {
                throw invalidDocument("ownershipDocument.kind", "The ownership document must be of kind " + OWNERSHIP_DEED);
            }
        }
        List<DocumentReference> all = documents == null ? List.of() : documents;
        for (int i = 0; i < all.size(); i++) {
            verifyReference(all.get(i), "documents[" + i + "]");
        }
        for (String required : List.of(ARCHITECTURAL_DRAWINGS, STRUCTURAL_DRAWINGS)) {
            if (all.stream().noneMatch(d -> required.equals(d.kind()) && PDF.equals(d.mediaType()))) {
                throw invalidDocument("documents", "The " + required + " are required, as " + PDF)
                        .with("missingKind", required);
            }
        }
    }

    private static void verifyReference(DocumentReference document, String field) {
        if (document == null) {
            throw invalidDocument(field, "A document reference is empty");
        }
        if (blank(document.kind()) || blank(document.fileName()) || blank(document.mediaType())) {
            throw invalidDocument(field, "A document needs its kind, file name and media type");
        }
        if (document.sizeBytes() <= 0) {
            throw invalidDocument(field + ".sizeBytes", "A document cannot be empty");
        }
        if (document.sha256() == null || !SHA256.matcher(document.sha256()).matches()) {
            throw invalidDocument(field + ".sha256", "A document's SHA-256 is 64 lowercase hex digits");
        }
    }

    private static DomainException invalidProposal(String field, String detail) {
        return new DomainException(ErrorCode.PERMIT_PROPOSAL_INVALID, detail).with("field", field);
    }

    private static DomainException invalidDocument(String field, String detail) {
        return new DomainException(ErrorCode.PERMIT_DOCUMENT_INVALID, detail).with("field", field);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean positive(double value) {
        return value > 0 && Double.isFinite(value);
    }
}
