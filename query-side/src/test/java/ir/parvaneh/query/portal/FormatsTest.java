package ir.parvaneh.query.portal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What people read: Persian digits, Jalali days with Tehran's clock, Rials with Tomans, in each language. */
class FormatsTest {

    private final Formats fmt = new Formats(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void persianPagesWritePersianDigitsJalaliDaysAndRialsWithTomans() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("fa-IR"));
        assertThat(fmt.digits("101/12")).isEqualTo("۱۰۱/۱۲");
        // 29 November 2026 is 8 Azar 1405.
        assertThat(fmt.day("2026-11-29")).isEqualTo("۸ آذر ۱۴۰۵");
        // 20:30 UTC is 00:00 the next day in Tehran (UTC+3:30): the Jalali day follows Tehran's clock.
        assertThat(fmt.instant(Instant.parse("2026-11-29T20:30:00Z"))).startsWith("۹ آذر ۱۴۰۵");
        assertThat(fmt.rials(4_610_320_000L)).isEqualTo("۴٬۶۱۰٬۳۲۰٬۰۰۰ ریال — ۴۶۱٬۰۳۲٬۰۰۰ تومان");
        assertThat(fmt.number("372.55")).isEqualTo("۳۷۲٫۵۵");
        assertThat(fmt.days(2.25)).isEqualTo("۲٫۳ روز");
        assertThat(fmt.duration(-(2 * 86_400L + 3 * 3_600L))).isEqualTo("۲ روز و ۳ ساعت");
        assertThat(fmt.month("1405-09")).isEqualTo("آذر ۱۴۰۵");
    }

    @Test
    void englishPagesKeepLatinDigitsAndStillShowTheJalaliDayFirst() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.digits("101/12")).isEqualTo("101/12");
        assertThat(fmt.day("2026-11-29")).contains("1405").endsWith("(2026-11-29)");
        assertThat(fmt.rials(4_610_320_000L)).isEqualTo("4,610,320,000 rials — 461,032,000 tomans");
        assertThat(fmt.month("1405-12")).isEqualTo("Esfand 1405");
    }

    @Test
    void recordedValuesReadAsWordsAndUnknownCodesAsThemselves() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("fa-IR"));
        assertThat(fmt.value("true")).isEqualTo("بله");
        assertThat(fmt.value("RESIDENTIAL,COMMERCIAL")).isEqualTo("مسکونی، تجاری");
        assertThat(fmt.value("12")).isEqualTo("۱۲");
        assertThat(fmt.label("output.", "max-floors")).isEqualTo("حداکثر تعداد طبقات");
        assertThat(fmt.label("output.", "a-new-output")).isEqualTo("a-new-output");
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        Locale fa = Locale.forLanguageTag("fa-IR");
        messages.addMessage("value.true", fa, "بله");
        messages.addMessage("use.RESIDENTIAL", fa, "مسکونی");
        messages.addMessage("use.COMMERCIAL", fa, "تجاری");
        messages.addMessage("output.max-floors", fa, "حداکثر تعداد طبقات");
        return messages;
    }
}
