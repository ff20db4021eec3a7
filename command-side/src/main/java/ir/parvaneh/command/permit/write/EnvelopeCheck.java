package ir.parvaneh.command.permit.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import ir.parvaneh.kernel.permit.PermitValues.EnvelopeDeviation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured building against its approved envelope: every measure that exceeds the approved one is a deviation.
 * No tolerance is allowed yet; a rulebook parameter for measuring tolerances belongs to a later slice.
 */
final class EnvelopeCheck {

    private EnvelopeCheck() {
    }

    static void verifyMeasured(BuildingEnvelope measured) {
        if (measured == null) {
            throw new DomainException(ErrorCode.PERMIT_MEASUREMENT_INVALID, "The measured envelope is missing")
                    .with("field", "measured");
        }
        if (measured.floors() < 0 || !nonNegative(measured.grossFloorAreaM2()) || !nonNegative(measured.footprintM2())
                || !nonNegative(measured.heightM())) {
            throw new DomainException(ErrorCode.PERMIT_MEASUREMENT_INVALID, "Measured values cannot be negative")
                    .with("field", "measured");
        }
    }

    static List<EnvelopeDeviation> deviations(BuildingEnvelope approved, BuildingEnvelope measured) {
        List<EnvelopeDeviation> deviations = new ArrayList<>();
        exceeds(deviations, "floors", approved.floors(), measured.floors());
        exceeds(deviations, "grossFloorAreaM2", approved.grossFloorAreaM2(), measured.grossFloorAreaM2());
        exceeds(deviations, "footprintM2", approved.footprintM2(), measured.footprintM2());
        exceeds(deviations, "heightM", approved.heightM(), measured.heightM());
        return List.copyOf(deviations);
    }

    private static void exceeds(List<EnvelopeDeviation> deviations, String measure, double approved, double measured) {
        BigDecimal a = BigDecimal.valueOf(approved);
        BigDecimal m = BigDecimal.valueOf(measured);
        if (m.compareTo(a) > 0) {
            deviations.add(new EnvelopeDeviation(measure, ComplianceCheck.text(a), ComplianceCheck.text(m)));
        }
    }

    private static boolean nonNegative(double value) {
        return value >= 0 && Double.isFinite(value);
    }
}
