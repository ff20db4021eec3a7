package ir.parvaneh.command.gis.lookup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Derived lengths, areas and shares are reported to two decimals, rounded half-up. */
final class Rounding {

    private Rounding() {
    }

    static double centi(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
