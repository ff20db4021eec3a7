package ir.parvaneh.kernel.permit.query;

import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries on permit applications and zoning assessments, answered by the query side's read models. They take the
 * subject or municipality to read for as given: who may ask for what is decided by the API in front of them.
 * Days are ISO dates in Asia/Tehran, each with its Jalali form; money whole Rials.
 */
public final class PermitApplicationQueries {

    private PermitApplicationQueries() {
    }

    /** A day, ISO ({@code 2026-11-29}) and Jalali ({@code 1405-09-08}). */
    public record Day(String date, String jalali) {
    }

    /**
     * The application's fees; {@code totalRials} and {@code dueRials} are {@code null} until they are assessed.
     *
     * @param payBy the last day to pay, while something is due
     */
    public record Fees(Long totalRials, long paidRials, Long dueRials, Day payBy) {
    }

    /**
     * The deadline the municipality is held to in the current stage.
     *
     * @param kind {@code REVIEW} (the reviewer's due day) or {@code ISSUE} (the 15-day limit to issue the permit)
     */
    public record MunicipalityDeadline(String kind, Day dueOn) {
    }

    /**
     * What the applicant is expected to do next.
     *
     * @param code a stable code, e.g. {@code PAY_FEES}, {@code CORRECT_AND_RESUBMIT}, {@code WAIT_FOR_REVIEW}
     * @param by   the last day to do it, when the applicant has one
     */
    public record NextStep(String code, String textFa, String textEn, Day by) {
    }

    /** The reviewer the application is assigned to. */
    public record Assignee(String subject, String name) {
    }

    /**
     * Why the application was returned, held or rejected: the event that did it and what it cited.
     *
     * @param violatedRules   the rules the automatic check found failed
     * @param citedRules      the rules or outputs a reviewer cited
     * @param notes           the reviewer's note, or why each undetermined fee line could not be priced
     * @param legalBasisCode  a rejection's legal basis
     * @param justification   a rejection's written justification
     */
    public record Reasons(String event, List<ComplianceResult> violatedRules, List<String> citedRules,
                          List<String> notes, String legalBasisCode, String justification) {
    }

    /**
     * One application as its applicant, its municipality's staff and oversight read it.
     *
     * @param stage          a {@code PermitStage} name; {@code null} while the submission is being checked
     * @param version        the sequence number of its last event projected (what a command's receipt names)
     * @param enteredStageAt when it entered its current stage
     */
    public record ApplicationView(String id, String municipalityId, String municipalitySlug, String plate,
                                  String applicantSubject, String applicantName, String stage, int round,
                                  long version, Instant submittedAt, Instant lastChangedAt, Instant enteredStageAt,
                                  Fees fees, Day correctBy, MunicipalityDeadline municipalityDeadline,
                                  Assignee assignee, String permitNumber, NextStep nextStep, Reasons reasons) {
    }

    /**
     * One step of an application's timeline.
     *
     * @param actorSubject who acted (from the event's metadata); {@code system:…} for what the platform did
     * @param details      what the event carries for a reader: rules, legal basis, justification, amounts, days
     */
    public record TimelineEntry(long sequence, String type, Instant at, String jalaliDate, String actorSubject,
                                String actorRole, String summaryFa, String summaryEn, Map<String, Object> details) {
    }

    /**
     * An application in a clerk's queue or work list.
     *
     * @param waitingSeconds  time since it entered its stage
     * @param deadline        the municipality's deadline in this stage, if it has one
     * @param timeLeftSeconds time left until the end of that day in Tehran; negative once it has passed
     */
    public record QueueEntry(int position, String id, String municipalitySlug, String plate, String applicantName,
                             String stage, Instant enteredStageAt, long waitingSeconds, MunicipalityDeadline deadline,
                             Long timeLeftSeconds, boolean overdue, Assignee assignee, long version) {
    }

    /** One application with its timeline, oldest step first. */
    public record GetPermitApplication(String applicationId) {

        public record Result(ApplicationView application, List<TimelineEntry> timeline) {
            public Optional<ApplicationView> found() {
                return Optional.ofNullable(application);
            }
        }

        /** What a subscription to this query is told whenever the application's row changes. */
        public record Changed(String applicationId, long version) {
        }
    }

    /** The applications a person submitted, newest first. */
    public record FindApplicationsOfApplicant(String applicantSubject) {

        public record Result(List<ApplicationView> applications) {
        }
    }

    /** A municipality's applications in one stage, first come first served (by the instant each entered it). */
    public record FindStageQueue(String municipalitySlug, String stage) {

        public record Result(List<QueueEntry> entries) {
        }
    }

    /** The applications assigned to a reviewer and still with them (in review or awaiting a second approval). */
    public record FindAssignedReviews(String reviewerSubject) {

        public record Result(List<QueueEntry> entries) {
        }
    }

    /** A zoning assessment (دستور نقشه) as its requester lists it. */
    public record AssessmentSummary(String id, String municipalityId, String municipalitySlug, String plate,
                                    String intendedUse, Day issuedOn, Day validUntil, String rulebookVersion,
                                    Instant issuedAt) {
    }

    /** The zoning assessments a person asked for, newest first. */
    public record FindAssessmentsOfRequester(String requesterSubject) {

        public record Result(List<AssessmentSummary> assessments) {
        }
    }
}
