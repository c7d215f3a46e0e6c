package org.exchange.exchange.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.exchange.platform.csv.Csv;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme report for programme admins, as data and as CSV. */
@Service
public class ReportService {

    private static final List<String> CSV_HEADER = List.of("network", "group", "kind", "area", "status", "members",
            "meetings held", "attendances", "outcomes", "cycle", "wave");

    private final ReportQueries queries;
    private final Clock clock;

    ReportService(ReportQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The report on one network, or on all when none is given; on one programme cycle's groups (and one wave's) when
     * asked, meetings and outcomes recorded afterwards included under the dates they happened.
     */
    @Transactional(readOnly = true)
    public ProgrammeReport report(ReportScope scope, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Programme reports are for programme admins");
        }
        Instant now = clock.instant();
        long[] meetings = queries.meetingsAndAttendance(scope, now);
        long[] outcomes = queries.outcomesAndReach(scope);
        return new ProgrammeReport(scope.networkId(), scope.cycleId(), scope.wave(), now,
                queries.practitionersInvolved(scope), queries.organisations(scope), queries.groupsByStatus(scope),
                (int) meetings[0], (int) meetings[1], meetings[2], (int) outcomes[0], (int) outcomes[1], outcomes[2],
                queries.groups(scope, now));
    }

    /** The report's groups as CSV, written by the platform's {@link Csv} (with its formula guard). */
    public static String csv(ProgrammeReport report) {
        return Csv.of(CSV_HEADER, report.groups().stream()
                .map(group -> Arrays.asList(group.network(), group.group(), group.kind(), group.area(),
                        group.status(), group.members(), group.meetingsHeld(), group.attendances(), group.outcomes(),
                        group.cycle(), group.wave()))
                .toList());
    }
}
