package ir.parvaneh.query.map.layers;

import java.util.Map;

/**
 * One feature of a layer version as the map services publish it.
 *
 * @param id          the feature's index in its version
 * @param geoJson     its geometry as GeoJSON text in WGS 84, longitude first, as PostGIS wrote it
 * @param properties  the published columns by name, in the layer's order; values may be null
 */
public record Feature(int id, String geoJson, Map<String, Object> properties) {
}
