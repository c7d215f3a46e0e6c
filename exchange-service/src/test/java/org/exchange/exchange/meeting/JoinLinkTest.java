package org.exchange.exchange.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** A meeting's online join link reaches only those registered for it and those who run it. */
class JoinLinkTest extends ExchangeIntegrationTest {

    private static final String LINK = "https://meet.test/fractions";

    @Test
    void aGroupMeetingsJoinLinkShowsOnlyToThoseRegisteredAndThoseWhoRunIt() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID registered = UUID.randomUUID();
        UUID memberNotRegistered = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, registered).andExpect(status().isCreated());
        api.join(group, memberNotRegistered).andExpect(status().isCreated());
        UUID meeting = api.groupMeeting(group, lead, 7);
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(registered)))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/exchange/meetings").param("groupId", group.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].onlineUrl").doesNotExist())
                .andExpect(jsonPath("$[0].online").value(true));
        mvc.perform(get("/api/exchange/meetings/" + meeting))
                .andExpect(jsonPath("$.online").value(true))
                .andExpect(jsonPath("$.onlineUrl").doesNotExist());
        assertLink(meeting, group, practitioner(memberNotRegistered), null);
        assertLink(meeting, group, practitioner(UUID.randomUUID()), null);
        assertLink(meeting, group, practitioner(registered), LINK);
        assertLink(meeting, group, facilitator(lead), LINK);
        assertLink(meeting, group, programmeAdmin(), LINK);
        mvc.perform(get("/api/exchange/me/registrations").with(practitioner(registered)))
                .andExpect(jsonPath("$[0].meeting.onlineUrl").value(LINK));
    }

    @Test
    void thePublicGroupFeedCarriesNoJoinLinkButTheRegisteredPersonsOwnFeedDoes() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID registered = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, registered).andExpect(status().isCreated());
        UUID meeting = api.groupMeeting(group, lead, 7);
        mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations").with(practitioner(registered)))
                .andExpect(status().isCreated());

        String groupFeed = ExchangeApi.body(mvc.perform(get("/api/exchange/calendar/groups/" + group + ".ics"))
                .andExpect(status().isOk()));
        assertThat(groupFeed).contains("LOCATION:Online").doesNotContain("meet.test");

        String path = JsonPath.read(ExchangeApi.body(mvc.perform(post("/api/exchange/calendar/feed-token")
                .with(practitioner(registered))).andExpect(status().isCreated())), "$.path");
        assertThat(ExchangeApi.body(mvc.perform(get(path)).andExpect(status().isOk()))).contains("URL:" + LINK);
    }

    private void assertLink(UUID meeting, UUID group, JwtRequestPostProcessor who, String expected) throws Exception {
        mvc.perform(get("/api/exchange/meetings/" + meeting).with(who))
                .andExpect(status().isOk())
                .andExpect(expected == null ? jsonPath("$.onlineUrl").doesNotExist()
                        : jsonPath("$.onlineUrl").value(expected));
        mvc.perform(get("/api/exchange/meetings").param("groupId", group.toString()).with(who))
                .andExpect(status().isOk())
                .andExpect(expected == null ? jsonPath("$[0].onlineUrl").doesNotExist()
                        : jsonPath("$[0].onlineUrl").value(expected));
    }
}
