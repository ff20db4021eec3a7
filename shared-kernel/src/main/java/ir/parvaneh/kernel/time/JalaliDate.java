package ir.parvaneh.kernel.time;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A day in the Jalali (solar hijri) calendar Iran counts in, converted by ICU's Persian calendar: 1 Farvardin
 * 1405 is 21 March 2026. Months are 1 (Farvardin) to 12 (Esfand).
 */
public record JalaliDate(int year, int month, int day) {

    /**
     * Days already converted. Building an ICU calendar costs tens of microseconds, and a projection rebuild converts
     * the date of every event, most of them on a few thousand distinct days; cleared when it grows past that.
     */
    private static final Map<Long, JalaliDate> CONVERTED = new ConcurrentHashMap<>();
    private static final int MAX_CONVERTED = 20_000;
    private static final String[] MONTHS_FA = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر",
            "آبان", "آذر", "دی", "بهمن", "اسفند"};
    private static final String[] MONTHS_EN = {"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
            "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"};

    /** The Persian name of a Jalali month, 1 (فروردین) to 12 (اسفند). */
    public static String monthNameFa(int month) {
        return MONTHS_FA[month - 1];
    }

    /** The name of a Jalali month in Latin letters, 1 (Farvardin) to 12 (Esfand). */
    public static String monthNameEn(int month) {
        return MONTHS_EN[month - 1];
    }

    public static JalaliDate of(LocalDate date) {
        long epochDay = date.toEpochDay();
        JalaliDate known = CONVERTED.get(epochDay);
        if (known != null) {
            return known;
        }
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
        calendar.clear();
        calendar.setTimeInMillis(epochDay * 86_400_000L);
        JalaliDate converted = new JalaliDate(calendar.get(Calendar.EXTENDED_YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
        if (CONVERTED.size() >= MAX_CONVERTED) {
            CONVERTED.clear();
        }
        CONVERTED.put(epochDay, converted);
        return converted;
    }

    /** ISO-like text, {@code 1405-09-08}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(10);
        pad(text, year, 4).append('-');
        pad(text, month, 2).append('-');
        return pad(text, day, 2).toString();
    }

    /** {@code value} in at least {@code width} digits, zero-padded (what {@code %0Nd} writes, without a Formatter). */
    public static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
