package ir.parvaneh.command.gis.demo;

import java.util.Objects;

/**
 * A city to generate a demo urban fabric for: its slug (the municipality's), its Persian name, its centre
 * in WGS 84 and how many parcels its fabric holds. The fabric is centred on the centre and its size
 * follows from the parcel count.
 *
 * @param slug        the municipality's slug, e.g. {@code qazvin}; with the province seed it seeds the city
 * @param nameFa      the Persian name, written as the boundary's {@code name}
 * @param lat         latitude of the centre, degrees
 * @param lon         longitude of the centre, degrees
 * @param parcelCount parcels to generate, at least {@value #MIN_PARCELS}
 */
public record DemoCity(String slug, String nameFa, double lat, double lon, int parcelCount) {

    /** Below this a fabric has too few blocks to show its variety (landlocked and split parcels). */
    public static final int MIN_PARCELS = 100;

    public DemoCity {
        Objects.requireNonNull(slug, "slug");
        if (slug.isBlank()) {
            throw new IllegalArgumentException("A demo city needs a slug");
        }
        nameFa = nameFa == null || nameFa.isBlank() ? slug : nameFa;
        if (!(Math.abs(lat) < 80) || !(Math.abs(lon) <= 180)) {
            throw new IllegalArgumentException("The centre of " + slug + " is not a position: " + lat + ", " + lon);
        }
        if (parcelCount < MIN_PARCELS) {
            throw new IllegalArgumentException("A demo city needs at least " + MIN_PARCELS + " parcels, "
                    + slug + " was given " + parcelCount);
        }
    }

    /** A city known by its slug only (its name is then the slug). */
    public DemoCity(String slug, double lat, double lon, int parcelCount) {
        this(slug, null, lat, lon, parcelCount);
    }

    /** The same city with another parcel count. */
    public DemoCity withParcelCount(int parcels) {
        return new DemoCity(slug, nameFa, lat, lon, parcels);
    }
}
