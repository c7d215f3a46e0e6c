package org.exchange.exchange.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registering once for all of a group's meetings: those still to come and those scheduled later. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Meetings and events")
class SeriesRegistrationController {

    private final SeriesRegistrationService series;

    SeriesRegistrationController(SeriesRegistrationService series) {
        this.series = series;
    }

    @GetMapping("/groups/{groupId}/series-registration")
    @Operation(summary = "Whether the caller is registered for all of the group's meetings, and their registrations "
            + "for its meetings still to come")
    SeriesRegistrationView state(@PathVariable UUID groupId, Caller caller) {
        return view(series.state(groupId, caller));
    }

    @PutMapping("/groups/{groupId}/series-registration")
    @Operation(summary = "Register the caller for all of the group's meetings (its members and facilitators): each "
            + "meeting still to come, and each scheduled later, gives them a place or a place on its waitlist")
    SeriesRegistrationView register(@PathVariable UUID groupId, Caller caller) {
        return view(series.register(groupId, caller));
    }

    @DeleteMapping("/groups/{groupId}/series-registration")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the caller's registration for all of the group's meetings: the registrations it made for "
            + "meetings still to come are cancelled; their own registrations stay")
    void end(@PathVariable UUID groupId, Caller caller) {
        series.end(groupId, caller);
    }

    private static SeriesRegistrationView view(SeriesRegistrationService.State state) {
        return new SeriesRegistrationView(state.groupId(), state.since().isPresent(), state.since().orElse(null),
                state.registrations().stream().map(registered -> new SeriesMeetingView(registered.meeting().id(),
                        registered.meeting().title(), OffsetDateTime.ofInstant(registered.meeting().startsAt(),
                                registered.meeting().timeZone()), registered.place(), registered.bySeries()))
                        .toList());
    }

    /**
     * The caller's registration for all of a group's meetings.
     *
     * @param registered whether they are registered for all of them
     * @param since since when, or null
     * @param meetings their registrations for the group's meetings still to come, in start order
     */
    record SeriesRegistrationView(UUID groupId, boolean registered, Instant since, List<SeriesMeetingView> meetings) {
    }

    /**
     * One of the caller's registrations for a meeting of the group still to come.
     *
     * @param bySeries whether their registration for all of the group's meetings made it (ending that cancels it)
     */
    record SeriesMeetingView(UUID meetingId, String title, OffsetDateTime startsAt, Waitlist.Place place,
            boolean bySeries) {
    }
}
