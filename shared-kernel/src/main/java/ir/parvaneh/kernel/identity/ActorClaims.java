package ir.parvaneh.kernel.identity;

import ir.parvaneh.kernel.text.PersianText;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads who a person is from the claims of an OpenID Connect access token, as Parvaneh's realm issues
 * them: {@code roles} (a flat list of realm roles), {@code municipality} (the slug a municipal role
 * serves), {@code national_code} (a citizen's), {@code licence_number} (an engineer's), and the usual {@code sub}, {@code name},
 * {@code given_name}, {@code family_name}, {@code preferred_username}. Roles the platform does not know,
 * and {@link Role#SYSTEM}, which no person holds, are ignored.
 */
public final class ActorClaims {

    public static final String ROLES = "roles";
    public static final String MUNICIPALITY = "municipality";
    public static final String NATIONAL_CODE = "national_code";
    /** An engineer's licence number from the province's engineering organisation (سازمان نظام مهندسی). */
    public static final String LICENCE_NUMBER = "licence_number";
    /** The person's mobile number, where one-time codes are sent (OpenID Connect's standard claim). */
    public static final String PHONE_NUMBER = "phone_number";

    private ActorClaims() {
    }

    public static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get(ROLES) instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.isGrantable() && role.name().equals(String.valueOf(name))) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    /**
     * The actor this person is when acting in {@code role}. Throws {@link IllegalArgumentException} when
     * the token lacks what the role needs (a municipality for a municipal role), and the kernel's
     * {@code INVALID_NATIONAL_CODE} domain exception for a citizen whose code fails its check digit.
     */
    public static Actor actor(Map<String, Object> claims, Role role) {
        String subject = firstText(claims, "sub", "preferred_username");
        String municipality = role.scope() == Role.Scope.MUNICIPAL ? text(claims.get(MUNICIPALITY)) : null;
        String nationalCode = role == Role.CITIZEN
                ? firstText(claims, NATIONAL_CODE, "preferred_username") : null;
        String licence = role == Role.ENGINEER ? text(claims.get(LICENCE_NUMBER)) : null;
        return new Actor(subject, displayName(claims), role, municipality, nationalCode, licence);
    }

    static String displayName(Map<String, Object> claims) {
        String name = text(claims.get("name"));
        if (name != null) {
            return PersianText.normalize(name);
        }
        String joined = String.join(" ", nonNull(text(claims.get("given_name")), text(claims.get("family_name"))));
        return joined.isBlank() ? text(claims.get("preferred_username")) : PersianText.normalize(joined);
    }

    private static List<String> nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }

    private static String firstText(Map<String, Object> claims, String... names) {
        for (String name : names) {
            String value = text(claims.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
