package org.exchange.membership.practitioner;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.practitioner.Practitioner.ProfileDetails;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in practitioner's own profile. */
@RestController
@RequestMapping("/api/membership")
@Tag(name = "Practitioner profile")
class PractitionerController {

    private final PractitionerService practitioners;
    private final OrganisationService organisations;

    PractitionerController(PractitionerService practitioners, OrganisationService organisations) {
        this.practitioners = practitioners;
        this.organisations = organisations;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's profile; created from the access token on the first call")
    ProfileView me(Caller caller) {
        return profile(practitioners.me(caller), caller);
    }

    @PutMapping("/me/profile")
    @Operation(summary = "Complete or change the caller's profile: job role, region, specialisms, consents, and the "
            + "organisation they ask to join when their sign-in names none (its org-admin confirms it)")
    ProfileView completeProfile(Caller caller, @Valid @RequestBody ProfileRequest request) {
        return profile(practitioners.completeProfile(caller, request.details()), caller);
    }

    @GetMapping("/organisations/{organisationId}/staff-requests")
    @Operation(summary = "The people asking to join the organisation (its org-admins, programme admins)")
    List<StaffRequestView> staffRequests(Caller caller, @PathVariable String organisationId) {
        return practitioners.askingToJoin(caller, organisationId).stream().map(StaffRequestView::of).toList();
    }

    @PostMapping("/organisations/{organisationId}/staff-requests/{practitionerId}/confirm")
    @Operation(summary = "Confirm that a person who asked to join is the organisation's staff (its org-admins)")
    StaffRequestView confirmStaff(Caller caller, @PathVariable String organisationId,
            @PathVariable UUID practitionerId) {
        return StaffRequestView.of(practitioners.confirmStaff(caller, organisationId, practitionerId));
    }

    @DeleteMapping("/organisations/{organisationId}/staff-requests/{practitionerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decline a person's request to join the organisation (its org-admins)")
    void declineStaff(Caller caller, @PathVariable String organisationId, @PathVariable UUID practitionerId) {
        practitioners.declineStaff(caller, organisationId, practitionerId);
    }

    /**
     * What a practitioner may say about themselves. Their organisation is not among it: it comes from their sign-in,
     * or they ask to join one and its org-admin confirms.
     */
    record ProfileRequest(
            @NotBlank @Size(max = 200) String jobRole,
            @Size(max = 100) String requestedOrganisationId,
            @Size(max = 100) String region,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialisms,
            @NotNull Boolean newsletterConsent,
            @NotNull Boolean nameOnOutcomesConsent) {

        ProfileDetails details() {
            return new ProfileDetails(jobRole.strip(), blankToNull(requestedOrganisationId), blankToNull(region),
                    specialisms == null ? List.of() : specialisms.stream().map(String::strip).distinct().toList(),
                    newsletterConsent, nameOnOutcomesConsent);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A practitioner's profile as the API shows it to them. */
    private ProfileView profile(Practitioner practitioner, Caller caller) {
        return ProfileView.of(practitioner, caller, organisations.nameOf(practitioner.organisationId()).orElse(null));
    }

    /** A person's own profile; the organisation's name beside its id, so that no page shows a raw id. */
    record ProfileView(UUID id, String email, String givenName, String familyName, String organisationId,
            String organisationName, String requestedOrganisationId, Set<String> roles, Instant registeredAt, String jobRole, String region, List<String> specialisms,
            boolean newsletterConsent, boolean nameOnOutcomesConsent, boolean profileComplete, Instant erasedAt) {

        static ProfileView of(Practitioner practitioner, Caller caller, String organisationName) {
            return new ProfileView(practitioner.id(), practitioner.email(), practitioner.givenName(),
                    practitioner.familyName(), practitioner.organisationId(), organisationName,
                    practitioner.requestedOrganisationId(), caller.roles(),
                    practitioner.registeredAt(), practitioner.jobRole(), practitioner.region(),
                    practitioner.specialisms(), practitioner.newsletterConsent(),
                    practitioner.nameOnOutcomesConsent(), practitioner.profileUpdatedAt() != null,
                    practitioner.erasedAt());
        }
    }

    /** A person asking to join an organisation, as its org-admin sees them. */
    record StaffRequestView(UUID practitionerId, String givenName, String familyName, String email, String jobRole,
            String organisationId, String requestedOrganisationId) {

        static StaffRequestView of(Practitioner person) {
            return new StaffRequestView(person.id(), person.givenName(), person.familyName(), person.email(),
                    person.jobRole(), person.organisationId(), person.requestedOrganisationId());
        }
    }
}
