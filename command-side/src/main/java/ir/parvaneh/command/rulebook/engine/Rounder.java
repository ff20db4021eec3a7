package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A manifest's rounding rule: to a multiple of {@code increment}, in {@code mode} (DOWN to 1000 Rials…). */
record Rounder(RoundingMode mode, BigDecimal increment) {

    BigDecimal round(BigDecimal value) {
        return value.divide(increment, 0, mode).multiply(increment).stripTrailingZeros();
    }

    String describe() {
        return mode + " to " + increment.stripTrailingZeros().toPlainString();
    }
}
