package org.exchange.platform.problem;

/** The request is well-formed but breaks a rule of the domain, such as a meeting that ends before it starts: 400. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
