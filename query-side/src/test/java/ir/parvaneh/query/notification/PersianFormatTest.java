package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.text.PersianText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What people read in a message: Persian digits, Jalali dates, Rials with Tomans; and how retries are spaced. */
class PersianFormatTest {

    @Test
    void givenAmountsThenRialsAreGroupedInPersianDigitsWithTomansBeside() {
        assertThat(PersianFormat.rials(450_000_000L)).isEqualTo("۴۵۰٬۰۰۰٬۰۰۰ ریال (۴۵٬۰۰۰٬۰۰۰ تومان)");
        assertThat(PersianFormat.rials(0)).isEqualTo("۰ ریال (۰ تومان)");
        assertThat(PersianFormat.rials(1_005L)).isEqualTo("۱٬۰۰۵ ریال (۱۰۰٫۵ تومان)");
    }

    @Test
    void givenDaysThenJalaliDatesWithTheMonthsNameInPersianDigits() {
        assertThat(PersianFormat.jalali(LocalDate.of(2026, 3, 21))).isEqualTo("۱ فروردین ۱۴۰۵");
        assertThat(PersianFormat.jalali("2026-12-22")).isEqualTo("۱ دی ۱۴۰۵");
        assertThat(PersianFormat.jalali("2027-03-20")).isEqualTo("۲۹ اسفند ۱۴۰۵");
        assertThat(PersianFormat.jalali((String) null)).isNull();
        assertThat(PersianText.persianDigits("1234/56 ٧")).isEqualTo("۱۲۳۴/۵۶ ۷");
        assertThat(PersianFormat.identifier("1234/56")).isEqualTo("۱۲۳۴/۵۶");
        assertThat(PersianFormat.identifier("qazvin-1405-000123")).isEqualTo("qazvin-1405-000123");
    }

    @Test
    void givenMobileNumbersInAnyCommonFormThenTheNationalFormOrNothing() {
        assertThat(Contacts.mobileOrNull("+98 912 123 4567")).isEqualTo("09121234567");
        assertThat(Contacts.mobileOrNull("00989121234567")).isEqualTo("09121234567");
        assertThat(Contacts.mobileOrNull("۰۹۱۲۱۲۳۴۵۶۷")).isEqualTo("09121234567");
        assertThat(Contacts.mobileOrNull("9121234567")).isEqualTo("09121234567");
        assertThat(Contacts.mobileOrNull("02833334444")).isNull();
        assertThat(Contacts.mobileOrNull("12345")).isNull();
        assertThat(Contacts.emailOrNull(" maryam@example.ir ")).isEqualTo("maryam@example.ir");
        assertThat(Contacts.emailOrNull("not-an-address")).isNull();
    }

    @Test
    void givenFailedAttemptsThenTheWaitDoublesUpToTheMaximum() {
        NotificationSettings settings = new NotificationSettings(true, 50, 6, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(5), "x@y.ir", "simulated", 0);
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoffAfter(30)).isEqualTo(Duration.ofMinutes(5));
    }
}
