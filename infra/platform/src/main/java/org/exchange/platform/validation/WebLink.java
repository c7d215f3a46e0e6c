package org.exchange.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A link people follow: an absolute http(s) URI with a host that {@link java.net.URI} parses as it stands, so that
 * whatever later writes it out (a calendar feed, an e-mail, a page) never fails on it; {@link #httpsOnly()} refuses
 * plain http where the form promises https. Null is valid.
 */
@Documented
@Constraint(validatedBy = WebLinkValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface WebLink {

    String message() default "must be an absolute http(s) address, such as https://example.org/page, with any "
            + "special characters percent-encoded";

    /** Only an https address is a link here (the message should then say so). */
    boolean httpsOnly() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
