package org.exchange.notification.preference;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's choice, per category, of what reaches them by e-mail; the feed gets everything. */
@RestController
@RequestMapping("/api/notifications/preferences")
@Validated
@Tag(name = "Preferences")
class PreferenceController {

    private final PreferenceService preferences;

    PreferenceController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "Every category with whether it reaches the caller by e-mail, and whether it can be switched "
            + "off; how often the discussion digest comes")
    Choices choices(Caller caller) {
        return Choices.of(preferences.of(caller.subjectId()));
    }

    @PutMapping
    @Operation(summary = "Switches e-mail on or off for the categories named, and sets how often the discussion "
            + "digest comes; transactional categories cannot be switched off",
            description = "Categories not named keep their setting, and so does the digest when discussionDigest is "
                    + "left out. discussionDigest OFF switches the DIGEST category's e-mail off; DAILY or WEEKLY "
                    + "switches it on at that frequency. Switching off a transactional category answers 400 and "
                    + "changes nothing.")
    @ApiResponse(responseCode = "200", description = "The choices after the change")
    @ApiResponse(responseCode = "400", description = "Nothing to change, an unknown category or frequency, a category "
            + "named twice (DIGEST with discussionDigest too), or a transactional one switched off",
            content = @Content(mediaType = "application/problem+json"))
    Choices change(Caller caller, @RequestBody @Valid ChoiceChanges changes) {
        List<ChoiceChange> named = changes.categories() == null ? List.of() : changes.categories();
        if (named.isEmpty() && changes.discussionDigest() == null) {
            throw new InvalidRequestException("Name at least one category, or the discussion digest's frequency");
        }
        Map<Category, Boolean> email = new EnumMap<>(Category.class);
        for (ChoiceChange change : named) {
            if (email.put(change.category(), change.email()) != null) {
                throw new InvalidRequestException("Category " + change.category() + " is named more than once");
            }
        }
        return Choices.of(preferences.change(caller, email, changes.discussionDigest()));
    }

    /**
     * The person's choices for every category, and the digest's frequency.
     *
     * @param discussionDigest how often the digest of new posts in their discussions comes: OFF, DAILY or WEEKLY
     *     (WEEKLY unless they chose otherwise)
     */
    record Choices(List<Choice> categories, DigestFrequency discussionDigest) {

        static Choices of(PreferenceService.Settings settings) {
            return new Choices(Arrays.stream(Category.values()).map(c -> Choice.of(c, settings.email().get(c)))
                    .toList(), settings.discussionDigest());
        }
    }

    /**
     * One category as the person sees it.
     *
     * @param email whether it reaches them by e-mail
     * @param feed whether it appears in their feed: always
     * @param transactional whether it concerns their account or money and is always e-mailed
     * @param canSwitchOffEmail whether they may switch its e-mail off
     * @param note why it cannot be switched off, when it cannot
     */
    record Choice(Category category, String label, boolean email, boolean feed, boolean transactional,
            boolean canSwitchOffEmail, String note) {

        static Choice of(Category category, boolean email) {
            return new Choice(category, category.label(), email, true, category.transactional(),
                    !category.transactional(),
                    category.transactional() ? "Always sent by e-mail: it concerns your account or money" : null);
        }
    }

    /**
     * The categories whose e-mail the person switches on or off, and the digest's frequency; either may be left out.
     */
    record ChoiceChanges(@Size(max = 20) List<@NotNull @Valid ChoiceChange> categories,
            @Schema(example = "DAILY") DigestFrequency discussionDigest) {
    }

    /** One category switched on or off. */
    record ChoiceChange(@NotNull @Schema(example = "MEETING") Category category,
            @NotNull @Schema(example = "false") Boolean email) {
    }
}
