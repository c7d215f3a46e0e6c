package org.exchange.platform.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The platform's one writer of comma-separated values, on Apache Commons CSV: RFC 4180 (CRLF line ends, fields quoted
 * when they need it, quotes doubled), empty fields for nulls, and a formula guard: text a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe, since these
 * files are opened in spreadsheets and their text comes from users. Numbers are written as they are.
 */
public final class Csv {

    /** {@code text/csv} with its charset, as downloads announce it. */
    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("").get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** A header line and one line per row; nulls are empty fields. */
    public static String of(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(Csv::guarded));
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::guarded));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A CSV document as a download named {@code filename}. */
    public static ResponseEntity<String> download(String filename, String csv) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(csv);
    }

    /** The value with the formula guard applied: text only, never numbers, whose minus sign is theirs. */
    static Object guarded(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
