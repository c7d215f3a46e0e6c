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

/** The programme report for programme admins: its figures, its group lines a page at a time, and those as CSV. */
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
     * The report's figures on one network, or on all when none is given; on one programme cycle's groups (and one
     * wave's) when asked, meetings and outcomes recorded afterwards included under the dates they happened.
     */
    @Transactional(readOnly = true)
    public ProgrammeReport report(ReportScope scope, Caller caller) {
        requireProgrammeAdmin(caller);
        Instant now = clock.instant();
        long[] meetings = queries.meetingsAndAttendance(scope, now);
        long[] outcomes = queries.outcomesAndReach(scope);
        return new ProgrammeReport(scope.networkId(), scope.cycleId(), scope.wave(), now,
                queries.practitionersInvolved(scope), queries.organisations(scope), queries.groupsByStatus(scope),
                (int) meetings[0], (int) meetings[1], meetings[2], (int) outcomes[0], (int) outcomes[1], outcomes[2]);
    }

    /**
     * A page of the scope's group lines: at most {@code limit}, in the report's order, after the line the cursor
     * names (from the first when null); {@code next} names the page's last line when more follow.
     */
    @Transactional(readOnly = true)
    public GroupLinePage groups(ReportScope scope, String after, int limit, Caller caller) {
        requireProgrammeAdmin(caller);
        GroupCursor cursor = after == null ? null : GroupCursor.decode(after);
        Instant now = clock.instant();
        // one line more than asked says whether another page follows, so the last page says so itself
        List<ProgrammeReport.GroupLine> lines = queries.groups(scope, now, cursor, limit + 1);
        boolean more = lines.size() > limit;
        List<ProgrammeReport.GroupLine> page = more ? lines.subList(0, limit) : lines;
        String next = more ? GroupCursor.after(page.getLast()).encode() : null;
        return new GroupLinePage(List.copyOf(page), now, limit, next);
    }

    /** Every group line of the scope, in the report's order (for the CSV export). */
    @Transactional(readOnly = true)
    public List<ProgrammeReport.GroupLine> allGroups(ReportScope scope, Caller caller) {
        requireProgrammeAdmin(caller);
        return queries.groups(scope, clock.instant(), null, null);
    }

    /** Group lines as CSV, written by the platform's {@link Csv} (with its formula guard). */
    public static String csv(List<ProgrammeReport.GroupLine> groups) {
        return Csv.of(CSV_HEADER, groups.stream()
                .map(group -> Arrays.asList(group.network(), group.group(), group.kind(), group.area(),
                        group.status(), group.members(), group.meetingsHeld(), group.attendances(), group.outcomes(),
                        group.cycle(), group.wave()))
                .toList());
    }

    private static void requireProgrammeAdmin(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Programme reports are for programme admins");
        }
    }
}
