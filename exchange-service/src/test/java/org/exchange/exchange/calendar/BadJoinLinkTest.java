package org.exchange.exchange.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A join link that is not a real URI is refused at the edge, and one already stored never breaks a feed. */
class BadJoinLinkTest extends ExchangeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = { "https://meet.test/{room}", "https://meet.test/a|b", "https://meet.test/\"x\"",
            "https://meet.test/100%zz", "https://meet.test/%", "https:///no-host", "ftp://meet.test/room" })
    void aJoinLinkThatIsNotAnAbsoluteHttpUriIsRefusedNamingTheField(String link) throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        LocalDateTime start = api.tomorrow().plusDays(6).atTime(16, 0);
        mvc.perform(post("/api/exchange/meetings").with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"GROUP_MEETING","title":"Fractions",
                         "when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London","onlineUrl":"%s"},
                         "capacity":10}""".formatted(group, start, start.plusHours(2), link.replace("\"", "\\\""))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("when.onlineUrl"));
        mvc.perform(get("/api/exchange/meetings").param("groupId", group.toString()))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aStoredJoinLinkThatIsNotAUriIsLeftOutOfTheFeedsWhichStillAnswer() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, member).andExpect(status().isCreated());
        UUID meeting = api.groupMeeting(group, lead, 7);
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(member)))
                .andExpect(status().isCreated());
        jdbc.sql("update meeting set online_url = 'https://meet.test/{room}|100%zz' where id = :id")
                .param("id", meeting).update();

        String path = JsonPath.read(ExchangeApi.body(mvc.perform(post("/api/exchange/calendar/feed-token")
                .with(practitioner(member))).andExpect(status().isCreated())), "$.path");
        String personal = ExchangeApi.body(mvc.perform(get(path)).andExpect(status().isOk()));
        assertThat(personal).contains("UID:" + meeting).doesNotContain("meet.test");
        String facilitators = ExchangeApi.body(mvc.perform(get(JsonPath.<String>read(ExchangeApi.body(mvc.perform(
                post("/api/exchange/calendar/feed-token").with(facilitator(lead)))), "$.path")))
                .andExpect(status().isOk()));
        assertThat(facilitators).contains("UID:" + meeting).doesNotContain("meet.test");
        mvc.perform(get("/api/exchange/calendar/groups/" + group + ".ics")).andExpect(status().isOk());
    }
}
