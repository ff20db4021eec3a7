package ir.parvaneh.query.map.ogc;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The absolute addresses of the OGC API's resources, as the client reached this server (behind a proxy,
 * with {@code server.forward-headers-strategy=framework}, as the proxy's forwarded headers say).
 */
record OgcUris(String root) {

    static OgcUris ofCurrentRequest() {
        return new OgcUris(ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString());
    }

    String landing() {
        return root;
    }

    String conformance() {
        return root + "/conformance";
    }

    String collections() {
        return root + "/collections";
    }

    String collection(CollectionId id) {
        return collections() + "/" + id;
    }

    /** The items, with the given query parameters (absent values left out), in the given order. */
    String items(CollectionId id, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return collection(id) + "/items" + (query.isEmpty() ? "" : "?" + query);
    }

    String feature(CollectionId id, int featureId) {
        return collection(id) + "/items/" + featureId;
    }

    /** The query API's OpenAPI document, which describes this API too. */
    String apiDefinition() {
        return root.substring(0, root.length() - "/ogc".length()) + "/v3/api-docs";
    }
}
