package ir.parvaneh.kernel.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who acts: the identity provider's subject, the person's display name, the role they act in, the
 * municipality (slug) a municipal role serves, a citizen's national code, and an engineer's licence number
 * (شماره پروانه اشتغال, from the engineering organisation). It travels with every command as message metadata
 * and is copied into the metadata of every event the command causes.
 */
public record Actor(String subject, String displayName, Role role, String municipality, String nationalCode,
                    String licenceNumber) {

    public static final String SUBJECT = "actor.subject";
    public static final String NAME = "actor.name";
    public static final String ROLE = "actor.role";
    public static final String MUNICIPALITY = "actor.municipality";
    public static final String NATIONAL_CODE = "actor.nationalCode";
    public static final String LICENCE_NUMBER = "actor.licenceNumber";

    /** The metadata keys that carry an actor; correlation copies them from a command to its events. */
    public static final String[] METADATA_KEYS = {SUBJECT, NAME, ROLE, MUNICIPALITY, NATIONAL_CODE, LICENCE_NUMBER};

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("An actor needs a subject");
        }
        if (role.scope() == Role.Scope.MUNICIPAL && (municipality == null || municipality.isBlank())) {
            throw new IllegalArgumentException("A municipal role needs the municipality it serves: " + role);
        }
        if (role == Role.CITIZEN) {
            nationalCode = NationalCode.parse(nationalCode).value();
        }
        displayName = displayName == null || displayName.isBlank() ? subject : displayName;
        // Only an engineer acts under a licence; anyone else's would be a claim the platform never checks.
        licenceNumber = role == Role.ENGINEER && licenceNumber != null && !licenceNumber.isBlank()
                ? licenceNumber.strip() : null;
    }

    /** An actor who holds no engineer's licence (everyone but an {@link Role#ENGINEER}). */
    public Actor(String subject, String displayName, Role role, String municipality, String nationalCode) {
        this(subject, displayName, role, municipality, nationalCode, null);
    }

    /** The platform itself, acting for the named process (e.g. {@code demo-province-loader}). */
    public static Actor system(String process) {
        return new Actor("system:" + process, "سامانه پروانه (" + process + ")", Role.SYSTEM, null, null);
    }

    /** Whether this actor may act for the municipality with the given slug. */
    public boolean actsFor(String municipalitySlug) {
        return switch (role.scope()) {
            case PROVINCIAL -> true;
            case MUNICIPAL -> municipality.equals(municipalitySlug);
            case PERSONAL -> false;
        };
    }

    public Map<String, String> toMetaData() {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put(SUBJECT, subject);
        metaData.put(NAME, displayName);
        metaData.put(ROLE, role.name());
        if (municipality != null) {
            metaData.put(MUNICIPALITY, municipality);
        }
        if (nationalCode != null) {
            metaData.put(NATIONAL_CODE, nationalCode);
        }
        if (licenceNumber != null) {
            metaData.put(LICENCE_NUMBER, licenceNumber);
        }
        return metaData;
    }

    /** The actor recorded in a message's metadata, if there is a complete one. */
    public static Optional<Actor> fromMetaData(Map<String, ?> metaData) {
        Object subject = metaData.get(SUBJECT);
        Object role = metaData.get(ROLE);
        if (subject == null || role == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Actor(subject.toString(), asString(metaData.get(NAME)),
                    Role.valueOf(role.toString()), asString(metaData.get(MUNICIPALITY)),
                    asString(metaData.get(NATIONAL_CODE)), asString(metaData.get(LICENCE_NUMBER))));
        } catch (RuntimeException incomplete) {
            return Optional.empty();
        }
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
