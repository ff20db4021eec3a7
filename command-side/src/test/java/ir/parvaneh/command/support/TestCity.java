package ir.parvaneh.command.support;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.kernel.gis.LayerCatalogueId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static ir.parvaneh.command.support.GeoJson.collection;
import static ir.parvaneh.command.support.GeoJson.feature;
import static ir.parvaneh.command.support.GeoJson.rectangle;

/**
 * A small town registered for one test run, with its own GIS administrator, somewhere in the north of
 * Qazvin and Gilan provinces (a new place each run: the test database keeps earlier runs' towns, and other
 * tests look parcels up by point, further south). Places are given in metres east and north of the centre.
 */
public record TestCity(MunicipalityId id, String slug, String nameFa, Actor admin, double longitude, double latitude) {

    private static final double METRES_PER_DEGREE_LATITUDE = 110_950;
    /** Half the side of the town's boundary, in metres. */
    public static final double HALF_SIDE = 2_500;

    /** Registers a new town through the command, as the province's loader does. */
    public static TestCity register(ActingCommands commands) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double longitude = Math.round((48.9 + 3.0 * random.nextDouble()) * 10_000) / 10_000.0;
        double latitude = Math.round((36.25 + 0.5 * random.nextDouble()) * 10_000) / 10_000.0;
        return register(commands, longitude, latitude);
    }

    /** Registers a new town at the given centre (WGS 84). */
    public static TestCity register(ActingCommands commands, double longitude, double latitude) {
        String slug = TestSlugs.unique("layers");
        MunicipalityId id = MunicipalityId.random();
        String nameFa = "شهرک نمونه";
        commands.send(new RegisterMunicipality(id, slug, nameFa, "Namuneh", latitude, longitude, ProgrammePhase.PILOT),
                Actor.system("test"));
        Actor admin = new Actor("gis." + slug, "زهرا موسوی", Role.MUNICIPAL_ADMIN, slug, null);
        return new TestCity(id, slug, nameFa, admin, longitude, latitude);
    }

    public LayerCatalogueId catalogue() {
        return LayerCatalogueId.of(id);
    }

    /** Longitude and latitude of the point so many metres east and north of the centre. */
    public double[] at(double east, double north) {
        double metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(latitude));
        return new double[]{longitude + east / metresPerDegreeLongitude, latitude + north / METRES_PER_DEGREE_LATITUDE};
    }

    /** A rectangle (WGS 84 GeoJSON geometry) from (west, south) to (east, north), in metres from the centre. */
    public String rectangleAt(double west, double south, double east, double north) {
        double[] min = at(west, south);
        double[] max = at(east, north);
        return rectangle(min[0], min[1], max[0], max[1]);
    }

    /** The town's legal limits: a square of 5 km around its centre. */
    public String boundaryFile() {
        return collection(null, List.of(feature(Map.of("name", "محدوده قانونی " + nameFa),
                rectangleAt(-HALF_SIDE, -HALF_SIDE, HALF_SIDE, HALF_SIDE))));
    }
}
