package org.exchange.exchange.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CalendarFeedTest extends ExchangeIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;



    @Test
    void aGroupsFeedCarriesReschedulesAndCancellationsUnderStableUids() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID moved = api.groupMeeting(group, lead, 7);
        UUID cancelled = api.groupMeeting(group, lead, 14);
        LocalDateTime newStart = api.tomorrow().plusDays(8).atTime(17, 30);
        mvc.perform(post("/api/exchange/meetings/" + moved + "/reschedule").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                         "onlineUrl":"https://meet.test/fractions"}""".formatted(newStart, newStart.plusHours(2))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/exchange/meetings/" + cancelled + "/cancel").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Half term\"}"))
                .andExpect(status().isOk());

        String ics = ExchangeApi.body(mvc.perform(get("/api/exchange/calendar/groups/" + group + ".ics"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar")));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent rescheduled = event(calendar, moved);
        assertThat(value(rescheduled, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(rescheduled, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(rescheduled, Property.DTSTART))
                .isEqualTo(compactUtc(newStart.atZone(ExchangeApi.LONDON).toInstant()));
        VEvent gone = event(calendar, cancelled);
        assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(gone, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(gone, Property.DESCRIPTION)).contains("Half term");
    }

    @Test
    void anyoneAddsOneEventToTheirCalendarFromItsOwnFileWithoutItsJoinLink() throws Exception {
        UUID launch = api.launchEvent(api.westMidlands(), 30);

        var answer = mvc.perform(get("/api/exchange/calendar/meetings/" + launch + ".ics"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("meeting-" + launch + ".ics")))
                .andReturn().getResponse();
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.getContentAsString()));
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        assertThat(value(event(calendar, launch), Property.SUMMARY)).isEqualTo("Launch of the Professional Exchange");
        assertThat(answer.getContentAsString()).doesNotContain("meet.");
        mvc.perform(get("/api/exchange/calendar/meetings/" + UUID.randomUUID() + ".ics"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exchange/calendar/meetings/not-a-meeting.ics")).andExpect(status().isNotFound());
    }

    @Test
    void aPersonsFeedIsReadWithItsSecretTokenAndStopsWhenRevoked() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID launch = api.launchEvent(api.westMidlands(), 30);
        mvc.perform(post("/api/exchange/meetings/" + launch + "/registrations").with(practitioner(ada)))
                .andExpect(status().isCreated());

        String path = JsonPath.read(ExchangeApi.body(mvc.perform(post("/api/exchange/calendar/feed-token")
                .with(practitioner(ada))).andExpect(status().isCreated())), "$.path");

        String ics = ExchangeApi.body(mvc.perform(get(path)).andExpect(status().isOk()));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(value(event(calendar, launch), Property.SUMMARY)).isEqualTo("Launch of the Professional Exchange");
        assertThat(value(event(calendar, launch), Property.SEQUENCE)).isEqualTo("0");

        String newPath = JsonPath.read(ExchangeApi.body(mvc.perform(post("/api/exchange/calendar/feed-token")
                .with(practitioner(ada))).andExpect(status().isCreated())), "$.path");
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get(newPath)).andExpect(status().isOk());

        mvc.perform(delete("/api/exchange/calendar/feed-token").with(practitioner(ada)))
                .andExpect(status().isNoContent());
        mvc.perform(get(newPath)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCancelledEventStaysInTheFeedsOfThoseRegisteredAsCancelled() throws Exception {
        UUID ben = UUID.randomUUID();
        UUID launch = api.launchEvent(api.westMidlands(), 30);
        mvc.perform(post("/api/exchange/meetings/" + launch + "/registrations").with(practitioner(ben)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/meetings/" + launch + "/cancel").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
        String path = JsonPath.read(ExchangeApi.body(mvc.perform(post("/api/exchange/calendar/feed-token")
                .with(practitioner(ben)))), "$.path");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ExchangeApi.body(mvc.perform(get(path)))));

        assertThat(value(event(calendar, launch), Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void aFeedTokenIsStoredOnlyAsItsHash() throws Exception {
        UUID cleo = UUID.randomUUID();
        String token = JsonPath.read(ExchangeApi.body(mvc.perform(post("/api/exchange/calendar/feed-token")
                .with(practitioner(cleo))).andExpect(status().isCreated())), "$.token");

        String stored = jdbc.sql("select token_hash from calendar_feed_token where practitioner_id = :person")
                .param("person", cleo).query(String.class).single();

        assertThat(stored).isNotEqualTo(token).doesNotContain(token)
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        mvc.perform(get("/api/exchange/calendar/feeds/" + token + ".ics")).andExpect(status().isOk());
        mvc.perform(get("/api/exchange/calendar/feeds/" + stored + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownFeedIsNotFound() throws Exception {
        mvc.perform(get("/api/exchange/calendar/feeds/not-a-token.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/api/exchange/calendar/groups/" + UUID.randomUUID() + ".ics"))
                .andExpect(status().isNotFound());
    }

    private static VEvent event(Calendar calendar, UUID meeting) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(event -> value(event, Property.UID).equals(meeting + "@exchange-service"))
                .findFirst().orElseThrow(() -> new AssertionError("no VEVENT for " + meeting));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + property));
    }

    private static String compactUtc(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "");
    }
}
