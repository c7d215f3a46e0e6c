package org.exchange.membership.invoice;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.membership.access.Access;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices: a practitioner's own, and every invoice for programme admins. */
@RestController
@RequestMapping("/api/membership")
@Tag(name = "Invoices")
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/me/invoices")
    @Operation(summary = "The caller's invoices, newest first")
    List<Invoice> mine(Caller caller) {
        return invoices.ofPractitioner(caller.subjectId());
    }

    @GetMapping("/admin/invoices")
    @Operation(summary = "Invoices in number order, optionally only those with a status (programme-admin)")
    List<Invoice> all(Caller caller, @RequestParam(required = false) Invoice.Status status) {
        Access.requireProgrammeAdmin(caller);
        return invoices.list(status);
    }
}
