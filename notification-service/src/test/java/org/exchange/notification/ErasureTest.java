package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.contracts.exchange.WaitlistPromoted;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ErasureTest extends NotificationIntegrationTest {

    @Test
    void erasureRemovesTheAddressNamesAndWhatWasSaidButKeepsTheCounts() throws Exception {
        Person person = registeredPractitioner("Ada");
        UUID meeting = UUID.randomUUID();
        publish(event(new RegistrationConfirmed(meeting, person.id(), "Private meeting title", "GROUP_MEETING",
                Instant.now(), Instant.now().plusSeconds(3600), "Europe/London", Instant.now()), meeting));
        awaitOneMail(person.email(), "Your place is confirmed: Private meeting title");
        awaitOneMail(person.email(), "Welcome to the Exchange");

        publishAndAwait(new PractitionerErasureRequested(person.id(), Instant.now()), person.id());

        assertThat(jdbc.sql("select count(*) from recipient where id = :id and email is null and given_name is null "
                + "and family_name is null and erased_at is not null").param("id", person.id())
                .query(Integer.class).single()).isEqualTo(1);
        JsonNode feed = feed(person.id());
        assertThat(feed.get("items").size()).as("feed entries still counted").isEqualTo(2);
        feed.get("items").forEach(item -> {
            assertThat(item.get("title").asString()).isEqualTo("Removed at your request");
            assertThat(item.get("body").asString()).isEmpty();
        });
        assertThat(jdbc.sql("""
                select count(*) from outgoing_mail m join notification n on n.id = m.notification_id
                where n.recipient_id = :id and m.recipient = 'erased' and m.subject = '' and m.body = ''""")
                .param("id", person.id()).query(Integer.class).single()).as("mails still counted").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient = :email")
                .param("email", person.email()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from unsubscribe_token where recipient_id = :id")
                .param("id", person.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aDeadLetterAboutThePersonLosesItsPayloadAndIsNoLongerWaitingForReplay() throws Exception {
        Person person = registeredPractitioner("Grace");
        UUID other = UUID.randomUUID();
        long aboutThem = parkDeadLetter(person.id().toString(), "{\"practitionerId\":\"" + person.id()
                + "\",\"email\":\"" + person.email() + "\"}");
        long keyedByMeeting = parkDeadLetter(UUID.randomUUID().toString(), "{\"registered\":[\"" + person.id() + "\"]}");
        long someoneElse = parkDeadLetter(other.toString(), "{\"practitionerId\":\"" + other + "\"}");

        publishAndAwait(new PractitionerErasureRequested(person.id(), Instant.now()), person.id());

        for (long id : new long[] {aboutThem, keyedByMeeting}) {
            assertThat(jdbc.sql("""
                    select count(*) from dead_letter where id = :id and record_value is null
                       and exception_message is null and stack_trace is null and status = 'DISCARDED'""")
                    .param("id", id).query(Integer.class).single()).as("dead letter " + id).isOne();
        }
        assertThat(jdbc.sql("select status from dead_letter where id = :id and record_value is not null")
                .param("id", someoneElse).query(String.class).single()).isEqualTo("PARKED");
    }

    /** A record this service parked, as the dead-letter archive keeps it (how it gets there is tested elsewhere). */
    private long parkDeadLetter(String key, String payload) {
        return jdbc.sql("""
                insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, consumer_group, topic, record_key,
                                         record_value, headers, exception, exception_message, stack_trace,
                                         parked_at, status)
                values ('exchange.events.dlt', 0, :offset, 'notification-service', 'exchange.events', :key, :value, '{}',
                        'IllegalStateException', :message, 'at somewhere', now(), 'PARKED')
                returning id""")
                .param("offset", java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE))
                .param("key", key).param("value", payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .param("message", "Could not handle " + payload)
                .query(Long.class).single();
    }

    @Test
    void anErasedPersonIsToldNothingMoreByLaterEvents() throws Exception {
        Person person = registeredPractitioner("Alan");
        publishAndAwait(new PractitionerErasureRequested(person.id(), Instant.now()), person.id());

        UUID meeting = UUID.randomUUID();
        var promoted = publishAndAwait(new WaitlistPromoted(meeting, person.id(), "After erasure", "GROUP_MEETING",
                Instant.now(), Instant.now().plusSeconds(3600), "Europe/London", Instant.now()), meeting);

        assertThat(feedEntriesFor(promoted)).isZero();
        assertThat(mailsQueuedFor(promoted)).isZero();
    }

    @Test
    void erasureOfSomeoneNeverSeenKeepsThemFromBeingAddedLater() throws Exception {
        UUID stranger = UUID.randomUUID();
        publishAndAwait(new PractitionerErasureRequested(stranger, Instant.now()), stranger);

        publishAndAwait(new org.exchange.contracts.membership.PractitionerRegistered(stranger,
                "stranger-" + stranger + "@college.test", "Late", "Event", null, Instant.now()), stranger);

        await().atMost(PATIENCE).until(() -> jdbc.sql("select erased_at is not null from recipient where id = :id")
                .param("id", stranger).query(Boolean.class).single());
        assertThat(jdbc.sql("select email from recipient where id = :id").param("id", stranger)
                .query(String.class).optional()).isEmpty();
        assertThat(feed(stranger).get("items").size()).isZero();
    }
}
