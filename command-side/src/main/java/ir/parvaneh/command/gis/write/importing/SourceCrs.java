package ir.parvaneh.command.gis.write.importing;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate reference system a file declares, as an EPSG code. GeoJSON without a {@code crs}
 * member is WGS 84 longitude/latitude (RFC 7946); the older {@code crs} member (as GDAL's ogr2ogr writes
 * it) or the request may declare another, such as UTM zone 39N ({@code EPSG:32639}) that Iranian GIS
 * units use. Whether PostGIS knows the code is checked by the importer.
 */
record SourceCrs(int srid) {

    static final SourceCrs WGS84 = new SourceCrs(4326);

    private static final Pattern EPSG = Pattern.compile(
            "(?:urn:ogc:def:crs:epsg:[0-9.]*:|epsg:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)([0-9]{4,6})");
    private static final Pattern CRS84 = Pattern.compile(
            "(?:urn:ogc:def:crs:ogc:1\\.3:crs84|urn:ogc:def:crs:ogc::crs84|https?://www\\.opengis\\.net/def/crs/ogc/1\\.3/crs84)");

    static SourceCrs parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (CRS84.matcher(wanted).matches()) {
            return WGS84;
        }
        Matcher epsg = EPSG.matcher(wanted);
        if (epsg.matches()) {
            return new SourceCrs(Integer.parseInt(epsg.group(1)));
        }
        throw new DomainException(ErrorCode.LAYER_IMPORT_UNKNOWN_CRS, "'" + name
                + "' is not a CRS name this import understands; use EPSG:<code> or urn:ogc:def:crs:EPSG::<code>")
                .with("crs", String.valueOf(name));
    }

    boolean isWgs84() {
        return srid == 4326;
    }

    String name() {
        return "EPSG:" + srid;
    }
}
