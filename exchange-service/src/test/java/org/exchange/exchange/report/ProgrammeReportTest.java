package org.exchange.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.orgAdmin;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class ProgrammeReportTest extends ExchangeIntegrationTest {

    @Autowired
    Directory directory;

    @Test
    void aProgrammeAdminGetsTheNetworksFiguresAsJsonAndCsv() throws Exception {
        String college = "org-" + UUID.randomUUID();
        directory.saveOrganisation(college, "Westmid College", "COLLEGE", "West Midlands", Instant.now());
        UUID lead = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        directory.savePerson(new Person(ada, "Ada", "Lovelace", college, false), Instant.now());
        UUID network = api.westMidlands();
        UUID group = api.activeGroup(network, lead, 10);
        api.formingGroup(network, UUID.randomUUID(), 10);
        api.join(group, ada).andExpect(status().isCreated());
        UUID firstMeeting = api.groupMeeting(group, lead, 1);
        api.letTimePass(Duration.ofDays(2));
        mvc.perform(put("/api/exchange/meetings/" + firstMeeting + "/attendance").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"attendees":[{"practitionerId":"%s","role":"ATTENDEE","minutes":120},
                                      {"practitionerId":"%s","role":"LEAD_FACILITATOR","minutes":120}]}"""
                        .formatted(ada, lead)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/exchange/outcomes").with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"REPORT","title":"Interim report","summary":"What we tried.",
                         "authorNames":["Ada Lovelace"],"subjectArea":"maths","licence":"CC BY 4.0",
                         "linkUrl":"https://files.test/interim.pdf"}""".formatted(group)))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/exchange/reports/programme").param("networkId", network.toString())
                        .with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.practitionersInvolved").value(3))
                .andExpect(jsonPath("$.organisationsInvolved[0].name").value("Westmid College"))
                .andExpect(jsonPath("$.organisationsInvolved[0].practitioners").value(1))
                .andExpect(jsonPath("$.groupsByStatus.ACTIVE").value(1))
                .andExpect(jsonPath("$.groupsByStatus.FORMING").value(1))
                .andExpect(jsonPath("$.meetingsHeld").value(1))
                .andExpect(jsonPath("$.attendances").value(2))
                .andExpect(jsonPath("$.minutesAttended").value(240))
                .andExpect(jsonPath("$.outcomesPublished").value(1))
                .andExpect(jsonPath("$.groups").doesNotExist());
        mvc.perform(get("/api/exchange/reports/programme/groups").param("networkId", network.toString())
                        .with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.limit").value(50))
                .andExpect(jsonPath("$.next").doesNotExist());

        String csv = ExchangeApi.body(mvc.perform(get("/api/exchange/reports/programme.csv")
                        .param("networkId", network.toString()).with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))));
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("network,group,kind,area,status,members,meetings held,attendances,outcomes,"
                + "cycle,wave\r\n")
                .contains(",\"Maths: making fractions stick\",".replace("\"", "") + "SUBJECT,maths,ACTIVE,1,1,2,1");
    }

    @Test
    void reportsAreForProgrammeAdminsOnly() throws Exception {
        mvc.perform(get("/api/exchange/reports/programme").with(facilitator(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/reports/programme.csv").with(orgAdmin("org-westmid-college")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/exchange/reports/programme/groups").with(facilitator(UUID.randomUUID())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
