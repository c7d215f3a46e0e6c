package org.exchange.membership.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.membership.access.Access;
import org.exchange.membership.invoice.Invoice.Payment;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invoices for ILM award programme fees (issued when accreditation accepts an enrolment): their payment. */
@RestController
@RequestMapping("/api/membership/admin/award-invoices")
@Tag(name = "Invoices")
class AwardInvoiceController {

    private final InvoiceService invoices;
    private final Clock clock;

    AwardInvoiceController(InvoiceService invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @PostMapping("/{invoiceId}/payment")
    @Operation(summary = "Record an offline payment of an award programme's invoice (programme-admin)")
    Invoice recordPayment(Caller caller, @PathVariable UUID invoiceId, @Valid @RequestBody AwardPayment body) {
        Access.requireProgrammeAdmin(caller);
        if (body.paidOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("A payment cannot be recorded before it is made");
        }
        return invoices.recordAwardPayment(invoiceId,
                new Payment(body.method(), body.reference(), body.paidOn(), caller.subjectId()));
    }

    /** How and when the fee was paid. */
    record AwardPayment(@NotNull Invoice.Method method, @Size(max = 200) String reference, @NotNull LocalDate paidOn) {
    }
}
