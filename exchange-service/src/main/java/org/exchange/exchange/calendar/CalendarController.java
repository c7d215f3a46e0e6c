package org.exchange.exchange.calendar;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** iCalendar (RFC 5545) feeds that calendar clients subscribe to. */
@RestController
@RequestMapping("/api/exchange/calendar")
@Tag(name = "Calendar feeds")
class CalendarController {

    private static final String ICS = ".ics";

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/groups/{file}")
    @Operation(summary = "A group's meetings as iCalendar, at /calendar/groups/{groupId}.ics (public)")
    ResponseEntity<String> group(@PathVariable String file) {
        UUID groupId;
        try {
            groupId = UUID.fromString(withoutExtension(file));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such calendar feed");
        }
        return ics(calendars.groupFeed(groupId));
    }

    @GetMapping("/meetings/{file}")
    @Operation(summary = "One meeting or event as an iCalendar file to add to a calendar, at "
            + "/calendar/meetings/{meetingId}.ics (public; without the join link, which is in the person's own feed)")
    ResponseEntity<String> meeting(@PathVariable String file) {
        UUID meetingId;
        try {
            meetingId = UUID.fromString(withoutExtension(file));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such meeting");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ICalendarFeed.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("meeting-" + meetingId + ICS).build().toString())
                .body(calendars.meetingFile(meetingId));
    }

    @GetMapping("/feeds/{file}")
    @Operation(summary = "A person's meetings as iCalendar, at /calendar/feeds/{token}.ics; the secret token is the "
            + "only key, so calendar clients need no sign-in")
    ResponseEntity<String> person(@PathVariable String file) {
        return ics(calendars.personFeed(withoutExtension(file)));
    }

    @PostMapping("/feed-token")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the caller a new secret feed address; an earlier one stops working")
    FeedAddress issue(Caller caller) {
        String token = calendars.issueToken(caller);
        return new FeedAddress(token, "/api/exchange/calendar/feeds/" + token + ICS);
    }

    @DeleteMapping("/feed-token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the caller's feed address")
    void revoke(Caller caller) {
        calendars.revokeToken(caller);
    }

    private static String withoutExtension(String file) {
        if (!file.endsWith(ICS)) {
            throw new NotFoundException("Calendar feeds end in .ics");
        }
        return file.substring(0, file.length() - ICS.length());
    }

    private static ResponseEntity<String> ics(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ICalendarFeed.MEDIA_TYPE)).body(body);
    }

    /** Where the caller's calendar feed is; the path is relative to the platform's public address. */
    record FeedAddress(String token, String path) {
    }
}
