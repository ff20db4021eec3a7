package ir.parvaneh.command.consent.code;

import ir.parvaneh.kernel.text.PersianText;

/** Iranian mobile numbers as the platform keeps and shows them. */
public final class OwnerPhones {

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
        String digits = PersianText.latinDigits(raw).replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+98")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0098")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("9") && digits.length() == 10) {
            digits = "0" + digits;
        }
        return digits.matches("09\\d{9}") ? digits : null;
    }

    /** The number as shown to the engineer and written in events: {@code 0912***4567}. */
    public static String masked(String phone) {
        if (phone == null || phone.length() < 8) {
            return "***";
        }
        return phone.substring(0, 4) + "***" + phone.substring(phone.length() - 4);
    }
}
