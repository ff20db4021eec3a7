package ir.parvaneh.query.portal;

import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.query.infrastructure.security.Caller;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person signed in to the portal: who they are to the query side's rules ({@link Caller}, read from the same
 * access token the API would receive), their name as the identity provider knows it, and the access token the
 * pages relay to the command API on their behalf.
 */
public record PortalUser(Caller caller, String displayName, Jwt access) {

    /** The access token as the command API receives it. */
    public String accessToken() {
        return access.getTokenValue();
    }

    public String subject() {
        return caller.subject();
    }

    public boolean has(String role) {
        return caller.has(Role.valueOf(role));
    }

    public boolean citizen() {
        return caller.has(Role.CITIZEN);
    }

    /** A clerk or the municipality's administrator: those who work a municipality's queue. */
    public boolean clerk() {
        return caller.has(Role.CLERK) || caller.has(Role.MUNICIPAL_ADMIN);
    }

    public boolean inspector() {
        return caller.has(Role.INSPECTOR) || caller.provincial() || caller.municipalStaff();
    }

    public boolean oversight() {
        return caller.provincial();
    }

    public String municipality() {
        return caller.municipality();
    }
}
