package org.exchange.membership.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(Csv.field("one\rtwo")).isEqualTo("\"one\rtwo\"");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil.test\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.test\"\")\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field(new java.math.BigDecimal("-1.50"))).isEqualTo("-1.50");
    }

    @Test
    void linesEndInCrLfAndNullsAreEmptyFields() {
        assertThat(Csv.of(List.of("a", "b"), List.of(Arrays.asList(1, null), List.of("x", "y"))))
                .isEqualTo("a,b\r\n1,\r\nx,y\r\n");
    }
}
