package org.exchange.accreditation.completion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exchange.accreditation.enrolment.EnrolmentViews.Completion;

/**
 * The completions as CSV for ILM, one row per candidate. A cell that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so names cannot carry formulas.
 */
final class CompletionsCsv {

    static final String[] HEADER = { "ILM centre number", "Programme code", "Programme", "Requirement version",
            "Enrolment id", "Candidate id", "Given name", "Family name", "Email", "Organisation", "Enrolled on",
            "Recommended at", "Total hours", "Workshops facilitated", "Workshops observed", "Academy assessor",
            "Organisation assessor", "Status", "Awarded on", "ILM reference" };

    private CompletionsCsv() {
    }

    static String write(List<Completion> completions) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Completion c : completions) {
                printer.printRecord(cells(c.centreNumber(), c.programmeCode(), c.programmeTitle(),
                        c.requirementVersion(), c.enrolmentId(), c.candidateId(), c.candidateGivenName(),
                        c.candidateFamilyName(), c.candidateEmail(), c.organisationName(), c.enrolledOn(),
                        c.recommendedAt(), c.totalHours() == null ? null : c.totalHours().toPlainString(),
                        c.workshopsFacilitated(), c.workshopsObserved(), c.academyAssessor(),
                        c.organisationAssessor(), c.status(), c.awardedOn(), c.ilmReference()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object[] cells(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] == null ? "" : guard(values[i].toString());
        }
        return cells;
    }

    /** Neutralises text a spreadsheet would evaluate as a formula. */
    static String guard(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
