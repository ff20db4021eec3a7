package ir.parvaneh.command.gis.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.time.IranTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Public look-ups on the layers in force (today, or "as of" a day): find a parcel by plate, point or box,
 * and its derived facts. Anonymous: the layers and the rules of a parcel are public.
 */
@RestController
@RequestMapping("/api/parcels")
@Tag(name = "Parcels", description = "Find a parcel and the facts the layers give about it")
class ParcelLookupController {

    private final ParcelLookup lookup;
    private final ParcelFactsCalculator facts;
    private final Clock clock;

    ParcelLookupController(ParcelLookup lookup, ParcelFactsCalculator facts, Clock clock) {
        this.lookup = lookup;
        this.facts = facts;
        this.clock = clock;
    }

    @GetMapping(params = "plate")
    @Operation(summary = "The parcel with a registry plate (e.g. 1234/56 or ۱۲۳۴/۵۶) in a municipality")
    ParcelSummary byPlate(@RequestParam String municipality, @RequestParam String plate,
                          @Parameter(description = "the day whose layers to use (Asia/Tehran), default today")
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return lookup.byPlate(municipality, plate, day(asOf));
    }

    @GetMapping(params = "bbox")
    @Operation(summary = "The parcels of a municipality touching a box minLon,minLat,maxLon,maxLat (WGS 84)")
    List<ParcelSummary> inBox(@RequestParam String municipality, @RequestParam String bbox,
                              @RequestParam(defaultValue = "100") int limit,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return lookup.inBox(municipality, box(bbox), limit, day(asOf));
    }

    @GetMapping("/at")
    @Operation(summary = "The parcel at a point (WGS 84), in whichever municipality's boundary holds it")
    ParcelSummary atPoint(@RequestParam double lat, @RequestParam double lon,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return lookup.atPoint(lat, lon, day(asOf));
    }

    @GetMapping(path = "/facts", params = "plate")
    @Operation(summary = "A parcel's derived facts: area, frontages, depth, orientation, zones, overlays, price P",
            description = "Computed in UTM 39N from the layer versions in force; a fact the layers cannot give is "
                    + "null and listed under missing with the reason.")
    ParcelFacts factsByPlate(@RequestParam String municipality, @RequestParam String plate,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return facts.ofPlate(municipality, plate, day(asOf));
    }

    @GetMapping(path = "/facts", params = {"lat", "lon"})
    @Operation(summary = "The derived facts of the parcel at a point (WGS 84)")
    ParcelFacts factsAtPoint(@RequestParam double lat, @RequestParam double lon,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = day(asOf);
        ParcelSummary parcel = lookup.atPoint(lat, lon, day);
        return facts.ofPlate(parcel.municipality(), parcel.plate(), day);
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : IranTime.today(clock);
    }

    private static double[] box(String bbox) {
        try {
            double[] box = Arrays.stream(bbox.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
            if (box.length == 4) {
                return box;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the expected form
        }
        throw new DomainException(ErrorCode.BBOX_INVALID, "bbox must be four numbers: minLon,minLat,maxLon,maxLat");
    }
}
