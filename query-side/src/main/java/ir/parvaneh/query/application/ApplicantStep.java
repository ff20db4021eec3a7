package ir.parvaneh.query.application;

import ir.parvaneh.kernel.permit.PermitStage;

/**
 * What an applicant is expected to do next, by stage: a stable code for clients, with its Persian and English text.
 * {@code WAIT_…} steps are the municipality's to take.
 */
enum ApplicantStep {
    WAIT_FOR_CHECK("منتظر بررسی خودکار بمانید", "Wait for the automatic check"),
    CORRECT_AND_RESUBMIT("نقشه را اصلاح و دوباره ارسال کنید", "Correct the proposal and resubmit it"),
    RESUBMIT_WITH_MISSING_INFORMATION("اطلاعات کسری را تکمیل و دوباره ارسال کنید",
            "Resubmit with the missing information"),
    PAY_FEES("عوارض را پرداخت کنید", "Pay the fees"),
    WAIT_FOR_FEE_WAIVER_DECISION("منتظر تصمیم درباره بخشودگی عوارض بمانید", "Wait for the decision on the fee waiver"),
    WAIT_FOR_REVIEWER("منتظر تعیین کارشناس بمانید", "Wait for a reviewer to be assigned"),
    WAIT_FOR_REVIEW("پرونده نزد کارشناس در حال بررسی است", "Wait for the reviewer's decision"),
    WAIT_FOR_SECOND_APPROVAL("منتظر تأیید دوم بمانید", "Wait for the second approver"),
    WAIT_FOR_PERMIT("منتظر صدور پروانه بمانید", "Wait for the permit to be issued"),
    MAY_OBJECT("می‌توانید یک بار به رد درخواست اعتراض کنید", "You may object to the rejection once"),
    WAIT_FOR_OBJECTION_DECISION("منتظر رسیدگی به اعتراض بمانید", "Wait for the decision on your objection"),
    BUILD_AND_REPORT_STAGES("ساخت با گزارش مراحل توسط مهندس ناظر", "Build; your supervising engineer reports each stage"),
    ATTEND_VIOLATIONS_COMMISSION("پرونده به کمیسیون ماده ۱۰۰ ارجاع شده است",
            "The case is with the violations commission (Article 100)"),
    NONE("اقدامی لازم نیست", "Nothing more to do");

    private final String textFa;
    private final String textEn;

    ApplicantStep(String textFa, String textEn) {
        this.textFa = textFa;
        this.textEn = textEn;
    }

    String textFa() {
        return textFa;
    }

    String textEn() {
        return textEn;
    }

    /** The step after the events so far; see docs/read-models.md. */
    static ApplicantStep of(PermitStage stage, String pendingDiscretion, boolean objectionFiled) {
        if (stage == null) {
            return WAIT_FOR_CHECK;
        }
        return switch (stage) {
            case RETURNED_FOR_CORRECTION -> CORRECT_AND_RESUBMIT;
            case FEES_UNDETERMINED -> RESUBMIT_WITH_MISSING_INFORMATION;
            case AWAITING_PAYMENT -> "WAIVE_FEE".equals(pendingDiscretion) ? WAIT_FOR_FEE_WAIVER_DECISION : PAY_FEES;
            case AWAITING_REVIEW -> WAIT_FOR_REVIEWER;
            case IN_REVIEW -> WAIT_FOR_REVIEW;
            case AWAITING_SECOND_APPROVAL -> WAIT_FOR_SECOND_APPROVAL;
            case APPROVED -> WAIT_FOR_PERMIT;
            case REJECTED -> objectionFiled ? NONE : MAY_OBJECT;
            case OBJECTION_PENDING -> WAIT_FOR_OBJECTION_DECISION;
            case ISSUED -> BUILD_AND_REPORT_STAGES;
            case REFERRED_TO_COMMISSION -> ATTEND_VIOLATIONS_COMMISSION;
            case COMPLETED, WITHDRAWN, EXPIRED -> NONE;
        };
    }
}
