package ir.parvaneh.command.infrastructure.security;

import ir.parvaneh.command.support.CommandSideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application's security filter chain runs with the cheaper, equivalent checks of issue 5 (the firewall's header
 * characters, the bearer token's form) and still refuses what it refused.
 */
@CommandSideIntegrationTest
class SecurityChainTest {

    @Autowired
    FilterChainProxy chain;
    @Autowired
    HttpFirewall firewall;
    @Autowired
    MockMvc mvc;

    @Test
    void givenTheApplicationWhenItFiltersRequestsThenItsFirewallChecksHeadersWithoutRegularExpressions() {
        assertThat(ReflectionTestUtils.getField(filtering(chain), "firewall")).isSameAs(firewall);
    }

    @Test
    void givenTheApplicationWhenItReadsBearerTokensThenTheAuthorizationHeaderIsCheckedWithoutARegularExpression() {
        BearerTokenAuthenticationFilter filter = chain.getFilterChains().stream()
                .flatMap(c -> c.getFilters().stream())
                .filter(BearerTokenAuthenticationFilter.class::isInstance)
                .map(BearerTokenAuthenticationFilter.class::cast)
                .findFirst().orElseThrow();
        assertThat(ReflectionTestUtils.getField(filter, "bearerTokenResolver")).isInstanceOf(AuthorizationHeaderTokens.class);
    }

    /** The proxy that filters: Spring Security's MVC integration wraps it in proxies that only delegate. */
    private static FilterChainProxy filtering(FilterChainProxy proxy) {
        while (ReflectionUtils.findField(proxy.getClass(), "springSecurityFilterChain") != null) {
            proxy = (FilterChainProxy) ReflectionTestUtils.getField(proxy, "springSecurityFilterChain");
        }
        return proxy;
    }

    @Test
    void givenAMalformedBearerTokenWhenSubmittingThenItIsRefusedAsUnauthenticated() throws Exception {
        mvc.perform(post("/api/permit-applications").header("Authorization", "Bearer not a token")
                        .contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }
}
