package org.exchange.platform.problem;

/** The caller is known but may not do this, for example act on another organisation's data: answered 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
