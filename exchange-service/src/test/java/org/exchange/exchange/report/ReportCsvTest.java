package org.exchange.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndLinesEndWithCrLf() {
        List<ProgrammeReport.GroupLine> groups = List.of(new ProgrammeReport.GroupLine(UUID.randomUUID(),
                "West Midlands Professional Exchange", "Maths, \"the fun way\"", "SUBJECT", "maths\nand numeracy",
                "ACTIVE", 8, 4, 30, 1, "West Midlands Professional Exchange 2018-19", 2));

        String csv = ReportService.csv(groups);

        assertThat(csv).isEqualTo("network,group,kind,area,status,members,meetings held,attendances,outcomes,"
                + "cycle,wave\r\n"
                + "West Midlands Professional Exchange,\"Maths, \"\"the fun way\"\"\",SUBJECT,\"maths\nand numeracy\","
                + "ACTIVE,8,4,30,1,West Midlands Professional Exchange 2018-19,2\r\n");
    }

    @Test
    void aGroupNameThatASpreadsheetWouldRunIsDefusedAndAMissingValueIsAnEmptyCell() {
        List<ProgrammeReport.GroupLine> groups = List.of(new ProgrammeReport.GroupLine(UUID.randomUUID(),
                "West Midlands", "=HYPERLINK(\"http://evil.test\",\"Click\")", "SUBJECT", null,
                "ACTIVE", 8, 4, 30, 1, null, null));

        String csv = ReportService.csv(groups);

        assertThat(csv).endsWith("West Midlands,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"Click\"\")\",SUBJECT,,"
                + "ACTIVE,8,4,30,1,,\r\n").doesNotContain("null");
    }
}
