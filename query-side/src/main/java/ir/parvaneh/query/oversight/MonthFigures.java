package ir.parvaneh.query.oversight;

import java.util.Map;

/**
 * One municipality's figures for one Jalali month, each defined in docs/oversight.md. Counts are events whose
 * instant falls in the month (Asia/Tehran); lead times are the stages left in the month.
 *
 * @param returned          returned for correction by the check plus changes requested by a reviewer
 * @param decisions         approvals and rejections that took effect in the month
 * @param discretionaryRate discretionary decisions over decisions; {@code null} without decisions
 * @param leadTimes         days spent per stage (and {@code SUBMISSION_TO_ISSUE}), only stages with data
 */
record MonthFigures(
        String municipalitySlug,
        String municipalityNameFa,
        String municipalityNameEn,
        String month,
        long submitted,
        long resubmitted,
        long returnedByCheck,
        long changesRequested,
        long returned,
        long approved,
        long rejected,
        long issued,
        long withdrawn,
        long expired,
        long objectionsFiled,
        long reviewDeadlinesMissed,
        long issueDeadlinesMissed,
        long discretionaryProposed,
        long discretionaryConfirmed,
        long discretionaryDeclined,
        long discretionaryDecisions,
        long decisions,
        Double discretionaryRate,
        long feeWaivers,
        long queueOrderViolations,
        long queueOvertakesWithReason,
        long feesAssessedRials,
        long feesPaidRials,
        long feesWaivedRials,
        Map<String, LeadTime> leadTimes) {

    /** Days spent in a stage by the applications that left it in the month. */
    record LeadTime(long count, double medianDays, double p90Days) {
    }

    Double medianDays(String stage) {
        LeadTime time = leadTimes.get(stage);
        return time == null ? null : time.medianDays();
    }

    Double p90Days(String stage) {
        LeadTime time = leadTimes.get(stage);
        return time == null ? null : time.p90Days();
    }
}
