package org.exchange.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an integration event: the publishing context, the fact, and the version of its payload schema.
 * The CloudEvents type is {@code <context>.<name>.v<version>}, for example {@code membership.PractitionerRegistered.v1};
 * the schema lives at {@code schemas/<context>/<name>.v<version>.json} in this module.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The publishing bounded context, which is also the prefix of its topic. */
    String context();

    /** The fact, in the past tense. */
    String name();

    /** The payload schema version; a schema changes only by adding optional fields, or by a new version. */
    int version() default 1;
}
