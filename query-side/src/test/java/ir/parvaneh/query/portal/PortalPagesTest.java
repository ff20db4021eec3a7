package ir.parvaneh.query.portal;

import ir.parvaneh.query.support.MapFixtures;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal's pages beside the API on the query side: the API still answers as a bearer-token resource server, the
 * pages sign people in through the identity provider with PKCE, forms need their CSRF token, and what goes wrong is
 * a Persian page that says what to do. (The journeys themselves run in a real browser: WebPortalSystemTest.)
 */
@QuerySideIntegrationTest
class PortalPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MapFixtures fixtures;

    @Test
    void theApiStillAnswersWithoutATokenAsAProblemNotARedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/api/me/applications"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().doesNotExist("Location"));
        mvc.perform(get("/api/me/applications").with(oauth2Login()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aPageThatNeedsSomeoneSendsThemToTheIdentityProviderWithPkce() throws Exception {
        mvc.perform(get("/portal/home")).andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/oauth2/authorization/parvaneh"));
        MvcResult authorize = mvc.perform(get("/oauth2/authorization/parvaneh"))
                .andExpect(status().isFound()).andReturn();
        URI provider = URI.create(authorize.getResponse().getRedirectedUrl());
        assertThat(provider.getPath()).endsWith("/realms/parvaneh/protocol/openid-connect/auth");
        assertThat(provider.getQuery()).contains("client_id=parvaneh-web", "response_type=code",
                "code_challenge_method=S256", "code_challenge=", "scope=openid profile",
                "redirect_uri=http://localhost/login/oauth2/code/parvaneh");
    }

    @Test
    void pagesArePersianRightToLeftFirstAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"fa\" dir=\"rtl\">")))
                .andExpect(content().string(containsString("پروانه ساختمان، بی‌مراجعه حضوری")))
                .andExpect(content().string(containsString("/portal/assets/portal.css")));
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\" dir=\"ltr\">")))
                .andExpect(content().string(containsString("A building permit without a visit")));
        mvc.perform(get("/portal/assets/fonts/Vazirmatn-Regular.woff2")).andExpect(status().isOk());
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/portal/assessments").with(oauth2Login())
                        .param("municipality", "qazvin").param("plate", "101/1").param("intendedUse", "RESIDENTIAL"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSessionWhoseTokenTheApiWouldNotAcceptIsAskedToSignInAgainInPersian() throws Exception {
        // The test login's access token is no signed JWT: the pages trust exactly what the API trusts.
        String page = mvc.perform(get("/portal/home").with(oauth2Login()))
                .andExpect(status().isUnauthorized()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("نشست شما به پایان رسیده است", "دوباره وارد شوید", "SESSION_EXPIRED",
                "/oauth2/authorization/parvaneh");
    }

    @Test
    void aParcelOfATownWithoutAParcelMapIsExplainedWithWhatToDo() throws Exception {
        String page = mvc.perform(get("/portal/parcels").param("municipality", "nowhere").param("plate", "1/1"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("نقشه قطعات این شهر هنوز منتشر نشده است", "LAYER_NOT_IN_FORCE", "بعداً دوباره سر بزنید");
    }

    @Test
    void aParcelFoundByItsPlateInPersianDigitsIsShownWithTheMapFedByTheOgcApi() throws Exception {
        MapFixtures.Town town = fixtures.town();
        String plate = town.plates().get(0);
        String page = mvc.perform(get("/portal/parcels").param("municipality", town.slug())
                        .param("plate", persianDigits(plate)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"parcel-plate\"", persianDigits(plate), "id=\"sign-in-to-assess\"",
                "leaflet.js");
        // The neighbours' URL stands in its own statement, so the bbox query written after it survives inlining.
        assertThat(page).contains("const items = \"\\/ogc\\/collections\\/" + town.slug() + "-parcels\\/items\";",
                "fetch(items + '?limit=300&bbox='");
        String map = mvc.perform(get("/portal/map").param("municipality", town.slug()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(map).contains("const zoomInText = \"", "const items = \"\\/ogc\\/collections\\/" + town.slug());
        mvc.perform(get("/ogc/collections/" + town.slug() + "-parcels/items").param("limit", "300")
                        .param("bbox", "49.9,36.2,50.1,36.3").header("Accept", "application/geo+json"))
                .andExpect(status().isOk());
    }

    private static String persianDigits(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }
}
