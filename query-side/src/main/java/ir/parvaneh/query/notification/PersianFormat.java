package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.time.JalaliDate;

import java.time.LocalDate;

import static ir.parvaneh.kernel.text.PersianText.persianDigits;

/**
 * What people read in a message: Persian digits, Jalali dates with the month's name ({@code ۸ آذر ۱۴۰۵}), and money
 * in Rials with the Toman equivalent beside it, as bills and bank SMS in Iran show it. The calendar conversion is the
 * kernel's {@link JalaliDate} (ICU's Persian calendar); this class only writes it out.
 */
final class PersianFormat {

    /** The Arabic thousands separator, which Persian typography uses between digit groups. */
    private static final char THOUSANDS = '\u066C';

    private PersianFormat() {
    }

    /**
     * A number people read (a plate, a permit number) in Persian digits; one that mixes in Latin letters, such as
     * {@code qazvin-1405-000123}, stays as issued, since Persian digits inside Latin text read out of order.
     */
    static String identifier(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return text;
            }
        }
        return persianDigits(text);
    }

    /** {@code 2026-11-29} → {@code ۸ آذر ۱۴۰۵}. */
    static String jalali(LocalDate date) {
        JalaliDate jalali = JalaliDate.of(date);
        return persianDigits(jalali.day() + " " + JalaliDate.monthNameFa(jalali.month()) + " " + jalali.year());
    }

    /** An ISO day as the events carry it, or {@code null}. */
    static String jalali(String isoDate) {
        return isoDate == null || isoDate.isBlank() ? null : jalali(LocalDate.parse(isoDate));
    }

    /** {@code 450000000} → {@code ۴۵۰٬۰۰۰٬۰۰۰ ریال (۴۵٬۰۰۰٬۰۰۰ تومان)}; Tomans are Rials / 10, shown, never stored. */
    static String rials(long rials) {
        String toman = rials % 10 == 0 ? grouped(rials / 10) : grouped(rials / 10) + persianDigits("٫" + Math.abs(rials % 10));
        return grouped(rials) + " ریال (" + toman + " تومان)";
    }

    private static String grouped(long value) {
        String plain = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && (plain.length() - i) % 3 == 0) {
                out.append(THOUSANDS);
            }
            out.append(plain.charAt(i));
        }
        return (value < 0 ? "-" : "") + persianDigits(out.toString());
    }
}
