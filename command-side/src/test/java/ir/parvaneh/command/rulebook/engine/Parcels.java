package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.gis.ParcelFacts.MissingFact;
import ir.parvaneh.kernel.gis.ParcelFacts.OverlayHit;
import ir.parvaneh.kernel.gis.ParcelFacts.ZoneShare;

import java.util.ArrayList;
import java.util.List;

/** Builds the derived facts of a test parcel: one zone, one passage, a price, no overlay, unless told otherwise. */
final class Parcels {

    private double areaM2 = 250;
    private Double passageWidthM = 12.0;
    private Double frontageM = 10.0;
    private Double depthM = 25.0;
    private Long price = 30_000_000L;
    private List<ZoneShare> zones = new ArrayList<>();
    private final List<OverlayHit> overlays = new ArrayList<>();
    private final List<MissingFact> missing = new ArrayList<>();

    static Parcels lot(double areaM2) {
        Parcels p = new Parcels();
        p.areaM2 = areaM2;
        return p;
    }

    Parcels zone(String code) {
        zones = new ArrayList<>(List.of(new ZoneShare(code, areaM2, 100)));
        return this;
    }

    /** One zone covering only {@code sharePercent} of the parcel; the rest lies in no zone. */
    Parcels partlyZoned(String code, double sharePercent) {
        zones = new ArrayList<>(List.of(new ZoneShare(code, areaM2 * sharePercent / 100, sharePercent)));
        return this;
    }

    /** Two zones: the first with {@code sharePercent}, the second with the rest. */
    Parcels split(String first, double sharePercent, String second) {
        zones = new ArrayList<>(List.of(new ZoneShare(first, areaM2 * sharePercent / 100, sharePercent),
                new ZoneShare(second, areaM2 * (100 - sharePercent) / 100, 100 - sharePercent)));
        return this;
    }

    Parcels passage(Double widthM) {
        passageWidthM = widthM;
        return this;
    }

    Parcels price(Long rialsPerM2) {
        price = rialsPerM2;
        return this;
    }

    Parcels overlay(String code, String precedence, Integer maxFloors, String replacementZone, double sharePercent) {
        overlays.add(new OverlayHit(code, "TEST", precedence, maxFloors, null, null, replacementZone, "آزمون", sharePercent));
        return this;
    }

    /** No passage within reach: width, frontage and depth are missing, as the facts calculator reports it. */
    Parcels landlocked() {
        passageWidthM = null;
        frontageM = null;
        depthM = null;
        missing.add(new MissingFact("frontages", "No passage's centre line lies within reach of the parcel's edges"));
        return this;
    }

    Parcels noPrice() {
        price = null;
        missing.add(new MissingFact("priceRialsPerM2", "No price block holds the parcel's interior point"));
        return this;
    }

    Parcels noZone() {
        zones = new ArrayList<>();
        missing.add(new MissingFact("zones", "No zone of the zones layer covers any part of the parcel"));
        return this;
    }

    ParcelFacts facts() {
        double zoned = zones.stream().mapToDouble(ZoneShare::sharePercent).sum();
        return new ParcelFacts("municipality-test", "1234/56", null, "2026-04-01", "POLYGON EMPTY", 36.27, 50.0, areaM2,
                List.of(), passageWidthM, frontageM, depthM, "NORTH", 0.0, "FRONTAGE", List.copyOf(zones),
                zones.isEmpty() ? 100 : Math.max(0, 100 - zoned), List.copyOf(overlays), price, price == null ? null : "01-0001",
                List.of(), List.copyOf(missing));
    }
}
