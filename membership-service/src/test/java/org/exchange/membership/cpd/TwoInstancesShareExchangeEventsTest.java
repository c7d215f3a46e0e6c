package org.exchange.membership.cpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.testing.TwoInstances;
import org.exchange.testing.TwoInstances.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Membership-service scaled out to two instances: they share exchange's topic, and each attendance and its
 * correction enter the CPD record once, though both come again latest first to either instance: a late repeat of
 * the first recording would set the hours back.
 */
@MembershipIntegrationTest
class TwoInstancesShareExchangeEventsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesShareExchangesTopicAndEachAttendanceTakesEffectOnceThoughDeliveredAgain() {
        List<UUID> attendances = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID attendance = UUID.randomUUID();
            UUID person = UUID.randomUUID();
            attendances.add(attendance);
            events.add(Event.of(attendance, attended(attendance, person, 60, false)));
            events.add(Event.of(attendance, attended(attendance, person, 90, true)));
        }

        TwoInstances.deliver(context, events);

        assertThat(jdbc.sql("select hours from cpd_activity where attendance_id in (:attendances)")
                .param("attendances", attendances).query(BigDecimal.class).list())
                .as("one CPD entry per attendance, with the corrected hours")
                .hasSize(attendances.size()).allSatisfy(hours -> assertThat(hours).isEqualByComparingTo("1.5"));
    }

    private static AttendanceRecorded attended(UUID attendance, UUID practitioner, int minutes, boolean correction) {
        return new AttendanceRecorded(attendance, UUID.randomUUID(), null, UUID.randomUUID(), practitioner,
                "org-westmid-college", "ATTENDEE", minutes, "Quarterly development day: questioning",
                "DEVELOPMENT_DAY", Instant.parse("2027-05-20T08:30:00Z"), Instant.parse("2027-05-20T16:00:00Z"),
                correction);
    }
}
