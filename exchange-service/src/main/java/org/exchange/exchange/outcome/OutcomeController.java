package org.exchange.exchange.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.exchange.history.RecordedAfterwards;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.security.Caller;
import org.exchange.platform.validation.WebLink;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public outcomes library, publishing into it, and dissemination records. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Outcomes library")
class OutcomeController {

    private final OutcomeService outcomes;

    OutcomeController(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @PostMapping("/outcomes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish an outcome into the public library (the group's facilitators or a programme admin)")
    OutcomeView publish(@Valid @RequestBody PublishOutcome body, Caller caller) {
        if (body.publishedOn() != null) {
            throw new InvalidRequestException("publishedOn", "An outcome published now takes today's date; record one "
                    + "that came out earlier with POST /api/exchange/outcomes/past");
        }
        return view(outcomes.publish(newOutcome(body), caller));
    }

    private static OutcomeService.NewOutcome newOutcome(PublishOutcome body) {
        return new OutcomeService.NewOutcome(body.networkId(), body.groupId(), body.kind(), body.title(),
                body.summary(), body.authorNames(), body.subjectArea(), body.licence(), body.linkUrl());
    }

    @GetMapping("/groups/{groupId}/outcome-draft")
    @Operation(summary = "The group's outcome draft: replies marked what works, quoted with their attribution, to "
            + "write the outcome from; nothing in it is published (the group's facilitators or a programme admin)")
    OutcomeService.Draft draft(@PathVariable UUID groupId, Caller caller) {
        return outcomes.draft(groupId, caller);
    }

    @DeleteMapping("/groups/{groupId}/outcome-draft/items/{itemId}")
    @Operation(summary = "Take a quotation out of the group's outcome draft (the group's facilitators or a programme "
            + "admin)")
    OutcomeService.Draft removeFromDraft(@PathVariable UUID groupId, @PathVariable UUID itemId, Caller caller) {
        return outcomes.removeFromDraft(groupId, itemId, caller);
    }

    @PostMapping("/outcomes/past")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an outcome that came out earlier, as programme history, under the date it came out "
            + "(publishedOn, required here) and marked as recorded afterwards (a programme admin; a group's "
            + "facilitator for their own group, within exchange.history.facilitator-days of that date)")
    OutcomeView publishPast(@Valid @RequestBody PublishOutcome body, Caller caller) {
        if (body.publishedOn() == null) {
            throw new InvalidRequestException("publishedOn",
                    "An outcome recorded afterwards needs the date it came out");
        }
        return view(outcomes.publishPast(newOutcome(body), body.publishedOn(), caller));
    }

    @GetMapping("/outcomes")
    @Operation(summary = "Search the outcomes library by text, area, network and year (public, no sign-in); best "
            + "matches first for text, else the newest; the total is counted up to " + OutcomeService.COUNTED_UP_TO,
            description = "With text, the newest " + OutcomeService.COUNTED_UP_TO + " matches are ranked, best "
                    + "first (then the newest); any older matches follow them, newest first, unranked. Without text, "
                    + "the newest first.")
    LibraryPage search(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) UUID networkId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        OutcomeService.Page found = outcomes.search(new OutcomeService.LibraryQuery(q, area, networkId, year, page,
                size));
        Map<UUID, OutcomeService.Reach> reach = outcomes.reach(found.items().stream().map(Outcome::id).toList());
        return new LibraryPage(found.items().stream().map(outcome -> view(outcome, reach.get(outcome.id()))).toList(),
                found.page(), found.size(), found.total(), found.moreThanTotal());
    }

    @GetMapping("/outcomes/{id}")
    @Operation(summary = "One outcome with how far it was disseminated (public)")
    OutcomeView one(@PathVariable UUID id) {
        Outcome outcome = outcomes.get(id);
        return view(outcome, outcomes.reach(List.of(id)).get(id));
    }

    @PostMapping("/outcomes/{id}/disseminations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the caller cascaded an outcome, to whom and how many people")
    Dissemination disseminate(@PathVariable UUID id, @Valid @RequestBody RecordDissemination body, Caller caller) {
        return outcomes.disseminate(id, new OutcomeService.NewDissemination(body.audience(),
                body.insideOrganisation(), body.peopleReached(), body.disseminatedOn()), caller);
    }

    @GetMapping("/me/disseminations")
    @Operation(summary = "What the caller cascaded")
    List<Dissemination> mine(Caller caller) {
        return outcomes.mine(caller);
    }

    /** The outcome as its publisher sees it: with who recorded it afterwards. */
    private OutcomeView view(Outcome outcome) {
        return view(outcome, outcomes.reach(List.of(outcome.id())).get(outcome.id()), outcome.recordedAfterwards());
    }

    /** The outcome as the public library shows it: when it was recorded afterwards, not by whom. */
    private static OutcomeView view(Outcome outcome, OutcomeService.Reach reach) {
        return view(outcome, reach, RecordedAfterwards.anonymous(outcome.recordedAfterwards()));
    }

    private static OutcomeView view(Outcome outcome, OutcomeService.Reach reach, RecordedAfterwards afterwards) {
        return new OutcomeView(outcome.id(), outcome.networkId(), outcome.groupId(), outcome.kind(), outcome.title(),
                outcome.summary(), outcome.authorNames(), outcome.subjectArea(), outcome.licence(), outcome.linkUrl(),
                outcome.publishedAt(), afterwards, reach);
    }


    /** An outcome to publish. */
    record PublishOutcome(
            UUID networkId,
            UUID groupId,
            @NotNull OutcomeKind kind,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 5000) String summary,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 200) String> authorNames,
            @NotBlank @Size(max = 100) String subjectArea,
            @NotBlank @Size(max = 100) String licence,
            @NotBlank @Size(max = 1000) @WebLink String linkUrl,
            LocalDate publishedOn) {
    }

    /** A dissemination to record. */
    record RecordDissemination(
            @NotBlank @Size(max = 500) String audience,
            boolean insideOrganisation,
            @Min(1) @Max(100_000) int peopleReached,
            @NotNull LocalDate disseminatedOn) {
    }

    /**
     * An outcome as the public library shows it: author names as entered for publication, nothing else personal.
     *
     * @param recordedAfterwards when it was entered, if it was recorded after it came out (programme history); who
     *     entered it shows only to them; null otherwise
     */
    record OutcomeView(UUID id, UUID networkId, UUID groupId, OutcomeKind kind, String title, String summary,
            List<String> authorNames, String subjectArea, String licence, String linkUrl, Instant publishedAt,
            RecordedAfterwards recordedAfterwards, OutcomeService.Reach reach) {
    }

    /** One page of the library. */
    record LibraryPage(List<OutcomeView> items, int page, int size,
            @Schema(description = "How many outcomes match, counted up to " + OutcomeService.COUNTED_UP_TO
                    + "; when more match, " + OutcomeService.COUNTED_UP_TO + " and moreThanTotal is true")
            long total,
            @Schema(description = "More outcomes match than total: say \"more than\" total; the pages go on past it")
            boolean moreThanTotal) {
    }
}
