package org.exchange.notification.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.problem.InvalidRequestException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the mail system reports bounces: the delivery status notification it received for a mail this service sent,
 * as the message itself. Called by the mail system with its own credentials (HTTP Basic, {@link BounceSecurity}),
 * never by a person.
 */
@RestController
@Tag(name = "Mail delivery")
class BounceController {

    static final String PATH = "/api/notifications/bounces";
    static final String MESSAGE_RFC822 = "message/rfc822";

    private final BounceReports reports;

    BounceController(BounceReports reports) {
        this.reports = reports;
    }

    @PostMapping(path = PATH, consumes = MESSAGE_RFC822)
    @Operation(summary = "A delivery status notification (RFC 3464 multipart/report) for a mail sent: the mail becomes "
            + "BOUNCED; after a hard bounce (status 5.x.x) its address gets no more newsletters",
            security = @SecurityRequirement(name = BounceSecurity.SCHEME))
    BounceReports.BounceOutcome report(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "The delivery status notification as the mail system received it", content = @Content(
                    mediaType = MESSAGE_RFC822, schema = @Schema(type = "string", format = "binary")))
            @RequestBody byte[] message) {
        try {
            return reports.apply(DeliveryStatusReport.parse(message));
        } catch (DeliveryStatusReport.NotAReport e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
