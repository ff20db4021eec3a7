package ir.parvaneh.command.support;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the fixtures' expectException: a refusal with a given stable code. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<DomainException> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code " + code);
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was refused with " + e.code() + ": " + e.getMessage());
            }
        };
    }

    /** A refusal with the code that names a fact for the client, e.g. the {@code versionId} it collides with. */
    public static Matcher<DomainException> refusedWith(ErrorCode code, String property, Object value) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.code() == code && value.equals(e.properties().get(property));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code " + code + " and " + property + " = " + value);
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was refused with " + e.code() + " " + e.properties() + ": " + e.getMessage());
            }
        };
    }
}
