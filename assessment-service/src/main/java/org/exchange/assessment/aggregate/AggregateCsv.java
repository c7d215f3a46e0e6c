package org.exchange.assessment.aggregate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An aggregate as CSV for programme reports; a cell that a spreadsheet would run as a formula is neutralised. */
final class AggregateCsv {

    private AggregateCsv() {
    }

    static String write(String scope, Aggregate aggregate) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(List.of("scope", "edition", "standard", "area", "people", "rated 1", "rated 2",
                    "rated 3", "rated 4", "rated 5", "rated 6", "reviewed", "average change since baseline",
                    "withheld because"));
            if (aggregate.withheld()) {
                csv.printRecord(row(scope, aggregate, "", "", List.of("", "", "", "", "", ""), "",
                        aggregate.reason()));
            }
            for (Aggregate.StandardFigures figures : aggregate.standards()) {
                List<String> counts = figures.distribution().stream().map(String::valueOf).toList();
                csv.printRecord(row(scope, aggregate, String.valueOf(figures.standard().number()),
                        figures.standard().area().title(), counts,
                        figures.averageChangeSinceBaseline() == null ? "" : figures.averageChangeSinceBaseline()
                                .toString(), aggregate.reason() == null ? "" : aggregate.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(String scope, Aggregate aggregate, String standard, String area,
            List<String> counts, String change, String reason) {
        List<String> cells = new ArrayList<>(List.of(scope, aggregate.edition().id(), standard, area,
                String.valueOf(aggregate.people())));
        cells.addAll(counts);
        cells.addAll(List.of(String.valueOf(aggregate.reviewed()), change, reason));
        return cells.stream().map(AggregateCsv::safe).toList();
    }

    /** A cell starting with =, +, -, @, tab or carriage return is prefixed with ' so that it reads as text. */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && !cell.matches("-\\d+(\\.\\d+)?");
        return formula ? "'" + cell : cell;
    }
}
