package ir.parvaneh.kernel.gis;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.Arrays;
import java.util.Locale;

/**
 * The spatial layers a municipality keeps, each imported and versioned on its own. The path segment is
 * the layer's name in URLs and events ({@code parcels}, {@code price-blocks}). The boundary (the city's
 * legal limits) is imported first: every other layer must lie inside the boundary in force.
 */
public enum LayerKind {
    BOUNDARY("boundary", "محدوده شهر", GeometryFamily.POLYGONAL),
    PARCELS("parcels", "قطعات", GeometryFamily.POLYGONAL),
    ZONES("zones", "پهنه‌ها", GeometryFamily.POLYGONAL),
    PASSAGES("passages", "معابر", GeometryFamily.LINEAR),
    PRICE_BLOCKS("price-blocks", "بلوک‌های قیمت منطقه‌ای", GeometryFamily.POLYGONAL),
    OVERLAYS("overlays", "لایه‌های محدودیت و تشویق", GeometryFamily.POLYGONAL);

    /** Which GeoJSON geometry types a layer accepts: (Multi)Polygon or (Multi)LineString. */
    public enum GeometryFamily { POLYGONAL, LINEAR }

    private final String path;
    private final String nameFa;
    private final GeometryFamily geometryFamily;

    LayerKind(String path, String nameFa, GeometryFamily geometryFamily) {
        this.path = path;
        this.nameFa = nameFa;
        this.geometryFamily = geometryFamily;
    }

    public String path() {
        return path;
    }

    public String nameFa() {
        return nameFa;
    }

    public GeometryFamily geometryFamily() {
        return geometryFamily;
    }

    /** The layer named by a URL segment or an event field; an unknown name is a client error. */
    public static LayerKind fromPath(String path) {
        String wanted = path == null ? "" : path.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.path.equals(wanted)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.LAYER_UNKNOWN, "No layer is called '" + path
                        + "'; the layers are " + Arrays.stream(values()).map(LayerKind::path).toList()));
    }
}
