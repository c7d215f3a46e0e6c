package org.exchange.membership.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.exchange.membership.invoice.Invoice.Purpose;
import org.exchange.membership.invoice.InvoiceService.InvoiceRequest;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MembershipIntegrationTest
class InvoiceNumberingTest {

    @Autowired
    InvoiceService invoices;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Fault test: 50 threads issue invoices of one year at the same moment, every fifth in a transaction that then
     * rolls back. The committed ones hold exactly the numbers 1..40: no gap, no duplicate.
     */
    @Test
    void invoicesIssuedConcurrentlyGetUniqueGapFreeNumbersInTheirYear() throws Exception {
        clock.setDay(LocalDate.of(2031, 6, 1));
        int issues = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            boolean rolledBack = i % 5 == 4;
            tasks.add(() -> {
                start.await();
                return transaction.execute(status -> {
                    String number = invoices.issue(request()).number();
                    if (rolledBack) {
                        status.setRollbackOnly();
                        return null;
                    }
                    return number;
                });
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(issues);
        List<String> numbers = new ArrayList<>();
        try {
            List<Future<String>> issued = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> invoice : issued) {
                if (invoice.get() != null) {
                    numbers.add(invoice.get());
                }
            }
        } finally {
            pool.shutdown();
        }

        List<String> all = jdbc.sql("select number from invoice where number like 'EXM-2031-%' order by number")
                .query(String.class).list();
        List<String> gapFree = IntStream.rangeClosed(1, all.size()).mapToObj(n -> "EXM-2031-%04d".formatted(n))
                .toList();
        System.out.printf("[fault] concurrent invoice numbering: written %d (%d rolled back), took effect %d,"
                + " duplicates %d, lost %d, gaps %d%n", issues, issues - numbers.size(), all.size(),
                numbers.size() - numbers.stream().distinct().count(),
                numbers.stream().filter(number -> !all.contains(number)).count(),
                gapFree.stream().filter(number -> !all.contains(number)).count());
        assertThat(numbers).doesNotHaveDuplicates().hasSize(40);
        assertThat(all).containsExactlyElementsOf(gapFree);
        assertThat(all).containsExactlyInAnyOrderElementsOf(numbers);
    }

    @Test
    void aRolledBackIssueGivesItsNumberBack() {
        clock.setDay(LocalDate.of(2032, 1, 5));
        transaction.executeWithoutResult(status -> {
            invoices.issue(request());
            status.setRollbackOnly();
        });

        assertThat(invoices.issue(request()).number()).isEqualTo("EXM-2032-0001");
    }

    @Test
    void eachYearStartsItsNumbersAtOne() {
        clock.setDay(LocalDate.of(2033, 12, 31));
        assertThat(invoices.issue(request()).number()).isEqualTo("EXM-2033-0001");
        clock.setDay(LocalDate.of(2034, 1, 1));
        assertThat(invoices.issue(request()).number()).isEqualTo("EXM-2034-0001");
    }

    private static InvoiceRequest request() {
        return new InvoiceRequest(UUID.randomUUID(), UUID.randomUUID(), "numbering@college.test", "Ada",
                Purpose.MEMBERSHIP, 2031, new BigDecimal("195.00"), "GBP", 30);
    }
}
