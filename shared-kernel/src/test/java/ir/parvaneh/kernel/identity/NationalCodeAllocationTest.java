package ir.parvaneh.kernel.identity;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing a national code compiles no regular expression and boxes no digit (issue 5: every actor built from a token or
 * from a message's metadata parses one, several times per request, and {@code String.matches}/{@code replaceAll}
 * compiled theirs at every call). Measured by what a parse allocates: a compiled pattern alone is several hundred bytes.
 */
class NationalCodeAllocationTest {

    @Test
    void givenAValidCodeWhenParsedRepeatedlyThenNoPatternIsCompiledPerCall() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            NationalCode.parse("0012345679");
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        int calls = 10_000;
        for (int i = 0; i < calls; i++) {
            NationalCode.parse("0012345679");
        }
        long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
        assertThat(perCall).isLessThan(CEILING);
    }

    /**
     * Bytes per parse (OpenJDK 17): about 880 now (the matchers, the copies of the text, the record); 3,400 when each
     * call compiled its three expressions and counted distinct digits through a boxing stream.
     */
    private static final long CEILING = 1_500;
}
