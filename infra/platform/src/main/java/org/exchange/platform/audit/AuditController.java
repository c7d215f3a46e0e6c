package org.exchange.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.exchange.platform.audit.AuditTrail.AuditEntry;
import org.exchange.platform.audit.AuditTrail.AuditQuery;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET <exchange.audit.path>}: this service's audit trail, for programme admins (every entry) and org-admins
 * (the entries about their own organisation's records).
 */
@RestController
@Validated
@Tag(name = "Audit trail")
class AuditController {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("${exchange.audit.path}")
    @Operation(summary = "Who changed what and when, newest first, with the record before and after (programme-admin;"
            + " an org-admin sees their own organisation's entries). Page on with before=<next>")
    AuditPage entries(Caller caller,
            @Parameter(description = "The kind of record, such as venue") @RequestParam(required = false)
            @Size(max = 100) @Nullable String subjectType,
            @Parameter(description = "The record's id") @RequestParam(required = false) @Size(max = 200)
            @Nullable String subjectId,
            @Parameter(description = "Who made the change") @RequestParam(required = false) @Nullable UUID actorId,
            @Parameter(description = "What was done, such as venue.changed") @RequestParam(required = false)
            @Size(max = 100) @Nullable String action,
            @Parameter(description = "Only this organisation's records") @RequestParam(required = false)
            @Size(max = 100) @Nullable String organisationId,
            @Parameter(description = "From this instant (inclusive)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @Parameter(description = "Until this instant (exclusive)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @Parameter(description = "Entries older than this entry id: the previous page's next")
            @RequestParam(required = false) @Min(1) @Nullable Long before,
            @Parameter(description = "How many entries, 1 to 200") @RequestParam(defaultValue = "50") @Min(1) @Max(200)
            int limit) {
        requireOnRecord("from", from);
        requireOnRecord("to", to);
        String organisation = organisationId;
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            if (!caller.hasRole(Caller.ROLE_ORG_ADMIN) || caller.organisationId() == null
                    || (organisationId != null && !caller.belongsTo(organisationId))) {
                throw new ForbiddenException("Only a programme admin, or an org-admin for their own organisation, may"
                        + " read the audit trail");
            }
            organisation = caller.organisationId();
        }
        List<AuditEntry> entries = trail.entries(new AuditQuery(subjectType, subjectId, actorId, action, organisation,
                from, to, before, limit));
        Long next = entries.size() == limit ? entries.getLast().id() : null;
        return new AuditPage(entries.stream().map(AuditEntryView::of).toList(), next);
    }

    /** The instants a database timestamp can hold (found by fuzzing: a year of +999999999 was a 500). */
    private static void requireOnRecord(String parameter, @Nullable Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidRequestException(parameter, parameter + " must be between " + EARLIEST + " and " + LATEST);
        }
    }

    /** A page of entries; {@code next} is the {@code before} of the next page, absent on the last. */
    record AuditPage(List<AuditEntryView> entries, @Nullable Long next) {
    }

    /**
     * One entry as the API shows it.
     *
     * @param actorId who made the change; absent when no one signed in made it (the service's own schedule, or a
     *        link that stands for its recipient, such as an unsubscribe link)
     * @param personId whom the record is about, where it is a person's own record
     * @param changed the top-level fields of the record that differ between before and after
     * @param before the record before the change; absent when it was created, or emptied by erasure
     * @param after the record after the change; absent when it was deleted, or emptied by erasure
     */
    record AuditEntryView(long id, Instant at, @Nullable UUID actorId, List<String> actorRoles, String action,
            String subjectType, String subjectId, @Nullable UUID personId, @Nullable String organisationId,
            List<String> changed,
            @Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {

        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id(), entry.at(), entry.actorId(), entry.actorRoles(), entry.action(),
                    entry.subject().type(), entry.subject().id(), entry.subject().person(), entry.organisationId(),
                    entry.changed(),
                    entry.before(), entry.after());
        }
    }
}
