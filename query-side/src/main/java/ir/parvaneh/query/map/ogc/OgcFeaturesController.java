package ir.parvaneh.query.map.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.query.map.layers.BoundingBox;
import ir.parvaneh.query.map.layers.Feature;
import ir.parvaneh.query.map.layers.FeatureFilter;
import ir.parvaneh.query.map.layers.FeaturePage;
import ir.parvaneh.query.map.layers.LayerInForce;
import ir.parvaneh.query.map.layers.LayerStore;
import ir.parvaneh.query.map.ogc.OgcDocuments.Collection;
import ir.parvaneh.query.map.ogc.OgcDocuments.CollectionList;
import ir.parvaneh.query.map.ogc.OgcDocuments.Conformance;
import ir.parvaneh.query.map.ogc.OgcDocuments.Extent;
import ir.parvaneh.query.map.ogc.OgcDocuments.LandingPage;
import ir.parvaneh.query.map.ogc.OgcDocuments.Link;
import ir.parvaneh.query.map.ogc.OgcDocuments.Spatial;
import ir.parvaneh.query.map.ogc.OgcDocuments.Temporal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OGC API – Features, Part 1 (Core, GeoJSON, OpenAPI 3.0): every municipality's layers in force, one
 * collection per municipality and layer, for any GIS client (QGIS, ArcGIS, GDAL). Public: the zoning
 * layers are public data. Metadata is {@code application/json}, features {@code application/geo+json}.
 */
@RestController
@RequestMapping("/ogc")
@Tag(name = "OGC API – Features", description = "The municipalities' GIS layers in force (public)")
class OgcFeaturesController {

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String GEO_JSON = "application/geo+json";
    private static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    private static final Set<String> FORMAT = Set.of("f");
    private static final String FORMAT_DESCRIPTION = "The format: json (the only one; GeoJSON for features)";
    private static final Set<String> ITEMS_PARAMETERS = Set.of("f", "bbox", "limit", "offset", "datetime", "plate");
    private static final Set<String> ITEM_PARAMETERS = Set.of("f", "datetime");

    private final LayerStore layers;
    private final Clock clock;

