package ir.parvaneh.kernel.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class JalaliDateTest {

    @ParameterizedTest
    @CsvSource({
            "2026-03-20, 1404-12-29",  // the last day of 1404
            "2026-03-21, 1405-01-01",  // Nowruz 1405
            "2026-11-29, 1405-09-08",  // 8 Azar 1405
            "2025-03-21, 1404-01-01",  // Nowruz 1404
            "2024-03-19, 1402-12-29",
            "2024-03-20, 1403-01-01",  // Nowruz 1403, a day earlier in the Gregorian year
            "2027-03-21, 1406-01-01"})
    void gregorianDaysAreTheirJalaliDays(LocalDate gregorian, String jalali) {
        assertThat(JalaliDate.of(gregorian).toString()).isEqualTo(jalali);
    }

    @Test
    void monthsHaveTheirPersianAndLatinNames() {
        assertThat(JalaliDate.monthNameFa(1)).isEqualTo("فروردین");
        assertThat(JalaliDate.monthNameFa(9)).isEqualTo("آذر");
        assertThat(JalaliDate.monthNameEn(12)).isEqualTo("Esfand");
    }
}
