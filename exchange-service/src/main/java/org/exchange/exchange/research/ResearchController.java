package org.exchange.exchange.research;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A group's action research: trials, observations, and the evaluation of what works. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Action research")
class ResearchController {

    private final ResearchService research;

    ResearchController(ResearchService research) {
        this.research = research;
    }

    @PostMapping("/groups/{groupId}/research/trials")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a trial of a method (the group's members and facilitators)")
    ActionResearch.Trial startTrial(@PathVariable UUID groupId, @Valid @RequestBody StartTrial body, Caller caller) {
        return research.startTrial(groupId, body.method(), body.aim(), body.startedOn(), caller);
    }

    @PostMapping("/research/trials/{trialId}/observations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record what was observed in a trial (the group's members and facilitators)")
    ActionResearch.Observation observe(@PathVariable UUID trialId, @Valid @RequestBody Observe body, Caller caller) {
        return research.observe(trialId, body.observedOn(), body.observation(), caller);
    }

    @PostMapping("/groups/{groupId}/research/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the group's evaluation of what works (its facilitators or a programme admin)")
    ActionResearch.Evaluation evaluate(@PathVariable UUID groupId, @Valid @RequestBody Evaluate body, Caller caller) {
        return research.evaluate(groupId, body.whatWorks(), body.whatDidNot(), body.nextSteps(), caller);
    }

    @GetMapping("/groups/{groupId}/research")
    @Operation(summary = "The group's action research log (its members, facilitators and programme admins)")
    ActionResearch.Log log(@PathVariable UUID groupId, Caller caller) {
        return research.log(groupId, caller);
    }

    /** A trial to start. */
    record StartTrial(@NotBlank @Size(max = 300) String method, @NotBlank @Size(max = 2000) String aim,
            @NotNull LocalDate startedOn) {
    }

    /** An observation to record. */
    record Observe(@NotNull LocalDate observedOn, @NotBlank @Size(max = 5000) String observation) {
    }

    /** The group's evaluation. */
    record Evaluate(@NotBlank @Size(max = 5000) String whatWorks, @Size(max = 5000) String whatDidNot,
            @Size(max = 5000) String nextSteps) {
    }
}
