package ir.parvaneh.command.support;

import java.util.UUID;

/**
 * Slugs for the municipalities tests register: unique across runs, as the test database keeps earlier
 * runs' slugs. Twelve random hex digits after the prefix (a slug may hold digits after its first letter):
 * replacing the digits by 'x', as tests used to, gave 'xxxxxxxx' once in 43 slugs and clashed at random.
 */
public final class TestSlugs {

    private TestSlugs() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
