package org.exchange.platform.problem;

/**
 * The request is well-formed but breaks a rule of the domain, such as a meeting that ends before it starts: 400.
 * When the rule concerns one field of the request, the answer names it in {@code errors}, as Bean Validation's do.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String detail) {
        this(null, detail);
    }

    /** A broken rule about one field of the request, named as a path in its body, such as {@code when.endsAt}. */
    public InvalidRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The field the rule concerns, or null. */
    public String field() {
        return field;
    }
}
