package org.exchange.membership.versioning;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link ExpectedVersion} parameter: whether the request must carry {@code If-Match}. Without the annotation it
 * must (428 otherwise); actions that are not edits (signing, expiring) check it only when it is sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface IfMatch {

    boolean required() default true;
}
