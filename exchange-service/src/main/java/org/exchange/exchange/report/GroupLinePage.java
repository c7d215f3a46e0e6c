package org.exchange.exchange.report;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of the programme report's group lines, in the report's order: by network name, then group name. */
public record GroupLinePage(
        List<ProgrammeReport.GroupLine> groups,
        @Schema(description = "The time meetings held are counted up to") Instant generatedAt,
        @Schema(description = "The most lines a page holds, as asked") int limit,
        @Schema(description = "The cursor of the next page, to pass as after; absent on the last page") String next) {
}
