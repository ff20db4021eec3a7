package ir.parvaneh.kernel.identity;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.text.PersianText;

/**
 * The Iranian national code (کد ملی): ten digits, the last a check digit over the first nine
 * (weights 10..2, sum modulo 11; remainder below 2 is the check digit itself, otherwise 11 minus it).
 * Input may use Persian or Arabic-Indic digits, spaces or dashes, and may have lost its leading zeros
 * (8 or 9 digits), as codes typed into spreadsheets often have; the stored form is ten Latin digits.
 */
public record NationalCode(String value) {

    public NationalCode {
        if (!isValid(value)) {
            throw new DomainException(ErrorCode.INVALID_NATIONAL_CODE,
                    "A national code is ten digits with a valid check digit");
        }
    }

    /** Normalises and validates; throws {@link DomainException} with {@code INVALID_NATIONAL_CODE}. */
    public static NationalCode parse(String raw) {
        return new NationalCode(normalize(raw));
    }

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String digits = PersianText.latinDigits(raw).replaceAll("[\\s\\-]", "");
        if (digits.matches("\\d{8,9}")) {
            digits = "0".repeat(10 - digits.length()) + digits;
        }
        return digits;
    }

    public static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{10}")) {
            return false;
        }
        if (code.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (code.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        int check = code.charAt(9) - '0';
        return remainder < 2 ? check == remainder : check == 11 - remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
