package ir.parvaneh.command.gis.write.importing;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

/** A refused import names the feature at fault: its index in the file (from 0) travels in the problem. */
final class FeatureRejection {

    private FeatureRejection() {
    }

    static DomainException at(int featureIndex, ErrorCode code, String reason) {
        return new DomainException(code, "Feature " + featureIndex + ": " + reason).with("featureIndex", featureIndex);
    }
}
