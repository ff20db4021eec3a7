package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;

/**
 * A numeric interval with open or closed ends; a {@code null} end is infinite. Used both for the brackets of
 * decision table rows ({@code [100..200]}, {@code >= 8}) and for the domain a manifest declares for a fact.
 */
record Interval(BigDecimal low, boolean lowClosed, BigDecimal high, boolean highClosed) {

    static final Interval ALL = new Interval(null, false, null, false);

    static Interval point(BigDecimal value) {
        return new Interval(value, true, value, true);
    }

    boolean contains(BigDecimal value) {
        if (low != null) {
            int c = value.compareTo(low);
            if (c < 0 || c == 0 && !lowClosed) {
                return false;
            }
        }
        if (high != null) {
            int c = value.compareTo(high);
            return c < 0 || c == 0 && highClosed;
        }
        return true;
    }

    boolean isEmpty() {
        if (low == null || high == null) {
            return false;
        }
        int c = low.compareTo(high);
        return c > 0 || c == 0 && !(lowClosed && highClosed);
    }

    Interval intersect(Interval other) {
        BigDecimal lo = low;
        boolean loClosed = lowClosed;
        if (other.low != null && (lo == null || other.low.compareTo(lo) > 0)) {
            lo = other.low;
            loClosed = other.lowClosed;
        } else if (other.low != null && other.low.compareTo(lo) == 0) {
            loClosed = loClosed && other.lowClosed;
        }
        BigDecimal hi = high;
        boolean hiClosed = highClosed;
        if (other.high != null && (hi == null || other.high.compareTo(hi) < 0)) {
            hi = other.high;
            hiClosed = other.highClosed;
        } else if (other.high != null && other.high.compareTo(hi) == 0) {
            hiClosed = hiClosed && other.highClosed;
        }
        return new Interval(lo, loClosed, hi, hiClosed);
    }

    /** A value inside the interval (an integer one when {@code integer}), or {@code null} if it holds none. */
    BigDecimal sample(boolean integer) {
        if (isEmpty()) {
            return null;
        }
        BigDecimal candidate;
        if (low != null && lowClosed) {
            candidate = low;
        } else if (low != null && high != null) {
            candidate = low.add(high).divide(BigDecimal.valueOf(2));
        } else if (low != null) {
            candidate = low.add(BigDecimal.ONE);
        } else if (high != null) {
            candidate = highClosed ? high : high.subtract(BigDecimal.ONE);
        } else {
            candidate = BigDecimal.ZERO;
        }
        if (!integer) {
            return candidate;
        }
        BigDecimal whole = low == null ? candidate.setScale(0, java.math.RoundingMode.FLOOR)
                : low.setScale(0, java.math.RoundingMode.CEILING);
        if (!contains(whole)) {
            whole = whole.add(BigDecimal.ONE);
        }
        return contains(whole) ? whole.stripTrailingZeros() : null;
    }

    /** The interval in the notation planners write: {@code [100..200]}, {@code (0..∞)}. */
    @Override
    public String toString() {
        if (low != null && high != null && low.compareTo(high) == 0 && lowClosed && highClosed) {
            return low.stripTrailingZeros().toPlainString();
        }
        return (lowClosed ? "[" : "(") + (low == null ? "-∞" : low.stripTrailingZeros().toPlainString()) + ".."
                + (high == null ? "∞" : high.stripTrailingZeros().toPlainString()) + (highClosed ? "]" : ")");
    }
}