    OgcFeaturesController(LayerStore layers, Clock clock) {
        this.layers = layers;
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "Landing page: what this API is and where its parts are")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = FORMAT_DESCRIPTION)
    ResponseEntity<LandingPage> landing(HttpServletRequest request) {
        onlyParameters(request, FORMAT);
        OgcUris uris = OgcUris.ofCurrentRequest();
        return json(new LandingPage("Parvaneh — نقشه‌های شهرداری‌های استان قزوین / maps of the municipalities of Qazvin province",
                "The GIS layers in force of each municipality (boundary, parcels, zones, passages, price blocks, "
                        + "overlays) as OGC API – Features collections, in WGS 84 longitude/latitude.",
                List.of(new Link(uris.landing(), "self", JSON, "This document"),
                        new Link(uris.apiDefinition(), "service-desc", OPENAPI_JSON, "The API definition (OpenAPI 3.0)"),
                        new Link(uris.conformance(), "conformance", JSON, "The conformance classes implemented"),
                        new Link(uris.collections(), "data", JSON, "The collections: one per municipality and layer"))));
    }

    @GetMapping("/conformance")
    @Operation(summary = "The conformance classes this API implements")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = FORMAT_DESCRIPTION)
    ResponseEntity<Conformance> conformance(HttpServletRequest request) {
        onlyParameters(request, FORMAT);
        return json(new Conformance(CONFORMANCE));
    }

    @GetMapping("/collections")
    @Operation(summary = "Every municipality's layers in force today (Asia/Tehran)")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = FORMAT_DESCRIPTION)
    ResponseEntity<CollectionList> collections(HttpServletRequest request) {
        onlyParameters(request, FORMAT);
        OgcUris uris = OgcUris.ofCurrentRequest();
        List<Collection> collections = layers.allInForce(layers.today()).stream()
                .map(layer -> collection(layer, uris))
                .toList();
        return json(new CollectionList(List.of(new Link(uris.collections(), "self", JSON, "This document")), collections));
    }

    @GetMapping("/collections/{collectionId}")
    @Operation(summary = "One collection: a municipality's layer in force today")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = FORMAT_DESCRIPTION)
    ResponseEntity<Collection> collection(
            @Parameter(description = "<municipality slug>-<layer>, e.g. qazvin-parcels") @PathVariable String collectionId,
            HttpServletRequest request) {
        onlyParameters(request, FORMAT);
        CollectionId id = CollectionId.parse(collectionId);
        return json(collection(layers.required(id.slug(), id.layer(), layers.today()), OgcUris.ofCurrentRequest()));
    }

    @GetMapping("/collections/{collectionId}/items")
    @Operation(summary = "The collection's features, a page at a time, optionally within a bounding box")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = FORMAT_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "A GeoJSON FeatureCollection",
            content = @Content(mediaType = GEO_JSON))
    ResponseEntity<byte[]> items(
            @Parameter(description = "<municipality slug>-<layer>, e.g. qazvin-parcels") @PathVariable String collectionId,
            @Parameter(description = "minLon,minLat,maxLon,maxLat in WGS 84 degrees: the features that meet this box")
            @RequestParam(required = false) String bbox,
            @Parameter(description = "Features per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "How many features of the result to skip (follow the next link instead)")
            @RequestParam(required = false) Long offset,
            @Parameter(description = "A day, YYYY-MM-DD (Asia/Tehran): serve the version in force on that day instead "
                    + "of today's. A date-time counts as its day in Tehran; intervals are not supported.")
            @RequestParam(required = false) String datetime,
            @Parameter(description = "Parcels only: the parcel with this registry plate, e.g. 1234/56 (Persian digits "
                    + "are accepted; a malformed plate is a 400 PLATE_INVALID)")
            @RequestParam(required = false) String plate,
            HttpServletRequest request) {
        onlyParameters(request, ITEMS_PARAMETERS);
        CollectionId id = CollectionId.parse(collectionId);
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must lie between 1 and " + MAX_LIMIT)
                    .with("parameter", "limit");
        }
        long skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "offset cannot be negative")
                    .with("parameter", "offset");
        }
        FeatureFilter filter = new FeatureFilter(bbox == null ? null : BoundingBox.parse(bbox), plate);
        if (filter.plate() != null && id.layer() != LayerKind.PARCELS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Only parcels have plates; " + id + " has none")
                    .with("parameter", "plate");
        }
        LocalDate day = day(datetime);
        LayerInForce layer = layers.required(id.slug(), id.layer(), day);
        FeaturePage page = layers.features(layer, filter, pageSize, skip);

        OgcUris uris = OgcUris.ofCurrentRequest();
        MediaType mediaType = featuresMediaType(request);
        List<Link> links = new ArrayList<>();
        links.add(new Link(uris.items(id, pageParameters(filter, datetime, pageSize, skip)), "self",
                mediaType.toString(), "This page"));
        if (skip + page.features().size() < page.numberMatched()) {
            links.add(new Link(uris.items(id, pageParameters(filter, datetime, pageSize, skip + pageSize)), "next",
                    mediaType.toString(), "The next page"));
        }
        if (skip > 0) {
            links.add(new Link(uris.items(id, pageParameters(filter, datetime, pageSize, Math.max(0, skip - pageSize))),
                    "prev", mediaType.toString(), "The previous page"));
        }
        links.add(new Link(uris.collection(id), "collection", JSON, "The collection"));
        return features(mediaType, GeoJson.featureCollection(page.features(), links, now(), page.numberMatched()));
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    @Operation(summary = "One feature, by its id (its index in the layer version)")
    @Parameter(name = "f", in = ParameterIn.QUERY, description = FORMAT_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "A GeoJSON Feature", content = @Content(mediaType = GEO_JSON))
    ResponseEntity<byte[]> item(
            @Parameter(description = "<municipality slug>-<layer>, e.g. qazvin-parcels") @PathVariable String collectionId,
            @PathVariable String featureId,
            @Parameter(description = "A day, YYYY-MM-DD (Asia/Tehran): the version in force on that day")
            @RequestParam(required = false) String datetime,
            HttpServletRequest request) {
        onlyParameters(request, ITEM_PARAMETERS);
        CollectionId id = CollectionId.parse(collectionId);
        LayerInForce layer = layers.required(id.slug(), id.layer(), day(datetime));
        Feature feature = featureIndex(featureId)
                .flatMap(index -> layers.feature(layer, index))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "No feature '" + featureId + "' in " + id + " (layer version " + layer.version() + ")"));
        OgcUris uris = OgcUris.ofCurrentRequest();
        MediaType mediaType = featuresMediaType(request);
        return features(mediaType, GeoJson.feature(feature, List.of(
                new Link(uris.feature(id, feature.id()), "self", mediaType.toString(), "This feature"),
                new Link(uris.collection(id), "collection", JSON, "The collection"))));
    }

    private static Collection collection(LayerInForce layer, OgcUris uris) {
        CollectionId id = new CollectionId(layer.municipality().slug(), layer.layer());
        String titleFa = layer.layer().nameFa() + " " + layer.municipality().nameFa();
        String titleEn = layer.municipality().nameEn() + " " + layerNameEn(layer.layer());
        Instant inForceSince = layer.effectiveFrom().atStartOfDay(IranTime.ZONE).toInstant();
        return new Collection(id.toString(), titleFa + " — " + titleEn, titleFa, titleEn,
                titleEn + ": layer version " + layer.version() + ", in force since " + layer.effectiveFrom()
                        + " (Asia/Tehran), " + layer.featureCount() + " features.",
                List.of(new Link(uris.collection(id), "self", JSON, "This collection"),
                        new Link(uris.items(id, Map.of()), "items", GEO_JSON, "Its features")),
                new Extent(new Spatial(List.of(layer.extent().corners()), OgcDocuments.CRS84),
                        new Temporal(List.of(Arrays.asList(inForceSince.toString(), null)), OgcDocuments.GREGORIAN)),
                "feature", List.of(OgcDocuments.CRS84), layer.municipality().slug(), layer.layer().path(),
                layer.version().toString(), layer.sha256(), layer.featureCount(), layer.effectiveFrom().toString());
    }

    private static String layerNameEn(LayerKind layer) {
        return switch (layer) {
            case BOUNDARY -> "boundary";
            case PARCELS -> "parcels";
            case ZONES -> "zones";
            case PASSAGES -> "passages";
            case PRICE_BLOCKS -> "price blocks";
            case OVERLAYS -> "overlays";
        };
    }

    /** The parameters that ask for a page again: the filter, the day and the paging, in a stable order. */
    private static Map<String, String> pageParameters(FeatureFilter filter, String datetime, int limit, long offset) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("bbox", filter.bbox() == null ? null : filter.bbox().asParameter());
        parameters.put("plate", filter.plate());
        parameters.put("datetime", datetime);
        parameters.put("limit", String.valueOf(limit));
        parameters.put("offset", offset == 0 ? null : String.valueOf(offset));
        return parameters;
    }

    /**
     * The day whose version to serve: today unless {@code datetime} names one. OGC API's datetime filters
     * features by their own time; these layers have none, so here it picks the version in force.
     */
    private LocalDate day(String datetime) {
        if (datetime == null || datetime.isBlank()) {
            return layers.today();
        }
        try {
            return LocalDate.parse(datetime.strip());
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(datetime.strip()).atZoneSameInstant(IranTime.ZONE).toLocalDate();
            } catch (DateTimeParseException notADateTime) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "datetime takes one day, YYYY-MM-DD (or an "
                        + "RFC 3339 date-time); intervals are not supported").with("parameter", "datetime");
            }
        }
    }

    private static Optional<Integer> featureIndex(String featureId) {
        try {
            return Optional.of(Integer.parseInt(featureId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * OGC API requires a 400 for a parameter it does not define, so that a client never mistakes an ignored
     * filter for an applied one. {@code f} selects the format, and JSON is the only one.
     */
    private static void onlyParameters(HttpServletRequest request, Set<String> allowed) {
        List<String> unknown = Collections.list(request.getParameterNames()).stream()
                .filter(name -> !allowed.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Unknown parameters " + unknown + "; this resource "
                    + "takes " + allowed.stream().sorted().toList()).with("parameters", unknown);
        }
        String format = request.getParameter("f");
        if (format != null && !Set.of("json", "geojson").contains(format)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "f=" + format + " is not served; f=json is")
                    .with("parameter", "f");
        }
    }

    /**
     * Features are GeoJSON; a client that accepts only plain JSON gets the same document labelled so. The
     * rest of the Accept header is not consulted, since JSON is the only representation.
     */
    private static MediaType featuresMediaType(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean plainJsonOnly = accept != null && accept.contains(JSON) && !accept.contains(GEO_JSON);
        return plainJsonOnly ? MediaType.APPLICATION_JSON : GeoJson.MEDIA_TYPE;
    }

    private static <T> ResponseEntity<T> json(T document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    private static ResponseEntity<byte[]> features(MediaType mediaType, byte[] body) {
        return ResponseEntity.ok().contentType(mediaType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
