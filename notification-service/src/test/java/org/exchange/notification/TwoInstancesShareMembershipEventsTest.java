package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.testing.TwoInstances;
import org.exchange.testing.TwoInstances.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Notification-service scaled out to two instances: they share membership's topic, and each person's registration
 * (a welcome) and later profile change (a new address) take effect once, though both come again latest first to
 * either instance: a late repeat of the registration would welcome them again, at the old address.
 */
class TwoInstancesShareMembershipEventsTest extends NotificationIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void twoInstancesShareMembershipsTopicAndEachPersonIsWelcomedOnceAndKeptAtTheirNewAddress() {
        List<UUID> people = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            events.add(Event.of(person, new PractitionerRegistered(person, person + "@old.test", "Ada", "Lovelace",
                    "org-westmid-college", Instant.parse("2026-11-23T10:00:00Z"))));
            events.add(Event.of(person, new PractitionerProfileUpdated(person, person + "@new.test", "Ada",
                    "Lovelace", "Tutor", "org-westmid-college", "West Midlands", List.of("ESOL"), false, true,
                    Instant.parse("2026-11-24T10:00:00Z"))));
        }

        TwoInstances.deliver(context, events);

        assertThat(jdbc.sql("select count(*) from notification where recipient_id in (:people) and category = 'WELCOME'")
                .param("people", people).query(Long.class).single())
                .as("one welcome each").isEqualTo(people.size());
        assertThat(jdbc.sql("select email from recipient where id in (:people)")
                .param("people", people).query(String.class).list())
                .as("each at the address of their last profile")
                .hasSize(people.size()).allSatisfy(email -> assertThat(email).endsWith("@new.test"));
    }
}
