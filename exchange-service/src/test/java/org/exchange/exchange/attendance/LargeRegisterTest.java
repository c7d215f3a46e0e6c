package org.exchange.exchange.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/** A whole group's register at once: what the facilitator of a large group records after each meeting. */
class LargeRegisterTest extends ExchangeIntegrationTest {

    static final int MEMBERS = 50;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    UUID lead = UUID.randomUUID();
    List<UUID> members = new ArrayList<>();
    UUID meeting;

    @BeforeEach
    void aMeetingOfAGroupWithFiftyMembersThatHasTakenPlace() throws Exception {
        UUID group = api.formingGroup(api.westMidlands(), lead, MEMBERS + 10);
        for (int i = 0; i < MEMBERS; i++) {
            UUID member = UUID.randomUUID();
            directory.savePerson(new Person(member, "Member", "No. " + i, "org-college-" + (i % 5), false),
                    Instant.now());
            api.join(group, member).andExpect(status().isCreated());
            members.add(member);
        }
        meeting = api.groupMeeting(group, lead, 1);
        api.letTimePass(Duration.ofDays(2));
    }

    @Test
    void correctingAWholeRegisterChangesEveryLineOnceAndRepeatingItChangesNothing() throws Exception {
        register(60, null).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(MEMBERS));
        assertThat(revisions()).isEqualTo(MEMBERS);
        assertThat(published(false, 60)).isEqualTo(MEMBERS);

        int statements;
        try (StatementLog log = new StatementLog()) {
            register(61, "Everyone stayed a minute longer").andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(MEMBERS))
                    .andExpect(jsonPath("$[*].minutes", org.hamcrest.Matchers.everyItem(
                            org.hamcrest.Matchers.is(61))));
            statements = log.count();
        }
        assertThat(revisions()).as("a history row per corrected line").isEqualTo(2 * MEMBERS);
        assertThat(corrections()).as("an audit entry per corrected line").isEqualTo(MEMBERS);
        assertThat(published(true, 61)).as("an AttendanceRecorded per corrected line, in the outbox")
                .isEqualTo(MEMBERS);
        assertThat(minutes()).containsOnly(61).hasSize(MEMBERS);
        // what is still written per line is its audit entry and its event; the lines themselves are read and written
        // a statement at a time for the whole register
        assertThat(statements).as("statements of one correction of %d lines", MEMBERS).isLessThan(2 * MEMBERS + 20);

        register(61, "Everyone stayed a minute longer").andExpect(status().isOk());
        assertThat(revisions()).as("the same register again changes nothing").isEqualTo(2 * MEMBERS);
        assertThat(corrections()).isEqualTo(MEMBERS);
        assertThat(published(true, 61) + published(false, 60)).as("and publishes nothing").isEqualTo(2 * MEMBERS);
    }

    ResultActions register(int minutes, String reason) throws Exception {
        String lines = members.stream()
                .map(member -> "{\"practitionerId\":\"%s\",\"role\":\"ATTENDEE\",\"minutes\":%d}".formatted(member,
                        minutes))
                .collect(Collectors.joining(","));
        String body = "{\"attendees\":[" + lines + "]"
                + (reason == null ? "" : ",\"correctionReason\":\"" + reason + "\"") + "}";
        return mvc.perform(put("/api/exchange/meetings/" + meeting + "/attendance").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long revisions() {
        return jdbc.sql("""
                select count(*) from attendance_revision r join attendance a on a.id = r.attendance_id
                 where a.meeting_id = :meeting""").param("meeting", meeting).query(Long.class).single();
    }

    long corrections() {
        return jdbc.sql("""
                select count(*) from audit_entry e join attendance a on a.id::text = e.subject_id
                 where e.action = 'attendance.corrected' and a.meeting_id = :meeting""")
                .param("meeting", meeting).query(Long.class).single();
    }

    List<Integer> minutes() {
        return jdbc.sql("select minutes from attendance where meeting_id = :meeting").param("meeting", meeting)
                .query(Integer.class).list();
    }

    /** The meeting's AttendanceRecorded events in the outbox, first records or corrections, with these minutes. */
    long published(boolean correction, int minutes) {
        return jdbc.sql("""
                select count(*) from event_publication
                 where event_key = :meeting and serialized_event::jsonb ->> 'type' = 'exchange.AttendanceRecorded.v1'
                   and (serialized_event::jsonb -> 'data' ->> 'correction')::boolean = :correction
                   and (serialized_event::jsonb -> 'data' ->> 'minutes')::int = :minutes""")
                .param("meeting", meeting.toString()).param("correction", correction).param("minutes", minutes)
                .query(Long.class).single();
    }
}
