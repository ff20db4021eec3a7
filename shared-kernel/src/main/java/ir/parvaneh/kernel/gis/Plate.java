package ir.parvaneh.kernel.gis;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.text.PersianText;

import java.util.regex.Pattern;

/**
 * A registry plate (پلاک ثبتی): the main plate and, usually, the sub plate, written {@code main/sub}
 * ({@code ۱۲۳۴/۵۶} is stored as {@code 1234/56}). Persian or Arabic digits, spaces and the various slashes
 * people type are normalised, so a plate is found however it was entered.
 */
public final class Plate {

    private static final Pattern WELL_FORMED = Pattern.compile("[0-9]{1,7}(/[0-9]{1,7}){0,2}");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[/\\\\\u2044\u2215\uFF0F\u066C\u060C-]\\s*");

    private Plate() {
    }

    /** The normalised plate, or {@code PLATE_INVALID} naming what was given. */
    public static String normalize(String plate) {
        String latin = plate == null ? "" : PersianText.latinDigits(plate).strip();
        String normalized = SEPARATOR.matcher(latin).replaceAll("/");
        if (!WELL_FORMED.matcher(normalized).matches()) {
            throw new DomainException(ErrorCode.PLATE_INVALID, "'" + plate + "' is not a registry plate such as 1234/56")
                    .with("plate", String.valueOf(plate));
        }
        return normalized;
    }
}
