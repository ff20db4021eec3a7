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
}
