package org.exchange.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.of(List.of("h"), List.of(List.of("plain"), List.of("a, b"), List.of("say \"hi\""),
                List.of("one\ntwo"))))
                .isEqualTo("h\r\nplain\r\n\"a, b\"\r\n\"say \"\"hi\"\"\"\r\n\"one\ntwo\"\r\n");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersAreNot() {
        assertThat(Csv.of(List.of("a", "b", "c", "d", "e", "f", "g"), List.of(List.of(
                "=HYPERLINK(\"http://evil.test\")", "@SUM(A1)", "+1", "-2+3", "\tx", "\rcmd", new BigDecimal("-1.50")))))
                .isEqualTo("a,b,c,d,e,f,g\r\n\"'=HYPERLINK(\"\"http://evil.test\"\")\",'@SUM(A1),'+1,'-2+3,'\tx,"
                        + "\"'\rcmd\",-1.50\r\n");
    }

    @Test
    void linesEndInCrLfAndNullsAreEmptyFieldsNotTheWordNull() {
        assertThat(Csv.of(List.of("a", "b"), List.of(Arrays.asList(1, null), List.of("x", "y"))))
                .isEqualTo("a,b\r\n1,\r\nx,y\r\n");
    }
}
