package ir.parvaneh.query.map.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The JSON documents of OGC API – Features Part 1 other than the GeoJSON ones (see {@link GeoJson}). */
final class OgcDocuments {

    /** Longitude/latitude on WGS 84: GeoJSON's and OGC API's default coordinate reference system. */
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private OgcDocuments() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String href, String rel, String type, String title) {
    }

    record LandingPage(String title, String description, List<Link> links) {
    }

    record Conformance(List<String> conformsTo) {
    }

    record CollectionList(List<Link> links, List<Collection> collections) {
    }

    /**
     * One municipality's layer in force on the day.
     *
     * @param layerVersion the version served ({@code layer-version-<uuid>})
     * @param inForceFrom  the first day (Asia/Tehran) of the activation that put it in force
     */
    record Collection(String id, String title, @JsonProperty("title_fa") String titleFa,
                      @JsonProperty("title_en") String titleEn, String description, List<Link> links, Extent extent,
                      String itemType, List<String> crs, String municipality, String layer,
                      @JsonProperty("layer_version") String layerVersion, String sha256,
                      @JsonProperty("feature_count") int featureCount,
                      @JsonProperty("in_force_from") String inForceFrom) {
    }

    record Extent(Spatial spatial, Temporal temporal) {
    }

    record Spatial(List<List<Double>> bbox, String crs) {
    }

    /** Intervals of RFC 3339 instants; a null end is open. */
    record Temporal(List<List<String>> interval, String trs) {
    }
}
