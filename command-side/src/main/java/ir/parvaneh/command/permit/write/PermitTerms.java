package ir.parvaneh.command.permit.write;

import ir.parvaneh.kernel.time.IranTime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The waiting periods of a permit application, in calendar days (Asia/Tehran). They are constants until the
 * rulebook or the municipality's settings carry them (and official holidays, as data, turn calendar days into
 * working days where a rule says so); the events record the resulting days, so changing a constant never changes
 * the past.
 */
final class PermitTerms {

    /** Fees not paid within this many days after they are assessed: the application expires. */
    static final int PAYMENT_DAYS = 30;
    /** Not resubmitted within this many days after it was returned (or its fees held): it expires as abandoned. */
    static final int CORRECTION_DAYS = 90;
    /** The legal limit to issue a permit once the file is complete (approved). */
    static final int ISSUE_DAYS = 15;
    /** A permit's validity: construction must start within this many years of issue. */
    static final int PERMIT_VALIDITY_YEARS = 2;
    /** How many recent command ids an application remembers to recognise a client's retry. */
    static final int REMEMBERED_COMMAND_IDS = 256;

    static final String PAYMENT_DUE = "permit-payment-due";
    static final String CORRECTION_DUE = "permit-correction-due";
    static final String REVIEW_DUE = "permit-review-due";
    static final String ISSUE_DUE = "permit-issue-due";

    private PermitTerms() {
    }

    /** The instant a wait whose last allowed day is {@code lastDay} is over: the start of the next day in Tehran. */
    static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(IranTime.ZONE).toInstant();
    }
}
