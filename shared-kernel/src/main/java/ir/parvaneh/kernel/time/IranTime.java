package ir.parvaneh.kernel.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Instants are stored in UTC; days (dates of force, deadlines, "as of") are calendar days in Iran.
 * Time always comes from an injected {@link Clock}.
 */
public final class IranTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tehran");

    private IranTime() {
    }

    /** Today's date in Iran by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
