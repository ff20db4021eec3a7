package ir.parvaneh.query.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the portal's pages, wherever its feature package is: {@link PortalAdvice} gives its
 * templates the signed-in person and the page direction, and turns its failures into pages instead of the API's
 * problem documents.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PortalPage {
}
