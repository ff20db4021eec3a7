package ir.parvaneh.query.map.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.query.map.layers.BoundingBox;
import ir.parvaneh.query.map.layers.FeatureTable;
import ir.parvaneh.query.map.layers.LayerInForce;
import ir.parvaneh.query.map.layers.LayerStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mapbox vector tiles of each municipality's layers in force today, for web and mobile maps (MapLibre,
 * OpenLayers, QGIS), with a TileJSON document per layer. Public, like the layers.
 */
@RestController
@RequestMapping("/tiles")
@Tag(name = "Vector tiles", description = "The municipalities' GIS layers in force as Mapbox vector tiles (public)")
class VectorTileController {

    static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
    /**
     * A tile changes only when another version comes into force, at the start of a day; its ETag is the
     * version, so after a short freshness a client revalidates cheaply (304, no tile cut).
     */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final LayerStore layers;
    private final VectorTiles tiles;

    VectorTileController(LayerStore layers, VectorTiles tiles) {
        this.layers = layers;
        this.tiles = tiles;
    }

    @GetMapping("/{slug}/{layer}/{z}/{x}/{y}.mvt")
    @Operation(summary = "One tile (XYZ scheme, zoom 0 to 22) of a municipality's layer in force today; "
            + "204 when no feature reaches into it")
    @ApiResponse(responseCode = "200", description = "A Mapbox vector tile with one layer named after the layer",
            content = @Content(mediaType = MEDIA_TYPE))
    ResponseEntity<byte[]> tile(
            @Parameter(description = "The municipality's slug, e.g. qazvin") @PathVariable String slug,
            @Parameter(description = "boundary, parcels, zones, passages, price-blocks or overlays")
            @PathVariable String layer,
            @PathVariable int z, @PathVariable int x, @PathVariable int y,
            WebRequest request) {
        TileAddress address = new TileAddress(z, x, y);
        LayerInForce inForce = layers.required(slug, LayerKind.fromPath(layer), layers.today());
        String etag = "W/\"" + inForce.version().value() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHING).build();
        }
        byte[] tile = tiles.tile(inForce, address);
        if (tile.length == 0) {
            return ResponseEntity.noContent().eTag(etag).cacheControl(CACHING).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MEDIA_TYPE)).eTag(etag).cacheControl(CACHING)
                .body(tile);
    }

    @GetMapping("/{slug}/{layer}.json")
    @Operation(summary = "TileJSON 3.0 for a municipality's layer in force today: tile URL, bounds, attributes")
    ResponseEntity<TileJson> tileJson(
            @Parameter(description = "The municipality's slug, e.g. qazvin") @PathVariable String slug,
            @Parameter(description = "boundary, parcels, zones, passages, price-blocks or overlays")
            @PathVariable String layer) {
        LayerInForce inForce = layers.required(slug, LayerKind.fromPath(layer), layers.today());
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tiles").build().toUriString();
        BoundingBox extent = inForce.extent();
        Map<String, String> fields = new LinkedHashMap<>();
        for (FeatureTable.Property property : inForce.table().properties()) {
            fields.put(property.name(), Number.class.isAssignableFrom(property.column().getType()) ? "Number" : "String");
        }
        String name = inForce.layer().nameFa() + " " + inForce.municipality().nameFa() + " — "
                + inForce.municipality().nameEn() + " " + inForce.layer().path();
        TileJson document = new TileJson("3.0.0", name,
                "Layer version " + inForce.version() + ", in force since " + inForce.effectiveFrom() + " (Asia/Tehran)",
                "xyz",
                List.of(root + "/" + slug + "/" + inForce.layer().path() + "/{z}/{x}/{y}.mvt"),
                0, TileAddress.MAX_ZOOM, extent.corners(),
                List.of((extent.minLon() + extent.maxLon()) / 2, (extent.minLat() + extent.maxLat()) / 2, 15.0),
                List.of(new VectorLayer(inForce.layer().path(), fields, 0, TileAddress.MAX_ZOOM)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CACHING).body(document);
    }

    /** TileJSON 3.0.0 (the fields this service fills). */
    record TileJson(String tilejson, String name, String description, String scheme,
                    List<String> tiles, int minzoom, int maxzoom, List<Double> bounds, List<Double> center,
                    @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {
    }

    record VectorLayer(String id, Map<String, String> fields, int minzoom, int maxzoom) {
    }
}
