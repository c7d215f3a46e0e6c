package org.exchange.membership.onboarding;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.exchange.membership.onboarding.OnboardingService.NewOrganisation;
import org.exchange.membership.onboarding.OnboardingService.Onboarding;
import org.exchange.membership.onboarding.OnboardingService.SamlOnboarding;
import org.exchange.membership.organisation.OrganisationType;
import org.exchange.platform.problem.ProblemResponses;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner organisations' own sign-in, onboarded and watched by programme admins (issue 18, ADR 0021). */
@RestController
@RequestMapping("/api/membership/admin/partner-sign-ins")
@Tag(name = "Partner sign-in")
class OnboardingController {

    private final OnboardingService onboarding;

    OnboardingController(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Onboard a partner organisation's OpenID Connect sign-in, for an existing organisation or a"
            + " new one (programme-admin); 422 when the discovery document cannot be fetched or used; Keycloak is"
            + " configured after the commit")
    @ApiResponse(responseCode = "422", description = "The discovery document cannot be fetched or used",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    PartnerSignIn onboard(Caller caller, @Valid @RequestBody OnboardingRequest request) {
        return onboarding.onboard(caller, new Onboarding(request.organisationId(),
                newOrganisation(request.newOrganisation()), request.alias(),
                request.discoveryUrl().strip(), request.clientId(), request.clientSecret(),
                domains(request.emailDomains())));
    }

    @PostMapping("/saml")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Onboard a partner organisation's SAML 2.0 sign-in from its metadata, given by address or as"
            + " XML, for an existing organisation or a new one (programme-admin); 422 when the metadata cannot be"
            + " fetched, is not well-formed or has a DOCTYPE, describes no SAML 2.0 identity provider with a single"
            + " sign-on service, or lacks a current signing certificate; Keycloak is configured after the commit")
    @ApiResponse(responseCode = "422", description = "The metadata cannot be fetched or used",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    PartnerSignIn onboardSaml(Caller caller, @Valid @RequestBody SamlOnboardingRequest request) {
        return onboarding.onboardSaml(caller, new SamlOnboarding(request.organisationId(),
                newOrganisation(request.newOrganisation()), request.alias(),
                request.metadataUrl(), request.metadataXml(), domains(request.emailDomains())));
    }

    @PostMapping("/{alias}/live")
    @Operation(summary = "Put a partner's sign-in live once someone has signed in through it successfully (the 'try"
            + " sign-in' step): Keycloak shows it on the login page and 'sign in with your organisation' answers it"
            + " (programme-admin); 409 when no sign-in through it has succeeded yet, or it is live already")
    PartnerSignIn goLive(Caller caller, @PathVariable String alias) {
        return onboarding.goLive(caller, alias);
    }

    @GetMapping
    @Operation(summary = "Every onboarded partner with its provider's state: discovery document or SAML metadata"
            + " reachable, signing certificate expiry (SAML), applied in Keycloak, last reconciliation, staff count,"
            + " live or still being tried, last successful sign-in (programme-admin)")
    List<PartnerHealth> health(Caller caller) {
        return onboarding.health(caller);
    }

    @PostMapping("/reconciliation")
    @Operation(summary = "Compare the onboarded sign-ins with Keycloak's identity providers and mappers now, repair"
            + " the drift and report it (programme-admin)")
    ReconcileReport reconcile(Caller caller) {
        return onboarding.reconcile(caller);
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "The last reconciliation's report (programme-admin); 404 when none has run")
    ReconcileReport lastReconciliation(Caller caller) {
        return onboarding.lastReconciliation(caller);
    }

    private static List<String> domains(List<String> requested) {
        return requested == null ? List.of() : requested;
    }

    private static NewOrganisation newOrganisation(NewOrganisationRequest request) {
        return request == null ? null : new NewOrganisation(request.name().strip(), request.type(), request.region());
    }

    @ExceptionHandler(Unusable.class)
    ResponseEntity<ProblemDetail> unusableDescription(Unusable e, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(),
                request.getRequestURI());
        problem.setProperty("errors", List.of(java.util.Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(KeycloakProviders.Unavailable.class)
    ResponseEntity<ProblemDetail> keycloakUnavailable(KeycloakProviders.Unavailable e, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "Keycloak could not be asked; the reconciliation runs again by itself (" + e.getMessage() + ")",
                request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A partner's sign-in to onboard.
     *
     * @param newOrganisation the organisation to register with it; leave out for an organisation that exists
     * @param alias the identity provider's alias in the platform realm, also the first part of its users' usernames
     */
    record OnboardingRequest(
            @NotBlank @Pattern(regexp = "org-[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String organisationId,
            @Valid NewOrganisationRequest newOrganisation,
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String alias,
            @NotBlank @Pattern(regexp = "https?://\\S+") @Size(max = 500) String discoveryUrl,
            @NotBlank @Size(max = 200) @Pattern(regexp = "\\S+") String clientId,
            @NotBlank @Size(max = 500) String clientSecret,
            @Schema(description = "The e-mail domains of the organisation's staff, such as college.ac.uk; they replace"
                    + " those it has, and a domain of another organisation is a 409")
            @Size(max = 20) List<@NotNull @Size(max = 253) String> emailDomains) {

        @Override
        public String toString() { // never the secret
            return "OnboardingRequest[organisationId=" + organisationId + ", alias=" + alias + "]";
        }
    }

    /**
     * A partner's SAML 2.0 sign-in to onboard, from its identity provider's metadata: by address or pasted, one of the
     * two.
     *
     * @param newOrganisation the organisation to register with it; leave out for an organisation that exists
     * @param alias the identity provider's alias in the platform realm, also the first part of its users' usernames
     * @param metadataUrl where the identity provider publishes its metadata
     * @param metadataXml the metadata itself (an EntityDescriptor), at most 256 KiB
     */
    record SamlOnboardingRequest(
            @NotBlank @Pattern(regexp = "org-[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String organisationId,
            @Valid NewOrganisationRequest newOrganisation,
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 60) String alias,
            @Schema(description = "Where the identity provider publishes its metadata; give this or metadataXml")
            @Pattern(regexp = "https?://\\S+") @Size(max = 500) String metadataUrl,
            @Schema(description = "The metadata itself, one EntityDescriptor; give this or metadataUrl")
            @Size(max = SamlMetadataDocuments.LARGEST) String metadataXml,
            @Schema(description = "The e-mail domains of the organisation's staff, such as college.ac.uk; they replace"
                    + " those it has, and a domain of another organisation is a 409")
            @Size(max = 20) List<@NotNull @Size(max = 253) String> emailDomains) {
    }

    /** The details of an organisation registered along with its sign-in. */
    record NewOrganisationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationType type,
            @Size(max = 100) String region) {
    }
}
