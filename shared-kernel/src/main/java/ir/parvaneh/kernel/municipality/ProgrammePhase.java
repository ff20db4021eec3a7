package ir.parvaneh.kernel.municipality;

/**
 * Where a municipality stands in the province's e-permitting programme: piloting the platform with a
 * few cases, onboarding its data and staff, or live (every permit goes through Parvaneh).
 */
public enum ProgrammePhase {
    PILOT("آزمایشی", "Pilot"),
    ONBOARDING("در حال استقرار", "Onboarding"),
    LIVE("عملیاتی", "Live");

    private final String labelFa;
    private final String labelEn;

    ProgrammePhase(String labelFa, String labelEn) {
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
