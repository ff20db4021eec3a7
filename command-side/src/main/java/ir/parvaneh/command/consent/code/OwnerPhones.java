package ir.parvaneh.command.consent.code;

import ir.parvaneh.kernel.text.PersianText;

import java.util.regex.Pattern;

/** Iranian mobile numbers as the platform keeps and shows them. */
public final class OwnerPhones {

    // Compiled once: the contact recorder normalises the caller's number on every request (issue 5).
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern MOBILE = Pattern.compile("09\\d{9}");

    private OwnerPhones() {
    }

    /**
     * {@code 09xxxxxxxxx} from what a token may carry (+98 9…, 0098 9…, 9…, Persian digits, spaces or dashes), or
     * {@code null} when it is not an Iranian mobile number: a code is never sent to a number that could be someone
     * else's by misreading.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(PersianText.latinDigits(raw)).replaceAll("");
        if (digits.startsWith("+98")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0098")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("9") && digits.length() == 10) {
            digits = "0" + digits;
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    /** The number as shown to the engineer and written in events: {@code 0912***4567}. */
    public static String masked(String phone) {
        if (phone == null || phone.length() < 8) {
            return "***";
        }
        return phone.substring(0, 4) + "***" + phone.substring(phone.length() - 4);
    }
}
