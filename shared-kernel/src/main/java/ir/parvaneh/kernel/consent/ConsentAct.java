package ir.parvaneh.kernel.consent;

/**
 * What an owner may let an engineer do for them on a file. Stage reports are not among them: only the supervising
 * engineer named on the permit files those, in their own name, whoever the owner would prefer.
 */
public enum ConsentAct {
    /** Submit the permit application for the owner (the owner is its applicant). */
    SUBMIT("ثبت درخواست پروانه", "Submit the application"),
    /** Resubmit a corrected proposal after the check, the fees or the reviewer sent it back. */
    RESUBMIT("اصلاح و ثبت دوباره", "Resubmit a corrected proposal"),
    /** Pay the application's fees for the owner. */
    PAY("پرداخت عوارض", "Pay the fees");

    private final String labelFa;
    private final String labelEn;

    ConsentAct(String labelFa, String labelEn) {
        this.labelFa = labelFa;
        this.labelEn = labelEn;
    }

    public String labelFa() {
        return labelFa;
    }

    public String labelEn() {
        return labelEn;
    }
}
