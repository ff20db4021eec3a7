package ir.parvaneh.query.portal;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Day;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.time.JalaliDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * How the pages write numbers, money and days for people (templates call it as {@code @fmt}): in Persian, Persian
 * digits, Jalali dates with the month's name and Tehran's clock, through ICU (the same library the kernel's
 * {@code JalaliDate} uses); in English, Latin digits with the Jalali date still first (the calendar of the
 * municipality's deadlines) and the Gregorian day beside it. Money is recorded in Rials; Tomans (a tenth) are shown
 * beside them only as a reading aid.
 */
@Component("fmt")
public class Formats {

    private final MessageSource messages;

    Formats(MessageSource messages) {
        this.messages = messages;
    }

    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final ULocale ENGLISH_JALALI = new ULocale("en@calendar=persian");
    private static final TimeZone TEHRAN = TimeZone.getTimeZone(IranTime.ZONE.getId());

    public boolean persian() {
        return !"en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** Digits of an identifier or any text (a plate, a version), in the reader's script; other characters kept. */
    public String digits(Object text) {
        if (text == null) {
            return "";
        }
        String value = text.toString();
        return persian() ? PersianText.persianDigits(value) : value;
    }

    /** A number with grouping (and decimals as given), e.g. ۱۲٬۵۰۰٫۵. */
    public String number(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString());
        } catch (NumberFormatException notANumber) {
            return digits(value);
        }
        NumberFormat format = NumberFormat.getInstance(persian() ? new ULocale("fa_IR") : ULocale.ENGLISH);
        format.setMaximumFractionDigits(Math.max(0, number.stripTrailingZeros().scale()));
        return format.format(number);
    }

    /** An amount of Rials, with Tomans beside it. */
    public String rials(Long rials) {
        if (rials == null) {
            return "";
        }
        return persian()
                ? number(rials) + " ریال — " + number(rials / 10) + " تومان"
                : number(rials) + " rials — " + number(rials / 10) + " tomans";
    }

    /** A day (ISO text) as a Jalali date with the month's name, e.g. ۸ آذر ۱۴۰۵. */
    public String day(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        LocalDate date = LocalDate.parse(isoDate.length() > 10 ? isoDate.substring(0, 10) : isoDate);
        Date at = new Date(date.atTime(12, 0).atZone(IranTime.ZONE).toInstant().toEpochMilli());
        DateFormat jalali = DateFormat.getDateInstance(DateFormat.LONG, persian() ? PERSIAN : ENGLISH_JALALI);
        jalali.setTimeZone(TEHRAN);
        return persian() ? jalali.format(at) : jalali.format(at) + " (" + date + ")";
    }

    public String day(Day day) {
        return day == null ? "" : day(day.date());
    }

    /** An instant as its Jalali day and Tehran's time, e.g. ۸ آذر ۱۴۰۵، ۱۴:۰۵. */
    public String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        DateFormat format = DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.SHORT,
                persian() ? PERSIAN : ENGLISH_JALALI);
        format.setTimeZone(TEHRAN);
        return format.format(new Date(instant.toEpochMilli()));
    }

    public String instant(String isoInstant) {
        return isoInstant == null || isoInstant.isBlank() ? "" : instant(Instant.parse(isoInstant));
    }

    /** A duration in days, e.g. "۳ روز" (negative: overdue). */
    public String days(Number days) {
        if (days == null) {
            return "";
        }
        // Medians of lead times are fractions of days: a tenth of a day is as fine as a person reads them.
        Object shown = days instanceof Double || days instanceof Float
                ? BigDecimal.valueOf(days.doubleValue()).setScale(1, java.math.RoundingMode.HALF_UP) : days;
        return persian() ? number(shown) + " روز" : number(shown) + " days";
    }

    /** A span of time in days and hours, e.g. "۲ روز و ۳ ساعت"; negative spans (overdue) are written as positive. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = Math.abs(seconds);
        long days = s / 86_400;
        long hours = (s % 86_400) / 3_600;
        if (persian()) {
            return days > 0 ? number(days) + " روز و " + number(hours) + " ساعت" : number(hours) + " ساعت";
        }
        return days > 0 ? days + " d " + hours + " h" : hours + " h";
    }

    /**
     * The reader's name for a code ({@code label("output.", "max-floors")}); a code the messages do not know (a
     * rulebook may add outputs) is shown as it is rather than as a missing-message marker.
     */
    public String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
    }

    /** A recorded value as a person reads it: yes/no, a use's name, or a number in the reader's digits. */
    public String value(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.equals("true") || text.equals("false")) {
            return label("value.", text);
        }
        if (text.matches("[A-Z_]+(,[A-Z_]+)*")) {
            return String.join(persian() ? "، " : ", ",
                    java.util.Arrays.stream(text.split(",")).map(code -> label("use.", code)).toList());
        }
        return number(text);
    }

    /** A Jalali month ({@code 1405-09}) by its name, e.g. آذر ۱۴۰۵: hyphenated digits read backwards in a Persian line. */
    public String month(String jalaliMonth) {
        if (jalaliMonth == null || !jalaliMonth.matches("\\d{4}-\\d{2}")) {
            return digits(jalaliMonth);
        }
        int month = Integer.parseInt(jalaliMonth.substring(5));
        if (month < 1 || month > 12) {
            return digits(jalaliMonth);
        }
        return (persian() ? JalaliDate.monthNameFa(month) : JalaliDate.monthNameEn(month)) + " " + digits(jalaliMonth.substring(0, 4));
    }
}
