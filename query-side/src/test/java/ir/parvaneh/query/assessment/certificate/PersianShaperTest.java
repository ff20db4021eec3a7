package ir.parvaneh.query.assessment.certificate;

import com.ibm.icu.lang.UCharacter;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Persian letters take the form their neighbours call for, and a line reads right to left when drawn left to right. */
class PersianShaperTest {

    private static List<String> names(String text) {
        return text.codePoints().mapToObj(UCharacter::getName).toList();
    }

    @Test
    void givenTheLettersPersianAddsToArabicThenEachTakesItsContextualFormLikeAnyOtherLetter() {
        // پ چ ژ گ ک ی are in Presentation Forms-A, which ICU's ArabicShaping never produces.
        assertThat(names(PersianShaper.shape("پلاک"))).containsExactly(
                "ARABIC LETTER PEH INITIAL FORM",
                "ARABIC LIGATURE LAM WITH ALEF FINAL FORM",
                "ARABIC LETTER KEHEH ISOLATED FORM");
        assertThat(names(PersianShaper.shape("گچ"))).containsExactly(
                "ARABIC LETTER GAF INITIAL FORM", "ARABIC LETTER TCHEH FINAL FORM");
        assertThat(names(PersianShaper.shape("کیک"))).containsExactly(
                "ARABIC LETTER KEHEH INITIAL FORM", "ARABIC LETTER FARSI YEH MEDIAL FORM",
                "ARABIC LETTER KEHEH FINAL FORM");
        assertThat(names(PersianShaper.shape("مژده"))).containsExactly(
                "ARABIC LETTER MEEM INITIAL FORM", "ARABIC LETTER JEH FINAL FORM",
                "ARABIC LETTER DAL ISOLATED FORM", "ARABIC LETTER HEH ISOLATED FORM");
    }

    @Test
    void givenAZeroWidthNonJoinerThenTheLettersOnEitherSideDoNotJoinAndTheJoinerIsNotDrawn() {
        assertThat(names(PersianShaper.shape("می\u200Cشود"))).containsExactly(
                "ARABIC LETTER MEEM INITIAL FORM", "ARABIC LETTER FARSI YEH FINAL FORM",
                "ARABIC LETTER SHEEN INITIAL FORM", "ARABIC LETTER WAW FINAL FORM", "ARABIC LETTER DAL ISOLATED FORM");
    }

    @Test
    void givenShapedTextThenCompatibilityNormalisationGivesBackTheLetters() {
        String text = "دستور نقشه پلاک ۱۲۳۴/۵۶ قزوین، کاربری مسکونی";
        String shaped = PersianShaper.shape(text);
        assertThat(shaped).isNotEqualTo(text);
        assertThat(Normalizer.normalize(shaped, Normalizer.Form.NFKC)).isEqualTo(text);
    }

    @Test
    void givenALineMixingPersianDigitsAndLatinThenPersianRunsAreReversedAndNumbersAndLatinKeepTheirOrder() {
        String visual = PersianShaper.visual("پلاک ۱۲۳۴/۵۶ در پهنه R122");
        // Drawn left to right: the Latin code first (it ends the sentence), then the words from last to first.
        assertThat(visual).startsWith("R122 ");
        assertThat(visual).contains("۱۲۳۴/۵۶");
        String letters = Normalizer.normalize(visual, Normalizer.Form.NFKC);
        // The lam-alef ligature decomposes in logical order, inside the reversed word.
        assertThat(letters).endsWith("کلاپ");
        assertThat(PersianShaper.visual("(مسکونی)")).startsWith("(").endsWith(")");
    }

    @Test
    void givenAGregorianDateInAPersianLineThenItsIsolateKeepsItInReadingOrderAndIsNotDrawn() {
        String bare = PersianShaper.visual("صادرشده در 2026-11-29");
        // Without an isolate the Persian before it turns the digits into Arabic numbers and the line reads backwards.
        assertThat(bare).contains("29-11-2026");
        String visual = PersianShaper.visual("صادرشده در " + PersianShaper.isolated("2026-11-29"));
        assertThat(visual).startsWith("2026-11-29 ");
        assertThat(visual).doesNotContain("\u2066").doesNotContain("\u2069");
    }
}
