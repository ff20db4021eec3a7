package ir.parvaneh.command.gis.demo;

/**
 * Local metres around a city's centre, east ({@code x}) and north ({@code y}), on the equirectangular
 * approximation {@code x = R·cos(φ0)·Δλ}, {@code y = R·Δφ}. The mapping is affine in longitude and latitude,
 * so straight edges, containment and orientation survive the conversion unchanged; across a city its
 * distortion stays far below the tolerances the derived facts use. {@link StrictMath} keeps the
 * conversion identical on every JVM, because the output bytes are a layer version's identity.
 */
final class LocalFrame {

    /** The mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    private static final double METRES_PER_DEGREE_NORTH = EARTH_RADIUS_M * StrictMath.PI / 180;

    private final double latitude;
    private final double longitude;
    private final double metresPerDegreeEast;

    LocalFrame(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.metresPerDegreeEast = METRES_PER_DEGREE_NORTH * StrictMath.cos(StrictMath.toRadians(latitude));
    }

    double longitudeOf(double x) {
        return longitude + x / metresPerDegreeEast;
    }

    double latitudeOf(double y) {
        return latitude + y / METRES_PER_DEGREE_NORTH;
    }

    double xOf(double longitudeDegrees) {
        return (longitudeDegrees - longitude) * metresPerDegreeEast;
    }

    double yOf(double latitudeDegrees) {
        return (latitudeDegrees - latitude) * METRES_PER_DEGREE_NORTH;
    }
}
