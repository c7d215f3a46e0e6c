package org.exchange.exchange.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.testing.TwoInstances;
import org.exchange.testing.TwoInstances.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exchange-service scaled out to two instances: they share membership's topic, and each person's registration and
 * later profile change take effect once, though both come again latest first to either instance: a late repeat of
 * the registration would put the old family name back.
 */
class TwoInstancesShareMembershipEventsTest extends ExchangeIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesShareMembershipsTopicAndEachPersonsEventsTakeEffectOnceThoughDeliveredAgain() {
        List<UUID> people = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            String email = person + "@college.test";
            events.add(Event.of(person, new PractitionerRegistered(person, email, "Grace", "Hopper",
                    "org-westmid-college", Instant.parse("2026-11-23T10:00:00Z"))));
            events.add(Event.of(person, new PractitionerProfileUpdated(person, email, "Grace", "Lovelace",
                    "Lecturer in maths", "org-westmid-college", "West Midlands", List.of("maths"), false, false,
                    Instant.parse("2026-11-24T10:00:00Z"))));
        }

        TwoInstances.deliver(context, events);

        assertThat(jdbc.sql("""
                        select family_name from practitioner_directory
                         where practitioner_id in (:people) and not name_on_outcomes""")
                .param("people", people).query(String.class).list())
                .as("each person as their last profile has them, once")
                .hasSize(people.size()).containsOnly("Lovelace");
    }
}
