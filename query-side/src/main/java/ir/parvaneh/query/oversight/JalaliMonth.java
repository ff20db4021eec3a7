package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.time.JalaliDate;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A month of the Jalali calendar, {@code 1405-09} (Azar 1405): the province counts its statistics in Jalali
 * months. Its text sorts as the months follow each other, so ranges are plain string comparisons in SQL.
 */
record JalaliMonth(int year, int month) implements Comparable<JalaliMonth> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-(\\d{2})");

    JalaliMonth {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("A Jalali month is 1 to 12: " + month);
        }
    }

    /** The Jalali month in which an instant falls in Iran. */
    static JalaliMonth of(Instant instant) {
        JalaliDate day = JalaliDate.of(instant.atZone(IranTime.ZONE).toLocalDate());
        return new JalaliMonth(day.year(), day.month());
    }

    /** A request's month; anything else than {@code yyyy-mm} with a month 01–12 is a validation problem. */
    static JalaliMonth parse(String text, String field) {
        var matcher = text == null ? null : TEXT.matcher(text.strip());
        if (matcher == null || !matcher.matches()
                || Integer.parseInt(matcher.group(2)) < 1 || Integer.parseInt(matcher.group(2)) > 12) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    field + " must be a Jalali month yyyy-mm, e.g. 1405-09").with("field", field);
        }
        return new JalaliMonth(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** How many months from this one to {@code later}, both counted. */
    int monthsTo(JalaliMonth later) {
        return (later.year - year) * 12 + later.month - month + 1;
    }

    @Override
    public int compareTo(JalaliMonth other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        StringBuilder text = JalaliDate.pad(new StringBuilder(7), year, 4).append('-');
        return JalaliDate.pad(text, month, 2).toString();
    }
}
