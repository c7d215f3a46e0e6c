package org.exchange.membership.practitioner;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
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

    /** A practitioner's profile as the API shows it to them. */
    record ProfileView(UUID id, String email, String givenName, String familyName, String organisationId,
            java.util.Set<String> roles, Instant registeredAt) {

        static ProfileView of(Practitioner practitioner, Caller caller) {
            return new ProfileView(practitioner.id(), practitioner.email(), practitioner.givenName(),
                    practitioner.familyName(), practitioner.organisationId(), caller.roles(), practitioner.registeredAt());
        }
    }
}
