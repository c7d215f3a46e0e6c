package org.exchange.membership.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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

    @Test
    void invoicesIssuedConcurrentlyGetUniqueGapFreeNumbersInTheirYear() throws Exception {
        clock.setDay(LocalDate.of(2031, 6, 1));
        int issues = 40;
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            tasks.add(() -> invoices.issue(request()).number());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<String> issued : pool.invokeAll(tasks)) {
                numbers.add(issued.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(numbers).doesNotHaveDuplicates().hasSize(issues);
        List<String> all = jdbc.sql("select number from invoice where number like 'EXM-2031-%' order by number")
                .query(String.class).list();
        assertThat(all).containsExactlyElementsOf(
                IntStream.rangeClosed(1, all.size()).mapToObj(n -> "EXM-2031-%04d".formatted(n)).toList());
        assertThat(all).containsAll(numbers);
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
