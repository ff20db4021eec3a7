package ir.parvaneh.query.oversight;

import ir.parvaneh.query.infrastructure.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Provincial oversight: a municipality's months, and the province's municipalities ranked side by side (JSON and
 * CSV). The province's oversight office and administrators read everything; a municipality's administrator reads
 * their own municipality's months only.
 */
@RestController
@RequestMapping("/api/oversight")
@Tag(name = "Oversight", description = "Provincial oversight of permitting, per municipality and Jalali month")
@SecurityRequirement(name = "bearer")
class OversightController {

    /** A range is at most three Jalali years. */
    static final int MAX_MONTHS = 36;

    private final OversightReadModel readModel;

    OversightController(OversightReadModel readModel) {
        this.readModel = readModel;
    }

    record MunicipalityMonths(String municipalitySlug, String municipalityNameFa, String municipalityNameEn,
                              String from, String to, List<MonthDetail> months) {
    }

    @GetMapping("/municipalities/{slug}/months/{month}")
    @Operation(summary = "One municipality's figures for a Jalali month (yyyy-mm), or up to `to` (a range)")
    MunicipalityMonths months(@PathVariable String slug,
                              @Parameter(description = "Jalali month, e.g. 1405-09") @PathVariable String month,
                              @Parameter(description = "Last Jalali month of a range") @RequestParam(required = false)
                              String to) {
        requireReaderOf(slug);
        JalaliMonth from = JalaliMonth.parse(month, "month");
        JalaliMonth until = to == null ? from : JalaliMonth.parse(to, "to");
        if (until.compareTo(from) < 0 || from.monthsTo(until) > MAX_MONTHS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "to must not precede month and a range holds at most " + MAX_MONTHS + " months")
                    .with("field", "to");
        }
        var town = readModel.town(slug).orElseThrow(() -> new DomainException(ErrorCode.MUNICIPALITY_NOT_FOUND,
                "No municipality " + slug));
        return new MunicipalityMonths(town.slug(), town.nameFa(), town.nameEn(), from.toString(), until.toString(),
                readModel.months(town, from, until));
    }

    @GetMapping("/ranking")
    @Operation(summary = "The province's municipalities side by side for a Jalali month, ranked by a metric")
    Ranking ranking(@RequestParam String month,
                    @Parameter(description = "The figure to rank by, e.g. reviewMedianDays")
                    @RequestParam(defaultValue = "submitted") String metric) {
        Caller.current().requireAny(Role.OVERSIGHT, Role.PROVINCE_ADMIN);
        JalaliMonth jalali = JalaliMonth.parse(month, "month");
        return Ranking.of(jalali, Metric.parse(metric), readModel.province(jalali));
    }

    @GetMapping(value = "/ranking.csv", produces = "text/csv")
    @Operation(summary = "The ranking as CSV (UTF-8 with a byte-order mark, for Excel)")
    ResponseEntity<byte[]> rankingCsv(@RequestParam String month,
                                      @RequestParam(defaultValue = "submitted") String metric) {
        Ranking ranking = ranking(month, metric);
        return RANKING_CSV.response(ranking.rows(), "oversight-" + ranking.month() + "-" + ranking.metric() + ".csv");
    }

    /** Also what the portal's dashboard downloads (OversightPage), so both CSVs have the same columns. */
    static final CsvTable<Ranking.Row> RANKING_CSV = rankingCsv();

    private static CsvTable<Ranking.Row> rankingCsv() {
        List<CsvTable.Column<Ranking.Row>> columns = new ArrayList<>(List.of(
                new CsvTable.Column<>("rank", Ranking.Row::rank),
                new CsvTable.Column<>("value", Ranking.Row::value)));
        List<CsvTable.Column<MonthFigures>> figures = List.of(
                new CsvTable.Column<>("month", MonthFigures::month),
                new CsvTable.Column<>("municipality", MonthFigures::municipalitySlug),
                new CsvTable.Column<>("name_fa", MonthFigures::municipalityNameFa),
                new CsvTable.Column<>("name_en", MonthFigures::municipalityNameEn),
                new CsvTable.Column<>("submitted", MonthFigures::submitted),
                new CsvTable.Column<>("issued", MonthFigures::issued),
                new CsvTable.Column<>("returned", MonthFigures::returned),
                new CsvTable.Column<>("rejected", MonthFigures::rejected),
                new CsvTable.Column<>("withdrawn", MonthFigures::withdrawn),
                new CsvTable.Column<>("expired", MonthFigures::expired),
                new CsvTable.Column<>("review_deadlines_missed", MonthFigures::reviewDeadlinesMissed),
                new CsvTable.Column<>("issue_deadlines_missed", MonthFigures::issueDeadlinesMissed),
                new CsvTable.Column<>("discretionary_decisions", MonthFigures::discretionaryDecisions),
                new CsvTable.Column<>("discretionary_rate", MonthFigures::discretionaryRate),
                new CsvTable.Column<>("queue_order_violations", MonthFigures::queueOrderViolations),
                new CsvTable.Column<>("review_median_days", f -> f.medianDays("IN_REVIEW")),
                new CsvTable.Column<>("review_p90_days", f -> f.p90Days("IN_REVIEW")),
                new CsvTable.Column<>("submission_to_issue_median_days",
                        f -> f.medianDays(OversightReadModel.SUBMISSION_TO_ISSUE)),
                new CsvTable.Column<>("submission_to_issue_p90_days",
                        f -> f.p90Days(OversightReadModel.SUBMISSION_TO_ISSUE)),
                new CsvTable.Column<>("fees_assessed_rials", MonthFigures::feesAssessedRials),
                new CsvTable.Column<>("fees_paid_rials", MonthFigures::feesPaidRials),
                new CsvTable.Column<>("fees_waived_rials", MonthFigures::feesWaivedRials));
        figures.forEach(c -> columns.add(new CsvTable.Column<>(c.header(), row -> c.value().apply(row.figures()))));
        return new CsvTable<>(columns);
    }

    /** The province's roles read every municipality; a municipal administrator reads their own. */
    private static void requireReaderOf(String slug) {
        Caller caller = Caller.current();
        if (caller.provincial()) {
            return;
        }
        caller.requireAny(Role.MUNICIPAL_ADMIN);
        if (!slug.equals(caller.municipality())) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY,
                    "A municipal administrator reads their own municipality's figures only");
        }
    }
}
