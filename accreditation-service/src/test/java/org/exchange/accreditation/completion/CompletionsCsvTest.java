package org.exchange.accreditation.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exchange.accreditation.enrolment.EnrolmentStatus;
import org.exchange.accreditation.enrolment.EnrolmentViews.Completion;
import org.junit.jupiter.api.Test;

class CompletionsCsvTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        Completion completion = new Completion(UUID.randomUUID(), "ILM-0001", "ILM-DEVELOPMENT-PLLE",
                "ILM Development Award", 1, UUID.randomUUID(), "=HYPERLINK(\"http://evil.test\")", "+Smith",
                "-cara@college.test", "@Westmid, \"College\"", LocalDate.of(2026, 6, 1),
                Instant.parse("2026-11-01T10:00:00Z"), new BigDecimal("24.5"), 2, 1, "Ada Assessor", "Owen Assessor",
                EnrolmentStatus.RECOMMENDED, null, null);

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(CompletionsCsv.write(List.of(completion)))).getRecords();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("Given name")).isEqualTo("'=HYPERLINK(\"http://evil.test\")");
            assertThat(row.get("Family name")).isEqualTo("'+Smith");
            assertThat(row.get("Email")).isEqualTo("'-cara@college.test");
            assertThat(row.get("Organisation")).isEqualTo("'@Westmid, \"College\"");
            assertThat(row.get("Total hours")).isEqualTo("24.5");
            assertThat(row.get("ILM centre number")).isEqualTo("ILM-0001");
            assertThat(row.get("Awarded on")).isEmpty();
        });
    }
}
