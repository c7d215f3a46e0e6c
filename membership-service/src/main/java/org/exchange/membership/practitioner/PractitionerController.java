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
import org.exchange.membership.practitioner.Practitioner.ProfileDetails;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in practitioner's own profile. */
@RestController
@RequestMapping("/api/membership")
@Tag(name = "Practitioner profile")
class PractitionerController {

    private final PractitionerService practitioners;

    PractitionerController(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's profile; created from the access token on the first call")
    ProfileView me(Caller caller) {
        return ProfileView.of(practitioners.me(caller), caller);
    }

    @PutMapping("/me/profile")
    @Operation(summary = "Complete or change the caller's profile: job role, organisation, region, specialisms, consents")
    ProfileView completeProfile(Caller caller, @Valid @RequestBody ProfileRequest request) {
        return ProfileView.of(practitioners.completeProfile(caller, request.details()), caller);
    }

    /** What a practitioner may say about themselves. */
    record ProfileRequest(
            @NotBlank @Size(max = 200) String jobRole,
            @Size(max = 100) String organisationId,
            @Size(max = 100) String region,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialisms,
            @NotNull Boolean newsletterConsent,
            @NotNull Boolean nameOnOutcomesConsent) {

        ProfileDetails details() {
            return new ProfileDetails(jobRole.strip(), blankToNull(organisationId), blankToNull(region),
                    specialisms == null ? List.of() : specialisms.stream().map(String::strip).distinct().toList(),
                    newsletterConsent, nameOnOutcomesConsent);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A practitioner's profile as the API shows it to them. */
    record ProfileView(UUID id, String email, String givenName, String familyName, String organisationId,
            Set<String> roles, Instant registeredAt, String jobRole, String region, List<String> specialisms,
            boolean newsletterConsent, boolean nameOnOutcomesConsent, boolean profileComplete, Instant erasedAt) {

        static ProfileView of(Practitioner practitioner, Caller caller) {
            return new ProfileView(practitioner.id(), practitioner.email(), practitioner.givenName(),
                    practitioner.familyName(), practitioner.organisationId(), caller.roles(),
                    practitioner.registeredAt(), practitioner.jobRole(), practitioner.region(),
                    practitioner.specialisms(), practitioner.newsletterConsent(),
                    practitioner.nameOnOutcomesConsent(), practitioner.profileUpdatedAt() != null,
                    practitioner.erasedAt());
        }
    }
}
