package ir.parvaneh.query.assessment.certificate;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.time.JalaliDate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static ir.parvaneh.kernel.text.PersianText.persianDigits;

/**
 * How the certificate writes values for a Persian reader: Persian digits and separators (ICU's {@code fa} locale),
 * Jalali dates (the kernel's {@link JalaliDate}, with the month's name from ICU's Persian calendar), money in Rials
 * with Tomans beside them, and Persian names for the platform's codes. Codes the table does not know are printed as
 * they are rather than guessed.
 */
final class CertificateText {

    private static final ULocale PERSIAN = new ULocale("fa_IR");
    private static final ULocale PERSIAN_CALENDAR = new ULocale("fa_IR@calendar=persian");

    static final Map<String, String> USES = Map.of(
            "RESIDENTIAL", "مسکونی",
            "COMMERCIAL", "تجاری",
            "OFFICE", "اداری",
            "INDUSTRIAL", "صنعتی",
            "GREEN_SPACE", "فضای سبز",
            "PUBLIC_FACILITY", "تأسیسات و تجهیزات شهری",
            "PARKING", "پارکینگ");

    /** The outputs a rulebook must produce, by their stable names; others fall back to their decision's name. */
    static final Map<String, String> OUTPUTS = Map.ofEntries(
            Map.entry("permitted-uses", "کاربری‌های مجاز"),
            Map.entry("intended-use-permitted", "مجاز بودن کاربری درخواستی"),
            Map.entry("zone-shares", "سهم پهنه‌ها از قطعه"),
            Map.entry("overlay-restrictions", "محدودیت‌های لایه‌های ویژه"),
            Map.entry("fee-building-area-rials", "عوارض زیربنا"),
            Map.entry("fee-commercial-rials", "عوارض پذیره تجاری، اداری و صنعتی"),
            Map.entry("density-percent", "تراکم ساختمانی (نسبت زیربنا به مساحت قطعه)"),
            Map.entry("coverage-percent", "سطح اشغال"),
            Map.entry("max-floors", "حداکثر تعداد طبقات"),
            Map.entry("max-footprint-m2", "حداکثر سطح اشغال"),
            Map.entry("max-gross-floor-area-m2", "حداکثر زیربنای مجاز"),
            Map.entry("max-units", "حداکثر تعداد واحد"),
            Map.entry("min-open-space-per-unit-m2", "حداقل فضای باز هر واحد"),
            Map.entry("required-parking", "پارکینگ مورد نیاز"),
            Map.entry("min-lot-size-met", "رعایت حداقل مساحت قطعه"),
            Map.entry("setback-rule", "عقب‌نشینی و استقرار بنا"),
            Map.entry("buildable-depth-m", "طول مجاز بنا"));

