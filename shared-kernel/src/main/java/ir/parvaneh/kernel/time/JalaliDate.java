package ir.parvaneh.kernel.time;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;

import java.time.LocalDate;

/**
 * A day in the Jalali (solar hijri) calendar Iran counts in, converted by ICU's Persian calendar: 1 Farvardin
 * 1405 is 21 March 2026. Months are 1 (Farvardin) to 12 (Esfand).
 */
public record JalaliDate(int year, int month, int day) {

    public static JalaliDate of(LocalDate date) {
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
        calendar.clear();
        calendar.setTimeInMillis(date.toEpochDay() * 86_400_000L);
        return new JalaliDate(calendar.get(Calendar.EXTENDED_YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }

    /** ISO-like text, {@code 1405-09-08}. */
    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
