package org.exchange.exchange.enquiry;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enquiries through the contact forms of networks and of the Learning Exchange: sending one and reading one's own
 * with the replies; the programme admins' shared inbox, replying (mailed to the person) and closing. An enquiry the
 * caller may not read is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/exchange")
@Validated
@Tag(name = "Enquiries")
class EnquiryController {

    /** The longest subject, in characters. */
    static final int MAX_SUBJECT = 200;
    /** The longest message or reply, in characters. */
    static final int MAX_TEXT = 5_000;
    /** Plain text: any character but the control characters other than tab and line breaks (PostgreSQL keeps no NUL). */
    static final String PLAIN_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    private static final String NO_CONTROL = "must be plain text, without control characters";

    private final EnquiryService enquiries;

    EnquiryController(EnquiryService enquiries) {
        this.enquiries = enquiries;
    }

    @PostMapping("/enquiries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send an enquiry to a network (networkId) or to the Learning Exchange (no networkId); "
            + "programme admins answer it by e-mail and in the portal")
    @ApiResponse(responseCode = "429", description = "Too many enquiries from the caller in the last hour "
            + "(exchange.enquiries.per-person-per-hour); Retry-After says when to try again", content = @Content(
                    mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    EnquiryService.EnquiryView send(@Valid @RequestBody SendEnquiry body, Caller caller) {
        return enquiries.send(body.networkId(), body.subject(), body.message(), caller);
    }

    @GetMapping("/me/enquiries")
    @Operation(summary = "The caller's enquiries, newest first, with their status and the replies to them")
    List<EnquiryService.EnquiryView> mine(Caller caller) {
        return enquiries.mine(caller);
    }

    @GetMapping("/enquiries")
    @Operation(summary = "The shared inbox of enquiries, newest first, filtered by status and by network or the "
            + "Learning Exchange, with the count of each status (programme admins)")
    EnquiryService.Inbox inbox(@RequestParam(required = false) Enquiry.Status status,
            @RequestParam(required = false) UUID networkId,
            @RequestParam(defaultValue = "false") boolean learningExchange, Caller caller) {
        return enquiries.inbox(status, networkId, learningExchange, caller);
    }

    @GetMapping("/enquiries/{enquiryId}")
    @Operation(summary = "One enquiry with its replies (its sender; programme admins)")
    EnquiryService.EnquiryView enquiry(@PathVariable UUID enquiryId, Caller caller) {
        return enquiries.get(enquiryId, caller);
    }

    @PostMapping("/enquiries/{enquiryId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer an enquiry: the reply is e-mailed to its sender and shown to them in the portal, and "
            + "the enquiry is answered (programme admins; a closed enquiry is answered 409)")
    EnquiryService.EnquiryView reply(@PathVariable UUID enquiryId, @Valid @RequestBody ReplyBody body, Caller caller) {
        return enquiries.reply(enquiryId, body.text(), caller);
    }

    @PostMapping("/enquiries/{enquiryId}/closing")
    @Operation(summary = "Close an enquiry: it stays readable and nothing more is written to it (programme admins)")
    EnquiryService.EnquiryView close(@PathVariable UUID enquiryId, Caller caller) {
        return enquiries.close(enquiryId, caller);
    }

    /**
     * An enquiry as sent through a contact form.
     *
     * @param networkId the network to write to, or null for the Learning Exchange
     */
    record SendEnquiry(UUID networkId,
            @NotBlank @Size(max = MAX_SUBJECT) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL) String subject,
            @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL) String message) {
    }

    /** A programme admin's reply, in plain text. */
    record ReplyBody(@NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL) String text) {
    }
}
