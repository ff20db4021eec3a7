package ir.parvaneh.query.assessment.certificate;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns Persian text (logical order, as stored) into what a PDF content stream draws: each letter in the
 * presentation form its neighbours call for, and the line in visual (left-to-right drawing) order. PDFBox draws
 * code points one glyph each and knows neither Arabic joining nor the bidirectional algorithm.
 *
 * <p>Why not ICU's {@code ArabicShaping}: it maps only to Arabic Presentation Forms-B, so the Persian letters
 * پ چ ژ گ ک ی (whose forms are in Forms-A) stay in their isolated form in the middle of words. Here the forms come
 * from the Unicode data ICU carries: each letter's joining type ({@link UProperty#JOINING_TYPE}) and, for every
 * presentation form in Forms-A and Forms-B, its compatibility decomposition and whether it is the isolated, final,
 * initial or medial form of its letter. The line order is ICU's {@link Bidi} (Unicode bidirectional algorithm,
 * right-to-left paragraph, brackets mirrored).
 */
public final class PersianShaper {

    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;

    private static final char LAM = '\u0644';
    private static final char ZWNJ = '\u200C';
    private static final char ZWJ = '\u200D';

    /** Letter → its four presentation forms (0 where the letter has none). */
    private static final Map<Integer, int[]> FORMS = new HashMap<>();
    /** Alef variant following lam → the lam-alef ligature's isolated and final forms. */
    private static final Map<Integer, int[]> LAM_ALEF = new HashMap<>();

    static {
        Normalizer2 nfkd = Normalizer2.getNFKDInstance();
        for (int cp = 0xFB50; cp <= 0xFEFF; cp++) {
            int form = switch (UCharacter.getIntPropertyValue(cp, UProperty.DECOMPOSITION_TYPE)) {
                case UCharacter.DecompositionType.ISOLATED -> ISOLATED;
                case UCharacter.DecompositionType.FINAL -> FINAL;
                case UCharacter.DecompositionType.INITIAL -> INITIAL;
                case UCharacter.DecompositionType.MEDIAL -> MEDIAL;
                default -> -1;
            };
            String base = nfkd.getRawDecomposition(cp);
            if (form < 0 || base == null) {
                continue;
            }
            int[] letters = base.codePoints().toArray();
            if (letters.length == 1) {
                // Several forms can decompose to one letter (e.g. Forms-A and Forms-B duplicates): keep the first.
                int[] forms = FORMS.computeIfAbsent(letters[0], k -> new int[4]);
                if (forms[form] == 0) {
                    forms[form] = cp;
                }
            } else if (cp >= 0xFEF5 && cp <= 0xFEFC && letters.length == 2 && letters[0] == LAM) {
                // Lam-alef (the four alefs): the one ligature Persian writing requires. Other lam ligatures are optional.
                int[] forms = LAM_ALEF.computeIfAbsent(letters[1], k -> new int[2]);
                if (forms[form] == 0) {
                    forms[form] = cp;
                }
            }
        }
    }

    /** Left-to-right isolate: wraps a Latin or numeric run (a date, a hash, a formula) so Persian around it cannot reorder it. */
    public static final char LRI = '\u2066';
    /** Pop directional isolate: ends the run {@link #LRI} started. */
    public static final char PDI = '\u2069';

    private PersianShaper() {
    }

    /**
     * The text as a left-to-right island in a right-to-left line. Without it, in a Persian sentence the digits of
     * {@code 2026-11-29} count as Arabic numbers and the hyphens between them as neutral, so the line would read
     * {@code 29-11-2026}.
     */
    public static String isolated(String ltr) {
        return LRI + ltr + PDI;
    }

    /** The text without directional controls, as it is measured and drawn once ordered. */
    static String withoutControls(String text) {
        return text.replaceAll("[\u2066-\u2069\u200E\u200F]", "");
    }

    /** The text shaped and reordered for drawing left to right, as one line of a right-to-left paragraph. */
    public static String visual(String logical) {
        String shaped = shape(logical);
        if (shaped.isEmpty()) {
            return shaped;
        }
        Bidi bidi = new Bidi(shaped, Bidi.RTL);
        // Isolates (LRI … PDI) around Latin runs have done their work once the line is ordered; fonts do not draw them.
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    /**
     * The text in logical order with each Arabic-script letter replaced by its contextual presentation form and
     * lam + alef by their ligature. Zero-width (non-)joiners have done their work once the forms are chosen and are
     * dropped, since fonts need not draw them.
     */
    public static String shape(String logical) {
        int[] cps = logical.codePoints().toArray();
        StringBuilder out = new StringBuilder(logical.length());
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == ZWNJ || cp == ZWJ) {
                continue;
            }
            int[] forms = FORMS.get(cp);
            if (forms == null) {
                out.appendCodePoint(cp);
                continue;
            }
            int previous = neighbour(cps, i, -1);
            int next = neighbour(cps, i, +1);
            boolean joinsPrevious = joinsOnItsLeft(cps, previous) && joinsOnItsRight(cp);
            if (cp == LAM && next >= 0 && LAM_ALEF.containsKey(cps[next])) {
                int ligature = LAM_ALEF.get(cps[next])[joinsPrevious ? FINAL : ISOLATED];
                if (ligature != 0) {
                    out.appendCodePoint(ligature);
                    // Marks between lam and alef would be lost; Persian text does not put them there.
                    i = next;
                    continue;
                }
            }
            boolean joinsNext = joinsOnItsLeft(cp) && next >= 0 && joinsOnItsRight(cps[next]);
            int form = joinsPrevious ? (joinsNext ? MEDIAL : FINAL) : (joinsNext ? INITIAL : ISOLATED);
            out.appendCodePoint(formOf(forms, form, cp));
        }
        return out.toString();
    }

    /** The index of the nearest code point in that direction that is not a transparent mark, or -1. */
    private static int neighbour(int[] cps, int from, int step) {
        for (int j = from + step; j >= 0 && j < cps.length; j += step) {
            if (UCharacter.getIntPropertyValue(cps[j], UProperty.JOINING_TYPE) != UCharacter.JoiningType.TRANSPARENT) {
                return j;
            }
        }
        return -1;
    }

    /** Whether the letter at that index connects to the letter after it (drawn on its left). */
    private static boolean joinsOnItsLeft(int[] cps, int index) {
        return index >= 0 && joinsOnItsLeft(cps[index]);
    }

    private static boolean joinsOnItsLeft(int cp) {
        if (cp < 0) {
            return false;
        }
        int type = UCharacter.getIntPropertyValue(cp, UProperty.JOINING_TYPE);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.LEFT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    private static boolean joinsOnItsRight(int cp) {
        int type = UCharacter.getIntPropertyValue(cp, UProperty.JOINING_TYPE);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    /** The wanted form, or the nearest one the letter has (a right-joining letter has no initial or medial form). */
    private static int formOf(int[] forms, int form, int letter) {
        int[] fallbacks = switch (form) {
            case MEDIAL -> new int[]{MEDIAL, FINAL, ISOLATED};
            case INITIAL -> new int[]{INITIAL, ISOLATED};
            case FINAL -> new int[]{FINAL, ISOLATED};
            default -> new int[]{ISOLATED};
        };
        for (int f : fallbacks) {
            if (forms[f] != 0) {
                return forms[f];
            }
        }
        return letter;
    }
}
