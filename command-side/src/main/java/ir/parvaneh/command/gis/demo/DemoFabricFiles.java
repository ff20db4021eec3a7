package ir.parvaneh.command.gis.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the demo province's generated layers to GeoJSON files, {@code <slug>-<layer>.geojson}, for GIS
 * users and benchmarks; one city at a time, each layer streamed straight to its file.
 * <pre>
 * DemoFabricFiles [--total-parcels 20000] [--out demo-fabric] [--city qazvin] [--seed 5855060317201891329]
 * </pre>
 * {@code --total-parcels} is shared out over the province's cities by population (as the platform's demo
 * loader does); {@code --city} writes one city only; {@code --seed} replaces the province seed.
 */
public final class DemoFabricFiles {

    private DemoFabricFiles() {
    }

    public static void main(String[] args) throws IOException {
        int total = ProvincePlan.DEFAULT_TOTAL_PARCELS;
        Path folder = Path.of("demo-fabric");
        String only = null;
        long seed = ProvincePlan.PROVINCE_SEED;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--total-parcels" -> total = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                    case "--out" -> folder = Path.of(args[++i]);
                    case "--city" -> only = args[++i];
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--help", "-h" -> {
                        usage();
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("DemoFabricFiles: " + (e instanceof ArrayIndexOutOfBoundsException ? "a value is missing" : e.getMessage()));
            usage();
            System.exit(2);
            return;
        }
        List<DemoCity> province = ProvincePlan.read(total);
        List<DemoCity> cities = province;
        if (only != null) {
            String slug = only;
            cities = cities.stream().filter(c -> c.slug().equals(slug)).toList();
            if (cities.isEmpty()) {
                System.err.println("DemoFabricFiles: no city '" + slug + "' in " + ProvincePlan.CITIES_RESOURCE);
                System.exit(2);
                return;
            }
        }
        Files.createDirectories(folder);
        long started = System.nanoTime();
        long parcels = 0;
        long bytes = 0;
        for (DemoCity city : cities) {
            long cityStarted = System.nanoTime();
            DemoFabric fabric = DemoFabric.generate(city, seed, province);
            long cityBytes = 0;
            for (String layer : DemoFabric.LAYERS) {
                Path file = folder.resolve(city.slug() + "-" + layer + ".geojson");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    fabric.write(layer, out);
                }
                cityBytes += Files.size(file);
            }
            parcels += fabric.parcelCount();
            bytes += cityBytes;
            System.out.printf(Locale.ROOT, "%-20s %8d parcels %6d blocks %8.1f MB %7.2f s%n", city.slug(),
                    fabric.parcelCount(), fabric.blockCount(), cityBytes / 1e6, (System.nanoTime() - cityStarted) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%d cities, %d parcels, %.1f MB in %s, %.1f s%n", cities.size(), parcels,
                bytes / 1e6, folder.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
    }

    private static void usage() {
        System.err.println("usage: DemoFabricFiles [--total-parcels N] [--out DIR] [--city SLUG] [--seed N]");
        System.err.println("  writes <slug>-<layer>.geojson for the layers " + DemoFabric.LAYERS);
    }
}
