package org.exchange.platform.problem;

/** The request clashes with the current state, such as an illegal lifecycle transition: answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
