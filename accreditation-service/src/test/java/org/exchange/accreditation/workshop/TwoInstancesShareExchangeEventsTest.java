package org.exchange.accreditation.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.testing.TwoInstances;
import org.exchange.testing.TwoInstances.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accreditation-service scaled out to two instances: they share exchange's topic, and each facilitated meeting, and
 * each correction that takes one out, enter the portfolio once, though they come again latest first to either
 * instance: a late repeat of a recording corrected away would put the workshop back.
 */
class TwoInstancesShareExchangeEventsTest extends AccreditationIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesShareExchangesTopicAndEachAttendanceTakesEffectOnceThoughDeliveredAgain() {
        List<UUID> people = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            UUID facilitated = UUID.randomUUID();
            UUID correctedAway = UUID.randomUUID();
            events.add(Event.of(person, facilitated(facilitated, person, 90, "2027-05-20T16:00:00Z", false)));
            events.add(Event.of(person, facilitated(correctedAway, person, 60, "2027-05-27T16:00:00Z", false)));
            events.add(Event.of(person, facilitated(correctedAway, person, 0, "2027-05-28T09:00:00Z", true)));
        }

        TwoInstances.deliver(context, events);

        assertThat(jdbc.sql("select minutes from workshop where practitioner_id in (:people)")
                .param("people", people).query(Integer.class).list())
                .as("one workshop per person: the one facilitated, not the one corrected away")
                .hasSize(people.size()).containsOnly(90);
    }

    private static AttendanceRecorded facilitated(UUID attendance, UUID practitioner, int minutes, String recordedAt,
            boolean correction) {
        return new AttendanceRecorded(attendance, UUID.nameUUIDFromBytes(attendance.toString().getBytes()),
                UUID.randomUUID(), UUID.randomUUID(), practitioner, "org-westmid-college", "FACILITATOR", minutes,
                "Fractions that stick, meeting 2", "GROUP_MEETING", Instant.parse("2027-05-20T08:30:00Z"),
                Instant.parse(recordedAt), correction);
    }
}
