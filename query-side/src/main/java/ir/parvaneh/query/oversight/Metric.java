package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A figure the province ranks its municipalities by. Volumes rank the most first; figures of delay, departure and
 * failure rank the least first. A municipality without the figure (no decision, no stay in the stage) ranks last,
 * without a rank.
 */
enum Metric {
    submitted(false, f -> f.submitted()),
    issued(false, f -> f.issued()),
    returned(true, f -> f.returned()),
    rejected(true, f -> f.rejected()),
    withdrawn(true, f -> f.withdrawn()),
    expired(true, f -> f.expired()),
    reviewDeadlinesMissed(true, f -> f.reviewDeadlinesMissed()),
    issueDeadlinesMissed(true, f -> f.issueDeadlinesMissed()),
    discretionaryDecisions(true, f -> f.discretionaryDecisions()),
    discretionaryRate(true, MonthFigures::discretionaryRate),
    queueOrderViolations(true, f -> f.queueOrderViolations()),
    feesAssessedRials(false, f -> f.feesAssessedRials()),
    feesPaidRials(false, f -> f.feesPaidRials()),
    reviewMedianDays(true, f -> f.medianDays("IN_REVIEW")),
    reviewP90Days(true, f -> f.p90Days("IN_REVIEW")),
    queueMedianDays(true, f -> f.medianDays("AWAITING_REVIEW")),
    issueMedianDays(true, f -> f.medianDays("APPROVED")),
    submissionToIssueMedianDays(true, f -> f.medianDays(OversightReadModel.SUBMISSION_TO_ISSUE)),
    submissionToIssueP90Days(true, f -> f.p90Days(OversightReadModel.SUBMISSION_TO_ISSUE));

    final boolean lowerIsBetter;
    private final Function<MonthFigures, Number> value;

    Metric(boolean lowerIsBetter, Function<MonthFigures, Number> value) {
        this.lowerIsBetter = lowerIsBetter;
        this.value = value;
    }

    Number of(MonthFigures figures) {
        return value.apply(figures);
    }

    static Metric parse(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED,
                        "metric must be one of " + Arrays.toString(values()))
                        .with("field", "metric"));
    }
}
