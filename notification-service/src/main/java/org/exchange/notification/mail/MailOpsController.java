package org.exchange.notification.mail;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** E-mails that could not be sent, for the people who run the platform. */
@RestController
@RequestMapping("/api/notifications/mail")
@PreAuthorize("hasRole('programme-admin')")
@Tag(name = "Mail delivery")
class MailOpsController {

    private final MailQueue queue;

    MailOpsController(MailQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/failed")
    @Operation(summary = "E-mails given up on after their attempts, newest first")
    List<FailedMail> failed() {
        return queue.failed(200).stream()
                .map(m -> new FailedMail(m.id(), m.recipient(), m.subject(), m.attempts(), m.lastError()))
                .toList();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Queues a failed e-mail again")
    ResponseEntity<Void> retry(@PathVariable UUID id) {
        if (!queue.requeue(id)) {
            throw new NotFoundException("No failed mail " + id);
        }
        return ResponseEntity.accepted().build();
    }

    /** A mail that could not be delivered. */
    record FailedMail(UUID id, String recipient, String subject, int attempts, String lastError) {
    }
}
