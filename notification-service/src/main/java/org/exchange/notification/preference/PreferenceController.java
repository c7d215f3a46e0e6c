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
import jakarta.validation.constraints.NotEmpty;
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
    @Operation(summary = "Every category with whether it reaches the caller by e-mail, and whether it can be switched off")
    Choices choices(Caller caller) {
        return Choices.of(preferences.of(caller.subjectId()));
    }

    @PutMapping
    @Operation(summary = "Switches e-mail on or off for the categories named; transactional ones cannot be switched off",
            description = "Categories not named keep their setting. Switching off a transactional category answers "
                    + "400 and changes nothing.")
    @ApiResponse(responseCode = "200", description = "The choices after the change")
    @ApiResponse(responseCode = "400", description = "An unknown category, a category named twice, or a transactional "
            + "one switched off", content = @Content(mediaType = "application/problem+json"))
    Choices change(Caller caller, @RequestBody @Valid ChoiceChanges changes) {
        Map<Category, Boolean> email = new EnumMap<>(Category.class);
        for (ChoiceChange change : changes.categories()) {
            if (email.put(change.category(), change.email()) != null) {
                throw new InvalidRequestException("Category " + change.category() + " is named more than once");
            }
        }
        return Choices.of(preferences.change(caller, email));
    }

    /** The person's choices for every category. */
    record Choices(List<Choice> categories) {

        static Choices of(Map<Category, Boolean> email) {
            return new Choices(Arrays.stream(Category.values()).map(c -> Choice.of(c, email.get(c))).toList());
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

    /** The categories whose e-mail the person switches on or off. */
    record ChoiceChanges(@NotEmpty @Size(max = 20) List<@NotNull @Valid ChoiceChange> categories) {
    }

    /** One category switched on or off. */
    record ChoiceChange(@NotNull @Schema(example = "MEETING") Category category,
            @NotNull @Schema(example = "false") Boolean email) {
    }
}
