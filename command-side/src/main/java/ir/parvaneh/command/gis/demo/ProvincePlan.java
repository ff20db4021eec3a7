package ir.parvaneh.command.gis.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The demo province's cities and how many parcels each gets: a province-wide total is shared out by
 * population (a city without a census figure counts as {@value #ASSUMED_POPULATION} people), every city
 * getting at least {@value #MIN_PARCELS_PER_CITY}. The shares add up to the total exactly, so a benchmark
 * asking for 1,000,000 parcels gets 1,000,000.
 */
public final class ProvincePlan {

    /** The seed of the demo province; each city's seed derives from it and the city's slug. */
    public static final long PROVINCE_SEED = 0x5141_5A56_494E_0001L;
    /** The total the platform loads unless told otherwise. */
    public static final int DEFAULT_TOTAL_PARCELS = 20_000;
    public static final int MIN_PARCELS_PER_CITY = 150;
    /** The cities of the province, on the classpath (the same file the municipality loader reads). */
    public static final String CITIES_RESOURCE = "/demo/qazvin-province-cities.csv";

    static final int ASSUMED_POPULATION = 12_000;

    private ProvincePlan() {
    }

    /** The province's cities, in the file's order, sharing {@code totalParcels} by population. */
    public static List<DemoCity> read(int totalParcels) {
        try (InputStream in = ProvincePlan.class.getResourceAsStream(CITIES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The province's cities are not on the classpath: " + CITIES_RESOURCE);
            }
            return share(cities(in), totalParcels);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CITIES_RESOURCE, e);
        }
    }

    /** A city as the file lists it, before it has a parcel count. */
    record ListedCity(String slug, String nameFa, double lat, double lon, int population) {
    }

    static List<ListedCity> cities(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalStateException("The province's city list is empty");
        }
        List<String> columns = Arrays.asList(header.replace("\uFEFF", "").strip().split(",", -1));
        int slug = column(columns, "slug");
        int name = column(columns, "name_fa");
        int lat = column(columns, "lat");
        int lon = column(columns, "lon");
        int population = column(columns, "population");
        List<ListedCity> cities = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String people = cells[population].strip();
            cities.add(new ListedCity(cells[slug].strip(), cells[name].strip(), Double.parseDouble(cells[lat].strip()),
                    Double.parseDouble(cells[lon].strip()), people.isEmpty() ? ASSUMED_POPULATION : Integer.parseInt(people)));
        }
        return cities;
    }

    /**
     * Shares the total by population with the largest-remainder method; cities whose share would fall
     * under the minimum get the minimum and the rest is shared again among the others.
     */
    static List<DemoCity> share(List<ListedCity> cities, int totalParcels) {
        int n = cities.size();
        if ((long) n * MIN_PARCELS_PER_CITY > totalParcels) {
            throw new IllegalArgumentException("The province needs at least " + (long) n * MIN_PARCELS_PER_CITY
                    + " parcels (" + MIN_PARCELS_PER_CITY + " a city), not " + totalParcels);
        }
        boolean[] atMinimum = new boolean[n];
        double[] quota = new double[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            long rest = totalParcels;
            double weight = 0;
            for (int i = 0; i < n; i++) {
                if (atMinimum[i]) {
                    rest -= MIN_PARCELS_PER_CITY;
                } else {
                    weight += cities.get(i).population();
                }
            }
            for (int i = 0; i < n; i++) {
                quota[i] = atMinimum[i] ? MIN_PARCELS_PER_CITY : rest * cities.get(i).population() / weight;
                if (!atMinimum[i] && quota[i] < MIN_PARCELS_PER_CITY) {
                    atMinimum[i] = true;
                    changed = true;
                }
            }
        }
        int[] parcels = new int[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            parcels[i] = (int) Math.floor(quota[i]);
            given += parcels[i];
        }
        Integer[] byRemainder = new Integer[n];
        for (int i = 0; i < n; i++) {
            byRemainder[i] = i;
        }
        // Stable sort: equal remainders keep the file's order, so the shares never depend on chance.
        Arrays.sort(byRemainder, Comparator.comparingDouble((Integer i) -> quota[i] - parcels[i]).reversed());
        for (int k = 0; given < totalParcels; k = (k + 1) % n) {
            parcels[byRemainder[k]]++;
            given++;
        }
        List<DemoCity> plan = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ListedCity city = cities.get(i);
            plan.add(new DemoCity(city.slug(), city.nameFa(), city.lat(), city.lon(), parcels[i]));
        }
        return List.copyOf(plan);
    }

    private static int column(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("The province's city list has no column '" + name + "': " + columns);
        }
        return index;
    }
}