    /**
     * The order a reader looks for them (land use, density, coverage, floors, setbacks, parking, then the rest), not
     * the outcome's alphabetical one; outputs a rulebook adds come last, by name.
     */
    static final Comparator<AssessedOutput> READING_ORDER = Comparator
            .comparingInt((AssessedOutput o) -> {
                int at = List.of("permitted-uses", "intended-use-permitted", "density-percent", "coverage-percent",
                        "max-floors", "setback-rule", "required-parking", "max-gross-floor-area-m2", "max-footprint-m2",
                        "max-units", "min-open-space-per-unit-m2", "buildable-depth-m", "min-lot-size-met",
                        "fee-building-area-rials", "fee-commercial-rials", "zone-shares", "overlay-restrictions")
                        .indexOf(o.name());
                return at < 0 ? Integer.MAX_VALUE : at;
            })
            .thenComparing(AssessedOutput::name);

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("percent", "درصد"),
            Map.entry("floors", "طبقه"),
            Map.entry("m2", "متر مربع"),
            Map.entry("m", "متر"),
            Map.entry("units", "واحد"),
            Map.entry("spaces", "واحد پارکینگ"),
            Map.entry("m2-per-unit", "متر مربع برای هر واحد"));

    static final Map<String, String> LAYERS = Map.of(
            "boundary", "محدوده شهر",
            "parcels", "قطعات",
            "zones", "پهنه‌ها",
            "passages", "معابر",
            "price-blocks", "بلوک‌های قیمت منطقه‌ای",
            "overlays", "لایه‌های ویژه");

    static final Map<String, String> SIDES = Map.of(
            "NORTH", "شمال", "EAST", "شرق", "SOUTH", "جنوب", "WEST", "غرب");

    private CertificateText() {
    }

    /** A plain decimal in Persian digits with Persian separators: {@code 12500.5} → ۱۲٬۵۰۰٫۵. */
    static String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(PERSIAN);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    static String number(long value) {
        return number(BigDecimal.valueOf(value));
    }

    /** Rials, with the Tomans people say beside them: ۳۱٬۰۰۰٬۰۰۰ ریال (۳٬۱۰۰٬۰۰۰ تومان). */
    static String rials(long rials) {
        return number(rials) + " ریال (" + number(BigDecimal.valueOf(rials).divide(BigDecimal.TEN, 1, RoundingMode.UNNECESSARY))
                + " تومان)";
    }

    /** The Jalali day in numbers and words, with the Gregorian date: ۱۴۰۵/۰۹/۰۸ (۸ آذر ۱۴۰۵) — 2026-11-29. */
    static String day(LocalDate date) {
        JalaliDate jalali = JalaliDate.of(date);
        String numeric = persianDigits(String.format("%04d/%02d/%02d", jalali.year(), jalali.month(), jalali.day()));
        DateFormat words = DateFormat.getPatternInstance("d MMMM y", PERSIAN_CALENDAR);
        words.setTimeZone(TimeZone.GMT_ZONE);
        return numeric + " (" + words.format(new Date(date.toEpochDay() * 86_400_000L)) + ") — "
                + PersianShaper.isolated(date.toString());
    }

    /**
     * A date as a legal source prints it (Jalali, kept as text, {@code 1404-10-08}), with Persian digits and slashes:
     * between Persian digits a slash keeps the date in reading order where a hyphen would not.
     */
    static String printedDate(String text) {
        return text == null ? "" : persianDigits(text.replace('-', '/'));
    }

    static String use(String code) {
        return USES.getOrDefault(code, code);
    }

    /** An output's value as a reader takes it: number and unit, yes/no, uses by name, or the rule's own words. */
    static String value(AssessedOutput output) {
        if (!output.determined()) {
            return "قابل تعیین نیست: " + output.reason();
        }
        String value = output.value();
        String unit = output.unit() == null ? "" : output.unit();
        if (value.contains("=") && !"text".equals(unit)) {
            // A list of keyed values, e.g. zone-shares "R122=60,R211=40": each key with its value in the unit.
            return Arrays.stream(value.split(",")).map(String::strip).map(item -> {
                int eq = item.indexOf('=');
                return eq < 0 ? item : item.substring(0, eq) + ": " + value(new AssessedOutput(output.name(),
                        output.status(), item.substring(eq + 1), unit, null, null));
            }).collect(Collectors.joining("، "));
        }
        switch (unit) {
            case "boolean":
                return "true".equals(value) ? "بله" : "خیر";
            case "codes":
            case "code":
                return Arrays.stream(value.split(",")).map(String::strip).map(CertificateText::use)
                        .collect(Collectors.joining("، "));
            case "text":
                return value;
            case "rials":
                try {
                    // The rulebook already rounded money to whole Rials; a fraction here would be a rulebook's error.
                    return rials(new BigDecimal(value).setScale(0, RoundingMode.DOWN).longValueExact());
                } catch (NumberFormatException | ArithmeticException notAnAmount) {
                    return value;
                }
            default:
                String number;
                try {
                    number = number(new BigDecimal(value));
                } catch (NumberFormatException notANumber) {
                    return value;
                }
                String name = UNITS.get(unit);
                return name == null ? number + " " + unit : number + " " + name;
        }
    }

    static String outputName(AssessedOutput output) {
        String known = OUTPUTS.get(output.name());
        if (known != null) {
            return known;
        }
        return output.explanation() != null && output.explanation().decisionName() != null
                ? output.explanation().decisionName() : output.name();
    }
}
