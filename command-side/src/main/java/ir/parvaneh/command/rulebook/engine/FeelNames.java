package ir.parvaneh.command.rulebook.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable names a FEEL text reads: its identifiers outside string literals, less FEEL's keywords and
 * the names of functions it calls. The format asks for names without spaces ({@code lotAreaM2}), so a
 * plain scan finds them; the compiler checks each against the facts, parameters and decision outputs.
 */
final class FeelNames {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.@])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "for", "in", "return", "some", "every",
            "satisfies", "and", "or", "not", "null", "true", "false", "between", "instance", "of", "function",
            "date", "time", "duration", "number", "string", "boolean", "list", "context", "years", "months", "days");

    private FeelNames() {
    }

    static Set<String> read(String feel) {
        Set<String> names = new LinkedHashSet<>();
        if (feel == null) {
            return names;
        }
        Matcher m = NAME.matcher(STRING.matcher(feel).replaceAll("\"\""));
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Whether the text is a constant: it reads no name and calls no function (strings may hold anything). */
    static boolean constant(String feel) {
        if (feel == null) {
            return true;
        }
        String bare = STRING.matcher(feel).replaceAll("\"\"");
        return read(feel).isEmpty() && !bare.contains("(");
    }

    /** Whether the text is a plain variable name (as input expressions should be). */
    static boolean plainName(String feel) {
        return feel != null && feel.trim().matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
