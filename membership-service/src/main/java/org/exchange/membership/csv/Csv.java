package org.exchange.membership.csv;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Comma-separated values as RFC 4180 writes them: CRLF line ends, fields quoted when they need it. Text that a
 * spreadsheet would take for a formula (starting with {@code = + - @}) is prefixed with an apostrophe, since these
 * files are opened in spreadsheets and their text comes from users.
 */
public final class Csv {

    /** {@code text/csv} with its charset, as downloads announce it. */
    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private Csv() {
    }

    /** A header line and one line per row; nulls are empty fields. */
    public static String of(List<String> header, List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** A CSV document as a download named {@code filename}. */
    public static ResponseEntity<String> download(String filename, String csv) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(csv);
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String line(List<?> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }
}
