package ir.parvaneh.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.identity.Actor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.IOException;
import java.time.LocalDate;

import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The layer commands over HTTP, as a municipality's GIS unit sends them. */
public final class LayerUploads {

    private final MockMvc mvc;
    private final ObjectMapper json;

    public LayerUploads(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public static String versionsPath(TestCity city, String layer) {
        return "/api/municipalities/" + city.slug() + "/layers/" + layer + "/versions";
    }

    /** Posts the file as a new version of the layer; {@code crs} is the request's declared CRS, or null. */
    public ResultActions upload(TestCity city, String layer, String geoJson, Actor actor, String crs) throws Exception {
        var request = post(versionsPath(city, layer)).contentType("application/geo+json").content(geoJson)
                .header("Accept-Language", "fa-IR");
        if (crs != null) {
            request.param("crs", crs);
        }
        if (actor != null) {
            request.with(tokenOf(actor));
        }
        return mvc.perform(request);
    }

    public ResultActions upload(TestCity city, String layer, String geoJson) throws Exception {
        return upload(city, layer, geoJson, city.admin(), null);
    }

    /** Imports the file as the town's administrator, expecting it to be accepted; returns the response body. */
    public JsonNode imported(TestCity city, String layer, String geoJson, String crs) throws Exception {
        var response = upload(city, layer, geoJson, city.admin(), crs).andReturn().getResponse();
        assertThat(response.getStatus()).as("import of %s: %s", layer, response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsByteArray());
    }

    public JsonNode imported(TestCity city, String layer, String geoJson) throws Exception {
        return imported(city, layer, geoJson, null);
    }

    public ResultActions activate(TestCity city, String layer, String versionId, LocalDate from, Actor actor) throws Exception {
        return mvc.perform(post("/api/municipalities/" + city.slug() + "/layers/" + layer + "/activations")
                .with(tokenOf(actor)).contentType("application/json")
                .content("{\"versionId\":\"" + versionId + "\",\"effectiveFrom\":\"" + from + "\"}"));
    }

    /** Imports and puts the version in force from the day; returns its versionId. */
    public String importAndActivate(TestCity city, String layer, String geoJson, LocalDate from) throws Exception {
        String versionId = imported(city, layer, geoJson).get("versionId").asText();
        activate(city, layer, versionId, from, city.admin()).andExpect(status().isOk());
        return versionId;
    }

    public JsonNode read(ResultActions result) throws IOException {
        return json.readTree(result.andReturn().getResponse().getContentAsByteArray());
    }
}
