package ir.parvaneh.kernel.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who acts: the identity provider's subject, the person's display name, the role they act in, the
 * municipality (slug) a municipal role serves, and a citizen's national code. It travels with every
 * command as message metadata and is copied into the metadata of every event the command causes.
 */
public record Actor(String subject, String displayName, Role role, String municipality, String nationalCode) {

    public static final String SUBJECT = "actor.subject";
    public static final String NAME = "actor.name";
    public static final String ROLE = "actor.role";
    public static final String MUNICIPALITY = "actor.municipality";
    public static final String NATIONAL_CODE = "actor.nationalCode";

    /** The metadata keys that carry an actor; correlation copies them from a command to its events. */
    public static final String[] METADATA_KEYS = {SUBJECT, NAME, ROLE, MUNICIPALITY, NATIONAL_CODE};

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
                    asString(metaData.get(NATIONAL_CODE))));
        } catch (RuntimeException incomplete) {
            return Optional.empty();
        }
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
