package org.exchange.membership.organisation;

import static org.exchange.membership.versioning.Versioned.tagged;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.exchange.membership.organisation.MemorandumOfUnderstanding.Terms;
import org.exchange.membership.organisation.Organisation.Contact;
import org.exchange.membership.organisation.OrganisationService.ContactList;
import org.exchange.membership.organisation.OrganisationService.OrganisationProfile;
import org.exchange.membership.organisation.OrganisationService.VenueDetails;
import org.exchange.membership.versioning.ExpectedVersion;
import org.exchange.membership.versioning.IfMatch;
import org.exchange.membership.versioning.SendsEntityTag;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner organisations: registered by programme admins, managed by their own org-admins. */
@RestController
@RequestMapping("/api/membership/organisations")
@Tag(name = "Partner organisations")
class OrganisationController {

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "Every partner organisation (id, name, type, region), for anyone signed in")
    List<OrganisationSummary> all() {
        return organisations.all().stream().map(OrganisationSummary::of).toList();
    }

    @GetMapping("/by-identity-provider/{alias}")
    @Operation(summary = "The organisation whose staff sign in through this identity provider alias; 404 when none")
    OrganisationSummary withIdentityProvider(@PathVariable String alias) {
        return OrganisationSummary.of(organisations.withIdentityProvider(alias));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a partner organisation (programme-admin)")
    Organisation register(Caller caller, @Valid @RequestBody NewOrganisation request) {
        return organisations.register(caller, new Organisation(request.id(), request.name().strip(), request.type(),
                request.region(), blankToNull(request.identityProviderAlias()), contacts(request.contacts()), null, 0, 0));
    }

    @GetMapping("/{organisationId}")
    @Operation(summary = "An organisation with its contacts, MoUs, venues and contributions (programme-admin or its org-admin)")
    OrganisationProfile profile(Caller caller, @PathVariable String organisationId) {
        return organisations.profile(caller, organisationId);
    }

    @PutMapping("/{organisationId}")
    @Operation(summary = "Change an organisation's name, type, region or identity provider alias (programme-admin);"
            + " If-Match is the quoted version of organisation in its profile")
    ResponseEntity<Organisation> changeDetails(Caller caller, @PathVariable String organisationId,
            ExpectedVersion expected, @Valid @RequestBody OrganisationDetails request) {
        return tagged(organisations.changeDetails(caller, organisationId, expected, request.name().strip(),
                request.type(), request.region(), blankToNull(request.identityProviderAlias())));
    }

    @GetMapping("/{organisationId}/contacts")
    @SendsEntityTag
    @Operation(summary = "The organisation's contacts (programme-admin or its org-admin)")
    ResponseEntity<ContactList> contacts(Caller caller, @PathVariable String organisationId) {
        return tagged(organisations.contacts(caller, organisationId));
    }

    @PutMapping("/{organisationId}/contacts")
    @Operation(summary = "Replace the organisation's contacts (programme-admin or its org-admin)")
    ResponseEntity<ContactList> replaceContacts(Caller caller, @PathVariable String organisationId,
            ExpectedVersion expected,
            @Valid @RequestBody @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts) {
        return tagged(organisations.replaceContacts(caller, organisationId, expected, contacts(contacts)));
    }

    @PostMapping("/{organisationId}/mous")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a Memorandum of Understanding (programme-admin or its org-admin)")
    @SendsEntityTag
    ResponseEntity<MemorandumOfUnderstanding> draftMemorandum(Caller caller, @PathVariable String organisationId,
            @Valid @RequestBody TermsRequest request) {
        return tagged(HttpStatus.CREATED, organisations.draftMemorandum(caller, organisationId, request.terms()));
    }

    @GetMapping("/{organisationId}/mous/{mouId}")
    @SendsEntityTag
    @Operation(summary = "One memorandum of the organisation (programme-admin or its org-admin)")
    ResponseEntity<MemorandumOfUnderstanding> memorandum(Caller caller, @PathVariable String organisationId,
            @PathVariable UUID mouId) {
        return tagged(organisations.memorandum(caller, organisationId, mouId));
    }

    @PutMapping("/{organisationId}/mous/{mouId}")
    @Operation(summary = "Revise a draft memorandum (programme-admin or its org-admin); 409 once signed")
    ResponseEntity<MemorandumOfUnderstanding> reviseMemorandum(Caller caller, @PathVariable String organisationId,
            @PathVariable UUID mouId, ExpectedVersion expected, @Valid @RequestBody TermsRequest request) {
        return tagged(organisations.reviseMemorandum(caller, organisationId, mouId, expected, request.terms()));
    }

    @PostMapping("/{organisationId}/mous/{mouId}/signature")
    @Operation(summary = "Sign a draft memorandum for the organisation (programme-admin or its org-admin); with "
            + "If-Match, only the version the signatory read")
    ResponseEntity<MemorandumOfUnderstanding> signMemorandum(Caller caller, @PathVariable String organisationId,
            @PathVariable UUID mouId, @IfMatch(required = false) ExpectedVersion expected,
            @Valid @RequestBody SignatureRequest request) {
        return tagged(organisations.signMemorandum(caller, organisationId, mouId, expected,
                request.signatoryName().strip(), request.signatoryRole(), request.signedOn()));
    }

    @PostMapping("/{organisationId}/mous/{mouId}/expiry")
    @Operation(summary = "End a signed memorandum (programme-admin)")
    ResponseEntity<MemorandumOfUnderstanding> expireMemorandum(Caller caller, @PathVariable String organisationId,
            @PathVariable UUID mouId, @IfMatch(required = false) ExpectedVersion expected) {
        return tagged(organisations.expireMemorandum(caller, organisationId, mouId, expected));
    }

    @PostMapping("/{organisationId}/venues")
    @ResponseStatus(HttpStatus.CREATED)
    @SendsEntityTag
    @Operation(summary = "Offer a venue to host meetings (programme-admin or its org-admin)")
    ResponseEntity<Venue> offerVenue(Caller caller, @PathVariable String organisationId,
            @Valid @RequestBody VenueRequest request) {
        return tagged(HttpStatus.CREATED, organisations.offerVenue(caller, organisationId, request.details()));
    }

    @GetMapping("/{organisationId}/venues/{venueId}")
    @SendsEntityTag
    @Operation(summary = "One venue of the organisation (programme-admin or its org-admin)")
    ResponseEntity<Venue> venue(Caller caller, @PathVariable String organisationId, @PathVariable UUID venueId) {
        return tagged(organisations.venue(caller, organisationId, venueId));
    }

    @PutMapping("/{organisationId}/venues/{venueId}")
    @Operation(summary = "Change an offered venue (programme-admin or its org-admin)")
    ResponseEntity<Venue> changeVenue(Caller caller, @PathVariable String organisationId, @PathVariable UUID venueId,
            ExpectedVersion expected, @Valid @RequestBody VenueRequest request) {
        return tagged(organisations.changeVenue(caller, organisationId, venueId, expected, request.details()));
    }

    @DeleteMapping("/{organisationId}/venues/{venueId}")
    @Operation(summary = "Withdraw an offered venue (programme-admin or its org-admin)")
    ResponseEntity<Venue> withdrawVenue(Caller caller, @PathVariable String organisationId,
            @PathVariable UUID venueId, ExpectedVersion expected) {
        return tagged(organisations.withdrawVenue(caller, organisationId, venueId, expected));
    }

    @PostMapping("/{organisationId}/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a financial contribution the organisation pledges (programme-admin or its org-admin)")
    FinancialContribution pledge(Caller caller, @PathVariable String organisationId,
            @Valid @RequestBody ContributionRequest request) {
        return organisations.pledgeContribution(caller, organisationId, request.amount(), request.currency(),
                request.purpose().strip(), request.pledgedOn());
    }

    private static List<Contact> contacts(List<ContactRequest> requests) {
        return requests == null ? List.of() : requests.stream()
                .map(c -> new Contact(c.name().strip(), c.role(), c.email(), c.phone())).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An organisation as anyone signed in may see it. */
    record OrganisationSummary(String id, String name, OrganisationType type, String region,
            String identityProviderAlias) {

        static OrganisationSummary of(Organisation organisation) {
            return new OrganisationSummary(organisation.id(), organisation.name(), organisation.type(),
                    organisation.region(), organisation.identityProviderAlias());
        }
    }

    /** A new partner organisation; its id is what tokens will carry, such as {@code org-westmid-college}. */
    record NewOrganisation(
            @NotBlank @Pattern(regexp = "org-[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationType type,
            @Size(max = 100) String region,
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String identityProviderAlias,
            @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts) {
    }

    record OrganisationDetails(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationType type,
            @Size(max = 100) String region,
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 80) String identityProviderAlias) {
    }

    record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String role,
            @Email @Size(max = 200) String email,
            @Size(max = 40) String phone) {
    }

    record TermsRequest(
            @NotBlank @Size(max = 10000) String organisationCommitments,
            @NotBlank @Size(max = 10000) String programmeCommitments,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {

        Terms terms() {
            return new Terms(organisationCommitments.strip(), programmeCommitments.strip(), startsOn, endsOn);
        }
    }

    record SignatureRequest(
            @NotBlank @Size(max = 200) String signatoryName,
            @Size(max = 200) String signatoryRole,
            @NotNull LocalDate signedOn) {
    }

    record VenueRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String address,
            @NotBlank @Size(max = 10) String postcode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @Min(1) @Max(10000) Integer capacity,
            @Size(max = 1000) String accessibility) {

        VenueDetails details() {
            return new VenueDetails(name.strip(), address.strip(), postcode.strip().toUpperCase(), latitude,
                    longitude, capacity, accessibility);
        }
    }

    record ContributionRequest(
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotBlank @Size(max = 500) String purpose,
            @NotNull LocalDate pledgedOn) {
    }
}
