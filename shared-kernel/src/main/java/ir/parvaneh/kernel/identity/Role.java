package ir.parvaneh.kernel.identity;

/**
 * The roles people act in. A municipal role acts only for the municipality named in the person's token;
 * a provincial role acts across the province; a citizen acts for themself. {@link #SYSTEM} is never
 * granted to a person: it marks what the platform does on its own (loading the demo province,
 * automatic checks), so that no event is without an actor.
 */
public enum Role {
    CITIZEN(Scope.PERSONAL, "شهروند", "Citizen"),
    CLERK(Scope.MUNICIPAL, "کارشناس شهرداری", "Clerk"),
    INSPECTOR(Scope.MUNICIPAL, "بازرس", "Inspector"),
    /**
     * A licensed engineer (member of the province's engineering organisation, with a licence number in the token)
     * acting in their own name: the supervising engineer (مهندس ناظر) named on a permit reports its construction
     * stages; acting for an owner (submission, correction, payment) needs the owner's recorded consent
     * ({@code RepresentationConsent}).
     */
    ENGINEER(Scope.PERSONAL, "مهندس", "Engineer"),
    MUNICIPAL_ADMIN(Scope.MUNICIPAL, "مدیر سامانه شهرداری", "Municipal administrator"),
    OVERSIGHT(Scope.PROVINCIAL, "دفتر نظارت استانداری", "Provincial oversight"),
    PROVINCE_ADMIN(Scope.PROVINCIAL, "مدیر سامانه استان", "Province administrator"),
    SYSTEM(Scope.PROVINCIAL, "سامانه", "System");

    /** Where a role's authority reaches. */
    public enum Scope { PERSONAL, MUNICIPAL, PROVINCIAL }

    private final Scope scope;
    private final String labelFa;
    private final String labelEn;

    Role(Scope scope, String labelFa, String labelEn) {
        this.scope = scope;
        this.labelFa = labelFa;
        this.labelEn = labelEn;
    }

    public Scope scope() {
        return scope;
    }

    public String labelFa() {
        return labelFa;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Whether a person can hold this role through the identity provider ({@link #SYSTEM} cannot). */
    public boolean isGrantable() {
        return this != SYSTEM;
    }
}
