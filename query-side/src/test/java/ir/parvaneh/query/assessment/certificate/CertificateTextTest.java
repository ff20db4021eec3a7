package ir.parvaneh.query.assessment.certificate;

import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.text.PersianText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Values as a Persian reader takes them: Persian digits and separators, Jalali days, Rials with Tomans. */
class CertificateTextTest {

    private static AssessedOutput output(String value, String unit) {
        return new AssessedOutput("x", AssessedOutput.DETERMINED, value, unit, null, null);
    }

    @Test
    void givenNumbersThenTheyArePrintedWithPersianDigitsAndSeparators() {
        assertThat(CertificateText.number(new BigDecimal("12500.5"))).isEqualTo("۱۲٬۵۰۰٫۵");
        assertThat(CertificateText.number(new BigDecimal("180"))).isEqualTo("۱۸۰");
        assertThat(PersianText.persianDigits("1234/56")).isEqualTo("۱۲۳۴/۵۶");
    }

    @Test
    void givenRialsThenTomansStandBesideThem() {
        assertThat(CertificateText.rials(31_000_000)).isEqualTo("۳۱٬۰۰۰٬۰۰۰ ریال (۳٬۱۰۰٬۰۰۰ تومان)");
        assertThat(CertificateText.rials(12_345)).isEqualTo("۱۲٬۳۴۵ ریال (۱٬۲۳۴٫۵ تومان)");
    }

    @Test
    void givenADayThenItIsWrittenInTheJalaliCalendarWithTheGregorianDateBesideIt() {
        assertThat(CertificateText.day(LocalDate.of(2026, 11, 29)))
                .isEqualTo("۱۴۰۵/۰۹/۰۸ (۸ آذر ۱۴۰۵) — \u20662026-11-29\u2069");
        assertThat(CertificateText.day(LocalDate.of(2026, 3, 21))).startsWith("۱۴۰۵/۰۱/۰۱ (۱ فروردین ۱۴۰۵)");
        assertThat(CertificateText.printedDate("1404-10-08")).isEqualTo("۱۴۰۴/۱۰/۰۸");
    }

    @Test
    void givenOutputsThenEachUnitReadsAsAPersonSaysIt() {
        assertThat(CertificateText.value(output("180", "percent"))).isEqualTo("۱۸۰ درصد");
        assertThat(CertificateText.value(output("432.9", "m2"))).isEqualTo("۴۳۲٫۹ متر مربع");
        assertThat(CertificateText.value(output("true", "boolean"))).isEqualTo("بله");
        assertThat(CertificateText.value(output("RESIDENTIAL,COMMERCIAL", "codes"))).isEqualTo("مسکونی، تجاری");
        assertThat(CertificateText.value(output("2500000", "rials"))).isEqualTo("۲٬۵۰۰٬۰۰۰ ریال (۲۵۰٬۰۰۰ تومان)");
        assertThat(CertificateText.value(output("R122=60,R211=40", "percent"))).isEqualTo("R122: ۶۰ درصد، R211: ۴۰ درصد");
        assertThat(CertificateText.value(output("RS-1:REPLACE", "codes"))).isEqualTo("RS-1:REPLACE");
        // A unit or code the table does not know is printed as it is, never guessed.
        assertThat(CertificateText.value(output("7", "lux"))).isEqualTo("۷ lux");
        assertThat(CertificateText.value(new AssessedOutput("max-floors", AssessedOutput.CANNOT_DETERMINE, null,
                "floors", "no passage within reach", null))).isEqualTo("قابل تعیین نیست: no passage within reach");
    }
}
