package ir.parvaneh.kernel.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each kind of message the platform sends, with the placeholders its template may use. A template naming any other
 * placeholder is refused when it is published, so a municipality's text can never leave a {@code {hole}} in an SMS.
 * docs/notifications.md lists each kind's trigger, recipients and default text. A published contract: never rename a
 * kind (stored templates and messages name it); add new ones.
 */
public enum MessageKind {
    ASSESSMENT_ISSUED("assessment", "use", "validUntil"),
    RETURNED_FOR_CORRECTION("reasons", "correctBy"),
    FEE_ASSESSMENT_HELD("reasons", "correctBy"),
    FEES_DUE("amount", "payBy"),
    PAYMENT_CONFIRMED("amount", "reference"),
    REVIEW_STARTED("reviewer", "reviewDueOn"),
    REVIEW_ASSIGNED("applicant", "reviewDueOn"),
    CHANGES_REQUESTED("reasons", "note", "correctBy"),
    APPLICATION_APPROVED("issueBy"),
    APPLICATION_REJECTED("reasons", "legalBasis"),
    PERMIT_ISSUED("permitNumber", "validUntil"),
    STAGE_REPORT_FLAGGED("stage", "permitNumber", "reasons"),
    REVIEW_DEADLINE_MISSED("reviewDueOn"),
    ISSUE_DEADLINE_MISSED("issueBy"),
    COMPLETION_CERTIFICATE_ISSUED("certificateNumber", "permitNumber");

    private final Set<String> placeholders;

    MessageKind(String... own) {
        // What every message may name: the recipient, the municipality, the parcel, the file's tracking code, the day.
        Set<String> all = new LinkedHashSet<>(List.of("name", "municipality", "plate", "application", "date"));
        all.addAll(List.of(own));
        this.placeholders = Set.copyOf(all);
    }

    public Set<String> placeholders() {
        return placeholders;
    }
}
