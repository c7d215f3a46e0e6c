package org.exchange.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.exchange.platform.security.Caller;

/** Pages through a report's group lines as a client does, following each page's next until there is none. */
final class GroupPages {

    private GroupPages() {
    }

    static List<ProgrammeReport.GroupLine> every(ReportService reports, ReportScope scope, int limit, Caller caller) {
        List<ProgrammeReport.GroupLine> lines = new ArrayList<>();
        String after = null;
        do {
            GroupLinePage page = reports.groups(scope, after, limit, caller);
            assertThat(page.groups()).as("a page holds at most its limit").hasSizeLessThanOrEqualTo(limit);
            assertThat(page.next() == null || page.groups().size() == limit)
                    .as("only a full page has a next").isTrue();
            lines.addAll(page.groups());
            after = page.next();
        } while (after != null);
        return lines;
    }
}
