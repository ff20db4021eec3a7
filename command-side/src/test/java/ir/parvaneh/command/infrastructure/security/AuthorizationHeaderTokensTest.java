package ir.parvaneh.command.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuthorizationHeaderTokens} finds the same token as Spring Security's {@link DefaultBearerTokenResolver} with
 * its defaults, or the same nothing, or refuses with the same error, on hand-picked and generated headers; and a token
 * in the query string or a form body is still not taken.
 */
class AuthorizationHeaderTokensTest {

    private final BearerTokenResolver springDefault = new DefaultBearerTokenResolver();
    private final BearerTokenResolver ours = new AuthorizationHeaderTokens();

    @Test
    void givenHandPickedHeadersWhenResolvedThenTheAnswerIsSpringsDefault() {
        List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "bearer abc", "BEARER abc==",
                "BeArEr a.b-c_d~e+f/g", "Bearer abc=d", "Bearer  abc", "Bearer abc ", "Bearer\tabc", "Bearerabc",
                "Basic dXNlcjpwYXNz", "Bearer =", "Bearer a==", "Bearer a=\n", "Bearer a\n", "bearer ی", "Bearer \u212a",
                "Bearer" + "\u00a0" + "abc", "bearers abc", "Bearer ab,cd", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        headers.add(null);
        for (String header : headers) {
            assertSameAnswer(header);
        }
        assertThat(answer(ours, request("Bearer a.b.c"))).isEqualTo("token a.b.c");
        assertThat(answer(ours, request("Bearer a b"))).startsWith("refused");
    }

    @Test
    void givenGeneratedHeadersWhenResolvedThenTheAnswerIsSpringsDefault() {
        String[] pieces = {"Bearer ", "bearer ", "BEARER", "B", "e", "a", "r", " ", "=", "==", "-", ".", "_", "~", "+",
                "/", "z", "Q", "7", ",", "!", "%", "\t", "\n", "ی", "\u212a", "\u0131", "ß"};
        Random random = new Random(5);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            for (int length = random.nextInt(8); length > 0; length--) {
                header.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAnswer(header.toString());
        }
    }

    @Test
    void givenATokenInTheQueryOrAFormBodyWhenResolvedThenItIsNotTaken() {
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/api/permit-applications/x");
        query.setQueryString("access_token=abc");
        query.addParameter("access_token", "abc");
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/permit-applications");
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("access_token", "abc");
        for (MockHttpServletRequest request : List.of(query, form)) {
            assertThat(answer(ours, request)).isEqualTo(answer(springDefault, request)).isEqualTo("token null");
        }
    }

    private void assertSameAnswer(String header) {
        MockHttpServletRequest request = request(header);
        assertThat(answer(ours, request)).as("%s", header).isEqualTo(answer(springDefault, request));
    }

    private static MockHttpServletRequest request(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/permit-applications");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        return request;
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription() + " "
                    + refused.getError().getUri();
        }
    }
}
