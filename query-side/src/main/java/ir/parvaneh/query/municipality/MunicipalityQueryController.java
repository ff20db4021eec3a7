package ir.parvaneh.query.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.municipality.MunicipalityQueries.FindMunicipalities;
import ir.parvaneh.kernel.municipality.MunicipalityQueries.GetMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityQueries.MunicipalitySummary;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The province's municipalities: public, no token needed. */
@RestController
@RequestMapping("/api/municipalities")
@Tag(name = "Municipalities", description = "The province's municipalities on the platform (public)")
class MunicipalityQueryController {

    private final QueryGateway queries;

    MunicipalityQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List municipalities, optionally searched, filtered by status, or nearest first")
    List<MunicipalitySummary> list(
            @Parameter(description = "Search text in Persian or English (ي/ك and ی/ک match alike)")
            @RequestParam(name = "q", required = false) String text,
            @Parameter(description = "ACTIVE or SUSPENDED") @RequestParam(required = false) String status,
            @Parameter(description = "latitude,longitude (WGS 84): nearest first, with distanceKm")
            @RequestParam(required = false) String near) {
        Double lat = null;
        Double lon = null;
        if (near != null) {
            String[] parts = near.split(",");
            try {
                lat = Double.valueOf(parts[0].strip());
                lon = Double.valueOf(parts[1].strip());
            } catch (RuntimeException e) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "near must be 'latitude,longitude'");
            }
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "near is not a WGS 84 coordinate");
            }
        }
        return queries.query(new FindMunicipalities(text, status, lat, lon), FindMunicipalities.Result.class)
                .join().municipalities();
    }

    @GetMapping("/{idOrSlug}")
    @Operation(summary = "One municipality, by id (municipality-<uuid>) or slug")
    MunicipalitySummary get(@PathVariable String idOrSlug) {
        return queries.query(new GetMunicipality(idOrSlug), GetMunicipality.Result.class).join().found()
                .orElseThrow(() -> new DomainException(ErrorCode.MUNICIPALITY_NOT_FOUND,
                        "No municipality " + idOrSlug));
    }
}
