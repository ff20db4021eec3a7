package ir.parvaneh.query.oversight;

import java.util.List;

/**
 * A municipality's month for the public: counts, lead times and fee totals only. It names no person (no applicant,
 * no reviewer, no decider), no application, plate or permit number, and no legal basis of a particular decision;
 * counts are published however small, since a count identifies nobody without those.
 */
record OpenDataRow(
        String month,
        String municipalitySlug,
        String municipalityNameFa,
        String municipalityNameEn,
        long submitted,
        long issued,
        long returned,
        long rejected,
        long withdrawn,
        long expired,
        long reviewDeadlinesMissed,
        long issueDeadlinesMissed,
        long discretionaryDecisions,
        long queueOrderViolations,
        Double reviewMedianDays,
        Double reviewP90Days,
        Double submissionToIssueMedianDays,
        Double submissionToIssueP90Days,
        long feesAssessedRials,
        long feesPaidRials) {

    static OpenDataRow of(MonthFigures f) {
        return new OpenDataRow(f.month(), f.municipalitySlug(), f.municipalityNameFa(), f.municipalityNameEn(),
                f.submitted(), f.issued(), f.returned(), f.rejected(), f.withdrawn(), f.expired(),
                f.reviewDeadlinesMissed(), f.issueDeadlinesMissed(), f.discretionaryDecisions(),
                f.queueOrderViolations(), f.medianDays("IN_REVIEW"), f.p90Days("IN_REVIEW"),
                f.medianDays(OversightReadModel.SUBMISSION_TO_ISSUE), f.p90Days(OversightReadModel.SUBMISSION_TO_ISSUE),
                f.feesAssessedRials(), f.feesPaidRials());
    }

    static final CsvTable<OpenDataRow> CSV = new CsvTable<>(List.of(
            new CsvTable.Column<>("month", OpenDataRow::month),
            new CsvTable.Column<>("municipality", OpenDataRow::municipalitySlug),
            new CsvTable.Column<>("name_fa", OpenDataRow::municipalityNameFa),
            new CsvTable.Column<>("name_en", OpenDataRow::municipalityNameEn),
            new CsvTable.Column<>("submitted", OpenDataRow::submitted),
            new CsvTable.Column<>("issued", OpenDataRow::issued),
            new CsvTable.Column<>("returned", OpenDataRow::returned),
            new CsvTable.Column<>("rejected", OpenDataRow::rejected),
            new CsvTable.Column<>("withdrawn", OpenDataRow::withdrawn),
            new CsvTable.Column<>("expired", OpenDataRow::expired),
            new CsvTable.Column<>("review_deadlines_missed", OpenDataRow::reviewDeadlinesMissed),
            new CsvTable.Column<>("issue_deadlines_missed", OpenDataRow::issueDeadlinesMissed),
            new CsvTable.Column<>("discretionary_decisions", OpenDataRow::discretionaryDecisions),
            new CsvTable.Column<>("queue_order_violations", OpenDataRow::queueOrderViolations),
            new CsvTable.Column<>("review_median_days", OpenDataRow::reviewMedianDays),
            new CsvTable.Column<>("review_p90_days", OpenDataRow::reviewP90Days),
            new CsvTable.Column<>("submission_to_issue_median_days", OpenDataRow::submissionToIssueMedianDays),
            new CsvTable.Column<>("submission_to_issue_p90_days", OpenDataRow::submissionToIssueP90Days),
            new CsvTable.Column<>("fees_assessed_rials", OpenDataRow::feesAssessedRials),
            new CsvTable.Column<>("fees_paid_rials", OpenDataRow::feesPaidRials)));
}
