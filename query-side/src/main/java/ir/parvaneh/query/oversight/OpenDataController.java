package ir.parvaneh.query.oversight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The public, anonymised open-data feed of permitting: per municipality and Jalali month, no personal data. */
@RestController
@RequestMapping("/api/open-data")
@Tag(name = "Open data", description = "Permitting statistics for public transparency (no token, no personal data)")
class OpenDataController {

    private final OversightReadModel readModel;

    OpenDataController(OversightReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/permits")
    @Operation(summary = "Every municipality's counts, lead times and fee totals for a Jalali month (JSON)")
    List<OpenDataRow> permits(@Parameter(description = "Jalali month, e.g. 1405-09") @RequestParam String month) {
        return readModel.province(JalaliMonth.parse(month, "month")).stream().map(OpenDataRow::of).toList();
    }

    @GetMapping(value = "/permits.csv", produces = "text/csv")
    @Operation(summary = "The same as CSV (UTF-8 with a byte-order mark, for Excel)")
    ResponseEntity<byte[]> permitsCsv(@RequestParam String month) {
        JalaliMonth jalali = JalaliMonth.parse(month, "month");
        return OpenDataRow.CSV.response(permits(month), "permits-" + jalali + ".csv");
    }
}
