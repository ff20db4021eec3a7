package ir.parvaneh.query.map.layers;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.List;

/**
 * A rectangle in WGS 84 longitude/latitude degrees (OGC's CRS84 axis order: longitude first). A box that
 * crosses the antimeridian (west edge east of the east edge) is refused: no municipality of the province
 * needs one.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        if (!(Double.isFinite(minLon) && Double.isFinite(minLat) && Double.isFinite(maxLon) && Double.isFinite(maxLat))) {
            throw invalid("its numbers must be finite");
        }
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
            throw invalid("longitudes lie in [-180, 180] and latitudes in [-90, 90]");
        }
        if (minLon > maxLon || minLat > maxLat) {
            throw invalid("the first corner must be the south-west one (minLon,minLat,maxLon,maxLat)");
        }
    }

    /**
     * Parses OGC API's {@code bbox}: {@code minLon,minLat,maxLon,maxLat}, or six numbers with heights
     * ({@code minLon,minLat,minHeight,maxLon,maxLat,maxHeight}) whose heights are ignored, since the layers
     * are flat.
     */
    public static BoundingBox parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw invalid("it takes 4 numbers: minLon,minLat,maxLon,maxLat");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw invalid("'" + parts[i] + "' is not a number");
            }
        }
        return parts.length == 4
                ? new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3])
                : new BoundingBox(numbers[0], numbers[1], numbers[3], numbers[4]);
    }

    public List<Double> corners() {
        return List.of(minLon, minLat, maxLon, maxLat);
    }

    /** The bbox parameter that selects this box again. */
    public String asParameter() {
        return minLon + "," + minLat + "," + maxLon + "," + maxLat;
    }

    private static DomainException invalid(String why) {
        return new DomainException(ErrorCode.BBOX_INVALID, "The bbox is not valid: " + why);
    }
}
