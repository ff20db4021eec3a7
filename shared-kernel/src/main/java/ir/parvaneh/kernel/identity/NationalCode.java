package ir.parvaneh.kernel.identity;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.text.PersianText;

import java.util.regex.Pattern;

/**
 * The Iranian national code (کد ملی): ten digits, the last a check digit over the first nine
 * (weights 10..2, sum modulo 11; remainder below 2 is the check digit itself, otherwise 11 minus it).
 * Input may use Persian or Arabic-Indic digits, spaces or dashes, and may have lost its leading zeros
 * (8 or 9 digits), as codes typed into spreadsheets often have; the stored form is ten Latin digits.
 */
public record NationalCode(String value) {

    // Compiled once: every actor built from a token or from a message's metadata parses its national code, several
    // times per request (issue 5), and String.matches/replaceAll compiled their expression at every call.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");
    private static final Pattern LEADING_ZEROS_LOST = Pattern.compile("\\d{8,9}");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

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
        String digits = SEPARATORS.matcher(PersianText.latinDigits(raw)).replaceAll("");
        if (LEADING_ZEROS_LOST.matcher(digits).matches()) {
            digits = "0".repeat(10 - digits.length()) + digits;
        }
        return digits;
    }

    public static boolean isValid(String code) {
        if (code == null || !TEN_DIGITS.matcher(code).matches()) {
            return false;
        }
        if (code.chars().allMatch(c -> c == code.charAt(0))) {
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
