package org.exchange.membership.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.membership.versioning.Versioned;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * The agreement between a partner organisation and the programme, stating what each side commits to. It is drafted,
 * then signed for the organisation, and expires at its end.
 *
 * @param version the version it was read at (0 before it is first stored); each change raises it by one
 */
public record MemorandumOfUnderstanding(
        UUID id,
        String organisationId,
        Status status,
        String organisationCommitments,
        String programmeCommitments,
        LocalDate startsOn,
        LocalDate endsOn,
        String signatoryName,
        String signatoryRole,
        LocalDate signedOn,
        Instant createdAt,
        long version) implements Versioned {

    /** Where a memorandum is in its life. */
    public enum Status { DRAFT, SIGNED, EXPIRED }

    static MemorandumOfUnderstanding draft(UUID id, String organisationId, Terms terms, Instant now) {
        terms.check();
        return new MemorandumOfUnderstanding(id, organisationId, Status.DRAFT, terms.organisationCommitments(),
                terms.programmeCommitments(), terms.startsOn(), terms.endsOn(), null, null, null, now, 0);
    }

    /** The draft with new terms; a signed memorandum is not changed, a new one is drafted. */
    MemorandumOfUnderstanding revise(Terms terms) {
        requireStatus(Status.DRAFT, "revised");
        terms.check();
        return new MemorandumOfUnderstanding(id, organisationId, status, terms.organisationCommitments(),
                terms.programmeCommitments(), terms.startsOn(), terms.endsOn(), null, null, null, createdAt, version);
    }

    MemorandumOfUnderstanding sign(String name, String role, LocalDate on) {
        requireStatus(Status.DRAFT, "signed");
        if (on.isAfter(endsOn)) {
            throw new InvalidRequestException("A memorandum cannot be signed after its end date " + endsOn);
        }
        return new MemorandumOfUnderstanding(id, organisationId, Status.SIGNED, organisationCommitments,
                programmeCommitments, startsOn, endsOn, name, role, on, createdAt, version);
    }

    MemorandumOfUnderstanding expire() {
        requireStatus(Status.SIGNED, "expired");
        return new MemorandumOfUnderstanding(id, organisationId, Status.EXPIRED, organisationCommitments,
                programmeCommitments, startsOn, endsOn, signatoryName, signatoryRole, signedOn, createdAt, version);
    }

    /** Whether a signed memorandum has run past its last day. */
    boolean hasEndedBy(LocalDate today) {
        return status == Status.SIGNED && today.isAfter(endsOn);
    }

    private void requireStatus(Status required, String action) {
        if (status != required) {
            throw new ConflictException("A " + status + " memorandum cannot be " + action + "; it must be " + required);
        }
    }

    /** What each side commits to, and for how long. */
    public record Terms(String organisationCommitments, String programmeCommitments, LocalDate startsOn,
            LocalDate endsOn) {

        void check() {
            if (!endsOn.isAfter(startsOn)) {
                throw new InvalidRequestException("A memorandum must end after it starts");
            }
        }
    }
}
