package ir.parvaneh.command.infrastructure.security;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values, decided by a loop over
 * the code points instead of its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for header and
 * parameter names, {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} for header values): the same answers
 * ({@code HeaderCharactersTest} holds them equal on every code point), at a fraction of the cost. The firewall checks
 * a header each time it is read, and a submission's bearer token (about 1.5 KB) went through the regex engine character
 * by character two or three times per request: about 3 % of a submission's CPU on the command side (issue 5).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Every code point assigned and not a control character. */
    static boolean allowedName(String text) {
        return allowed(text, false);
    }

    /** Every code point assigned and either not a control character or a horizontal tab. */
    static boolean allowedValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // Printable ASCII (nearly every character of a header) is assigned and not a control character.
            if (codePoint < 0x20 || codePoint > 0x7e) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
