package ir.parvaneh.kernel.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Persian text as the platform stores and searches it. Text is stored as given, NFC-normalised; a
 * separate search key folds the Arabic code points that Persian keyboards and old systems produce
 * (ي ك ى ة) to their Persian forms, drops zero-width joiners and diacritics, unifies digits and case,
 * so that "كرج" and "کرج" find the same thing.
 */
public final class PersianText {

    private PersianText() {
    }

    /** The text as stored: NFC, trimmed. {@code null} stays {@code null}. */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** Persian (۰-۹) and Arabic-Indic (٠-٩) digits become Latin digits; everything else is kept. */
    public static String latinDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '۰' && c <= '۹') {
                out.append((char) ('0' + (c - '۰')));
            } else if (c >= '٠' && c <= '٩') {
                out.append((char) ('0' + (c - '٠')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Latin (0-9) and Arabic-Indic (٠-٩) digits become Persian ones (۰-۹), as a Persian reader reads them; everything
     * else is kept. {@code null} stays {@code null}. The display twin of {@link #latinDigits}.
     */
    public static String persianDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append((char) ('۰' + (c - '0')));
            } else if (c >= '٠' && c <= '٩') {
                out.append((char) ('۰' + (c - '٠')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The key used for search and comparison, never for display. */
    public static String searchKey(String text) {
        if (text == null) {
            return null;
        }
        String nfc = normalize(latinDigits(text));
        StringBuilder out = new StringBuilder(nfc.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            char folded = switch (c) {
                case 'ي', 'ى', 'ئ' -> 'ی';
                case 'ك' -> 'ک';
                case 'ة' -> 'ه';
                case 'أ', 'إ', 'ٱ' -> 'ا';
                case 'ؤ' -> 'و';
                default -> c;
            };
            boolean isMark = folded >= '\u064B' && folded <= '\u065F' || folded == '\u0670';
            boolean isJoiner = folded == '\u200C' || folded == '\u200D' || folded == '\u0640';
            if (isMark) {
                continue;
            }
            if (isJoiner || Character.isWhitespace(folded)) {
                if (!lastWasSpace && out.length() > 0) {
                    out.append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            out.append(folded);
            lastWasSpace = false;
        }
        return out.toString().strip().toLowerCase(Locale.ROOT);
    }
}
