package ir.parvaneh.command.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall with {@link HeaderCharacters} lets through and refuses exactly the header names and values that Spring
 * Security's default {@link StrictHttpFirewall} does: every code point alone against the firewall's own regular
 * expressions, and generated strings mixing the kinds of character the rules tell apart (printable ASCII, tab, other
 * controls, assigned and unassigned characters beyond ASCII, surrogate pairs and lone surrogates) against the default
 * firewall itself.
 */
class HeaderCharactersTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/permit-applications");
    private final HttpServletRequest springDefault = new StrictHttpFirewall().getFirewalledRequest(request);
    private final HttpServletRequest ours = new SecurityConfiguration().firewall().getFirewalledRequest(request);

    @Test
    void givenEveryCodePointWhenCheckedThenOursAnswersAsTheDefaultFirewallsExpressions() {
        Pattern values = (Pattern) ReflectionTestUtils.getField(StrictHttpFirewall.class, "HEADER_VALUE_PATTERN");
        Pattern names = (Pattern) ReflectionTestUtils.getField(StrictHttpFirewall.class, "ASSIGNED_AND_NOT_ISO_CONTROL_PATTERN");
        int allowed = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            boolean value = values.matcher(text).matches();
            if (HeaderCharacters.allowedValue(text) != value || HeaderCharacters.allowedName(text) != names.matcher(text).matches()) {
                throw new AssertionError("different answers on U+" + Integer.toHexString(codePoint));
            }
            allowed += value ? 1 : 0;
        }
        // Most code points are assigned and not controls; tab is the one control a value may hold.
        assertThat(allowed).isBetween(250_000, Character.MAX_CODE_POINT);
        assertThat(HeaderCharacters.allowedValue("\t")).isTrue();
        assertThat(HeaderCharacters.allowedName("X\tY")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0000b")).isFalse();
    }

    @Test
    void givenGeneratedMixturesWhenReadThenOursAnswersAsSpringsDefault() {
        String[] pieces = {"a", "Z", "0", " ", "=", "~", "\t", "\r", "\n", "\u0000", "\u007f", "\u0085", "\u009f", "ی",
                "\u200b", "\u0378", "\uffff", "\ud83c\udfe0", "\ud83c", "\udfe0", "\udb80\udc00", "\ue000", "Bearer "};
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            sameAnswerForValue(text.toString());
            sameAnswerForName("X-" + text);
        }
    }

    @Test
    void givenALongBearerTokenWhenReadThenItIsAllowed() {
        String token = "Bearer " + "eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIn0.".repeat(40) + "abc-_";
        assertThat(sameAnswerForValue(token)).isTrue();
    }

    /** Whether the value was allowed, after checking both firewalls agree on it. */
    private boolean sameAnswerForValue(String value) {
        request.removeHeader("X-Test");
        request.addHeader("X-Test", value);
        boolean expected = allowed(r -> r.getHeader("X-Test"), springDefault);
        if (allowed(r -> r.getHeader("X-Test"), ours) != expected || HeaderCharacters.allowedValue(value) != expected) {
            throw new AssertionError("different answers on the value " + codePoints(value));
        }
        return expected;
    }

    private void sameAnswerForName(String name) {
        boolean expected = allowed(r -> r.getHeader(name), springDefault);
        if (allowed(r -> r.getHeader(name), ours) != expected || HeaderCharacters.allowedName(name) != expected) {
            throw new AssertionError("different answers on the name " + codePoints(name));
        }
    }

    private static boolean allowed(Function<HttpServletRequest, String> read, HttpServletRequest firewalled) {
        try {
            read.apply(firewalled);
            return true;
        } catch (RequestRejectedException rejected) {
            return false;
        }
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }
}
