package org.exchange.notification.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.exchange.notification.preference.Category;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's notification feed: what the portal's bell shows. */
@RestController
@RequestMapping("/api/notifications/feed")
@Validated
@Tag(name = "Feed")
class FeedController {

    private final Notifications notifications;
    private final Clock clock;

    FeedController(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The caller's latest notifications, newest first, with the count of unread ones")
    Feed feed(Caller caller, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        List<Entry> entries = notifications.latest(caller.subjectId(), limit).stream().map(Entry::of).toList();
        return new Feed(entries, notifications.countUnread(caller.subjectId()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read")
    ResponseEntity<Void> markRead(Caller caller, @PathVariable UUID id) {
        if (!notifications.markRead(caller.subjectId(), id, clock.instant())) {
            throw new NotFoundException("You have no notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A page of the feed. */
    record Feed(List<Entry> items, int unread) {
    }

    /** One notification as the portal shows it. */
    record Entry(UUID id, Category category, String title, String body, Instant createdAt, boolean read) {

        static Entry of(Notification n) {
            return new Entry(n.id(), n.category(), n.title(), n.body(), n.createdAt(), n.readAt() != null);
        }
    }
}
