package org.exchange.membership.versioning;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The version of a resource the client last read, from its {@code If-Match} header: a change is made only to that
 * version, so that two people editing the same thing cannot overwrite each other unseen (no lost update).
 *
 * @param value the version the client read, or null for {@code If-Match: *} or an action that states none
 * @param missing whether a required {@code If-Match} was not sent: checking answers 428 then, after the use case has
 *        checked who may do it (so a caller who may not gets 403, not a hint to send a header)
 */
public record ExpectedVersion(Long value, boolean missing) {

    /** The version the client read. */
    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(version, false);
    }

    /** No precondition: any current version. */
    public static ExpectedVersion any() {
        return new ExpectedVersion(null, false);
    }

    /** A required {@code If-Match} that was not sent. */
    static ExpectedVersion missingHeader() {
        return new ExpectedVersion(null, true);
    }

    /** The strong entity tag of a version: the number in quotes, such as {@code "3"}. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }

    /** Answers 412 unless the resource is still at the version the client read (428 when it stated none). */
    public void check(long current, String what) {
        if (missing) {
            throw new Unstated();
        }
        if (value != null && value != current) {
            throw new Stale(what);
        }
    }

    /** The resource changed since the client read it: answered 412 problem+json. */
    public static final class Stale extends ErrorResponseException {

        public Stale(String what) {
            super(HttpStatus.PRECONDITION_FAILED, problem(HttpStatus.PRECONDITION_FAILED, "Someone else changed "
                    + what + " since you read it. Read it again, then make your change to the current version."), null);
        }
    }

    /** A change without {@code If-Match}: answered 428 problem+json. */
    static final class Unstated extends ErrorResponseException {

        Unstated() {
            super(HttpStatus.PRECONDITION_REQUIRED, problem(HttpStatus.PRECONDITION_REQUIRED, "This change needs an "
                    + "If-Match header with the ETag of the version you read (GET it first), so that it cannot "
                    + "overwrite someone else's change unseen."), null);
        }
    }

    /** An {@code If-Match} that names no version of ours: answered 412, as a tag that matches nothing. */
    static final class Unknown extends ErrorResponseException {

        Unknown(String header) {
            super(HttpStatus.PRECONDITION_FAILED, problem(HttpStatus.PRECONDITION_FAILED, "If-Match " + header
                    + " is no current ETag of this resource; read it again and send the quoted ETag it answers with."),
                    null);
        }
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
