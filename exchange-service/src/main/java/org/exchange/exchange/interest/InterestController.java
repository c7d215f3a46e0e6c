package org.exchange.exchange.interest;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interest in a subject: registering and withdrawing it (signed in, or by e-mail with consent and a confirmation
 * link), and the demand it adds up to, for programme admins.
 */
@RestController
@RequestMapping("/api/exchange")
@Validated
@Tag(name = "Interest in a subject")
class InterestController {

    /** A subject area or region as people write it: letters, digits, spaces and a little punctuation. */
    static final String NAME = "[\\p{L}\\p{N}][\\p{L}\\p{N} &',()/.+-]*";
    /** A one-time token of a confirmation or withdrawal link (SecretTokens: 43 URL-safe characters). */
    static final String TOKEN = "[A-Za-z0-9_-]{20,100}";

    private final InterestService interests;

    InterestController(InterestService interests) {
        this.interests = interests;
    }

    @PostMapping("/me/interests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register the caller's interest in a subject area in a region; they are told once when a "
            + "group in that area opens in one of the region's networks (registering again re-arms it)")
    InterestView register(@Valid @RequestBody RegisterInterest body, Caller caller) {
        return view(interests.register(body.area(), body.region(), caller));
    }

    @GetMapping("/me/interests")
    @Operation(summary = "The caller's interests, and whether they were told of a group")
    List<InterestView> mine(Caller caller) {
        return interests.mine(caller).stream().map(InterestController::view).toList();
    }

    @DeleteMapping("/me/interests")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw one of the caller's interests")
    void withdraw(@RequestParam @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String area,
            @RequestParam @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String region, Caller caller) {
        interests.withdraw(area, region, caller);
    }

    @PostMapping("/interests/by-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Register interest without an account (no sign-in): with an address and consent, a "
            + "confirmation link is sent and nothing else until it is followed (double opt-in); the answer is the same "
            + "whether the address is known or not; too many registrations are answered 429")
    Accepted registerByEmail(@Valid @RequestBody RegisterInterestByEmail body) {
        interests.registerByEmail(body.email(), body.area(), body.region());
        return new Accepted("If the address can receive mail, a confirmation link is on its way. Your interest counts "
                + "once you follow it.");
    }

    @PostMapping("/interests/confirmation")
    @Operation(summary = "Confirm an interest registered by e-mail with the one-time token of its confirmation link "
            + "(no sign-in)")
    InterestView confirm(@Valid @RequestBody TokenBody body) {
        return view(interests.confirm(body.token()));
    }

    @PostMapping("/interests/withdrawal")
    @Operation(summary = "Withdraw an interest registered by e-mail with the token of its confirmation or notice link "
            + "(no sign-in); the interest and its address are deleted")
    InterestView withdrawByToken(@Valid @RequestBody TokenBody body) {
        return view(interests.withdrawByToken(body.token()));
    }

    @GetMapping("/interests/regions")
    @Operation(summary = "The regions interest can be registered in: those of the networks (no sign-in)")
    List<String> regions() {
        return interests.regions();
    }

    @GetMapping("/interests/demand")
    @Operation(summary = "Demand for groups by subject area and region: counts of confirmed interests, how many wait "
            + "for a group, and the groups forming or active there; never who (programme admin)")
    List<InterestService.Demand> demand(Caller caller) {
        return interests.demand(caller);
    }

    private static InterestView view(Interest interest) {
        return new InterestView(interest.area(), interest.region(), interest.registeredAt(), interest.confirmed(),
                interest.notifiedAt());
    }

    /** An interest in an area and a region. */
    record RegisterInterest(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String area,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String region) {
    }

    /** An interest registered by e-mail: the address, and the person's explicit consent to be written to about it. */
    record RegisterInterestByEmail(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String area,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String region,
            @AssertTrue(message = "Agree to be e-mailed about groups in this area and region") boolean consent) {
    }

    /** The one-time token of a link. */
    record TokenBody(@NotNull @Pattern(regexp = TOKEN) String token) {
    }

    /** What was accepted, for the person to read. */
    record Accepted(String message) {
    }

    /**
     * An interest as its owner sees it; the address is never shown.
     *
     * @param confirmed whether it counts (at once when signed in; once the address is confirmed otherwise)
     * @param toldOfGroupAt when its person was told of a group that opened, or null
     */
    record InterestView(String area, String region, Instant registeredAt, boolean confirmed, Instant toldOfGroupAt) {
    }
}
