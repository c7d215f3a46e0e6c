package org.exchange.membership.organisation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.membership.organisation.EmailDomainService.SignInProvider;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations' staff e-mail domains, and where a person signs in given their work address. */
@RestController
@Tag(name = "Sign in with your organisation")
class EmailDomainController {

    private final EmailDomainService emailDomains;

    EmailDomainController(EmailDomainService emailDomains) {
        this.emailDomains = emailDomains;
    }

    @GetMapping("/api/membership/organisations/{organisationId}/email-domains")
    @Operation(summary = "The e-mail domains of the organisation's staff (programme-admin or its org-admin)")
    DomainsView domains(Caller caller, @PathVariable String organisationId) {
        return new DomainsView(emailDomains.of(caller, organisationId));
    }

    @PutMapping("/api/membership/organisations/{organisationId}/email-domains")
    @Operation(summary = "Replace the e-mail domains of the organisation's staff (programme-admin); 409 for a domain "
            + "of another organisation")
    DomainsView replace(Caller caller, @PathVariable String organisationId, @Valid @RequestBody DomainsView request) {
        return new DomainsView(emailDomains.replace(caller, organisationId, request.domains()));
    }

    @GetMapping("/api/membership/sign-in/provider")
    @Operation(summary = "Where a person with this work e-mail signs in: their organisation's identity provider alias "
            + "(for the gateway's ?idp=), by the address's domain alone; 404 when no partner has that domain (anyone)")
    SignInProvider provider(@RequestParam String email) {
        return emailDomains.providerFor(email);
    }

    /** An organisation's e-mail domains, such as {@code college.ac.uk}. */
    record DomainsView(@NotNull @Size(max = 20) List<@NotNull @Size(max = 253) String> domains) {
    }
}
