package org.exchange.membership.versioning;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A resource two people may edit: it carries the version its {@code ETag} is made of. */
public interface Versioned {

    /** Starts at 1 and goes up by one with every change. */
    long version();

    /** The resource with its strong {@code ETag}, such as {@code "3"}. */
    static <T extends Versioned> ResponseEntity<T> tagged(T resource) {
        return tagged(HttpStatus.OK, resource);
    }

    static <T extends Versioned> ResponseEntity<T> tagged(HttpStatus status, T resource) {
        return ResponseEntity.status(status).eTag(ExpectedVersion.entityTag(resource.version())).body(resource);
    }
}
