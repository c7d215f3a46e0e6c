package org.exchange.membership.report;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.membership.membership.RenewalJob;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.MutableClock;
import org.exchange.membership.support.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@MembershipIntegrationTest
class ProgrammeReportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    RenewalJob renewalJob;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clock.setDay(LocalDate.of(2029, 5, 10));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void programmeAdminsSeeMembersByStatusRenewalsDueThisMonthAndLapsed() throws Exception {
        UUID renewing = UUID.randomUUID();
        UUID membership = api.activeMember(renewing, LocalDate.of(2029, 5, 10));

        api.get("/api/membership/admin/reports/members?status=ACTIVE", Tokens.programmeAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.membershipId == '" + membership + "')].expiresOn").value("2030-05-09"))
                .andExpect(jsonPath("$[*].status").value(Matchers.everyItem(Matchers.is("ACTIVE"))));

        clock.setDay(LocalDate.of(2030, 5, 2));
        api.get("/api/membership/admin/reports/renewals-due", Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.membershipId == '" + membership + "')]").isNotEmpty());
        api.get("/api/membership/admin/reports/renewals-due.csv", Tokens.programmeAdmin())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"renewals-due.csv\""))
                .andExpect(content().string(Matchers.startsWith(
                        "membershipId,practitionerId,givenName,familyName,email,organisationId,status,startedOn,expiresOn\r\n")))
                .andExpect(content().string(Matchers.containsString(membership + "," + renewing
                        + ",Grace,Hopper,p-" + renewing + "@college.test,org-westmid-college,ACTIVE,2029-05-10,2030-05-09\r\n")));

        clock.setDay(LocalDate.of(2030, 6, 9));
        renewalJob.run();
        api.get("/api/membership/admin/reports/lapsed", Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.membershipId == '" + membership + "')]").isNotEmpty());
        api.get("/api/membership/admin/reports/lapsed.csv", Tokens.programmeAdmin())
                .andExpect(content().string(Matchers.containsString(membership + ",")));
    }

    @Test
    void theViabilityTargetIsShownAgainstTheMembersThereAre() throws Exception {
        String before = api.get("/api/membership/admin/reports/viability", Tokens.programmeAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value(50))
                .andReturn().getResponse().getContentAsString();
        int members = JsonPath.read(before, "$.members");

        api.activeMember(UUID.randomUUID(), LocalDate.of(2029, 5, 10));

        api.get("/api/membership/admin/reports/viability", Tokens.programmeAdmin())
                .andExpect(jsonPath("$.members").value(members + 1))
                .andExpect(jsonPath("$.shortfall").value(Math.max(0, 50 - members - 1)));
        api.get("/api/membership/admin/reports/viability.csv", Tokens.programmeAdmin())
                .andExpect(content().string(Matchers.startsWith("measure,count\r\nTARGET,50\r\nMEMBERS," + (members + 1))));
    }

    @Test
    void revenueIsReportedPerMembershipYear() throws Exception {
        clock.setDay(LocalDate.of(2035, 2, 1));
        api.activeMember(UUID.randomUUID(), LocalDate.of(2035, 2, 1));
        api.activeMember(UUID.randomUUID(), LocalDate.of(2035, 2, 1));

        api.get("/api/membership/admin/reports/revenue", Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.membershipYear == 2035)].total").value(390.00))
                .andExpect(jsonPath("$[?(@.membershipYear == 2035)].invoicesPaid").value(2));
        api.get("/api/membership/admin/reports/revenue.csv", Tokens.programmeAdmin())
                .andExpect(content().string(Matchers.containsString("\r\n2035,GBP,390.00,2\r\n")));
    }

    @Test
    void reportsAreForProgrammeAdminsOnly() throws Exception {
        api.get("/api/membership/admin/reports/viability", Tokens.orgAdmin("org-westmid-college"))
                .andExpect(status().isForbidden());
        api.get("/api/membership/admin/reports/members.csv", Tokens.practitioner(UUID.randomUUID()))
                .andExpect(status().isForbidden());
        api.get("/api/membership/admin/reports/members?status=NONSENSE", Tokens.programmeAdmin())
                .andExpect(status().isBadRequest());
    }
}
