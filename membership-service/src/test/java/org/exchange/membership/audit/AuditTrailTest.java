package org.exchange.membership.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The audit trail: who changed an organisation's records, when, before and after; read by those who manage them. */
@MembershipIntegrationTest
class AuditTrailTest {

    private static final String VENUE = """
            {"name":"Hall Green campus","address":"1 College Road, Birmingham","postcode":"B28 8AA",
             "capacity":%d,"accessibility":"Step-free"}""";

    @Autowired
    MockMvc mvc;

    Api api;
    String org;
    UUID admin;
    RequestPostProcessor orgAdmin;

    @BeforeEach
    void anOrganisationWithItsOwnAdmin() throws Exception {
        api = new Api(mvc);
        org = "org-audit-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/membership/organisations", Tokens.programmeAdmin(),
                "{\"id\":\"%s\",\"name\":\"Audited College\",\"type\":\"COLLEGE\"}".formatted(org))
                .andExpect(status().isCreated());
        admin = UUID.randomUUID();
        orgAdmin = Tokens.token(admin, org, "org-admin");
    }

    @Test
    void aChangedVenueIsRecordedWithWhoWhenAndTheRecordBeforeAndAfter() throws Exception {
        String venue = offerVenue(40);
        changeVenue(venue, "\"1\"", 24).andExpect(status().isOk());

        String page = audit("?subjectType=venue&subjectId=" + venue, Tokens.programmeAdmin());
        List<Map<String, Object>> entries = JsonPath.read(page, "$.entries");
        assertThat(entries).extracting(entry -> entry.get("action")).containsExactly("venue.changed", "venue.offered");
        Map<String, Object> changed = entries.getFirst();
        assertThat(changed).containsEntry("actorId", admin.toString()).containsEntry("organisationId", org)
                .containsEntry("actorRoles", List.of("org-admin"));
        assertThat((List<String>) changed.get("changed")).contains("capacity");
        assertThat(JsonPath.<Integer>read(page, "$.entries[0].before.capacity")).isEqualTo(40);
        assertThat(JsonPath.<Integer>read(page, "$.entries[0].after.capacity")).isEqualTo(24);
        assertThat(entries.getLast()).doesNotContainKey("before");
    }

    @Test
    void aRefusedChangeLeavesNoEntry() throws Exception {
        String venue = offerVenue(40);
        changeVenue(venue, "\"7\"", 10).andExpect(status().isPreconditionFailed());

        assertThat(JsonPath.<List<String>>read(audit("?subjectId=" + venue, Tokens.programmeAdmin()),
                "$.entries[*].action")).containsExactly("venue.offered");
    }

    @Test
    void anOrgAdminReadsOnlyTheirOwnOrganisationsEntriesAndAPractitionerNone() throws Exception {
        String venue = offerVenue(30);
        assertThat(JsonPath.<List<String>>read(audit("?subjectId=" + venue, orgAdmin), "$.entries[*].action"))
                .containsExactly("venue.offered");
        RequestPostProcessor otherAdmin = Tokens.orgAdmin("org-westmid-college");
        assertThat(JsonPath.<List<Object>>read(audit("?subjectId=" + venue, otherAdmin), "$.entries")).isEmpty();
        api.get("/api/membership/audit?organisationId=" + org, otherAdmin)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").exists());
        api.get("/api/membership/audit", Tokens.practitioner(UUID.randomUUID())).andExpect(status().isForbidden());
    }

    @Test
    void entriesComeInPagesNewestFirst() throws Exception {
        String venue = offerVenue(40);
        changeVenue(venue, "\"1\"", 30).andExpect(status().isOk());
        changeVenue(venue, "\"2\"", 20).andExpect(status().isOk());

        String first = audit("?subjectId=" + venue + "&limit=2", Tokens.programmeAdmin());
        assertThat(JsonPath.<List<Integer>>read(first, "$.entries[*].after.capacity")).containsExactly(20, 30);
        Number next = JsonPath.read(first, "$.next");
        String second = audit("?subjectId=" + venue + "&limit=2&before=" + next, Tokens.programmeAdmin());
        assertThat(JsonPath.<List<String>>read(second, "$.entries[*].action")).containsExactly("venue.offered");
        assertThat(JsonPath.<Object>read(second, "$")).asInstanceOf(
                InstanceOfAssertFactories.MAP).doesNotContainKey("next");
        // found by fuzzing: an instant no database timestamp holds was a 500
        api.get("/api/membership/audit?from=%2B999999999-12-31T23%3A59%3A59Z", Tokens.programmeAdmin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("from")));
        api.get("/api/membership/audit?limit=0", Tokens.programmeAdmin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(containsString("limit"))));
    }

    @Test
    void aPractitionersRemovedCpdActivityIsRecordedAsAboutThemUntilTheyAreErased() throws Exception {
        UUID grace = UUID.randomUUID();
        String activity = JsonPath.read(api.logCpd(grace, LocalDate.of(2026, 10, 5), "2.5", "Tried think-pair-share")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        api.perform(delete("/api/membership/me/cpd/" + activity).with(Tokens.practitioner(grace))
                .header("If-Match", "\"1\"")).andExpect(status().is2xxSuccessful());

        String page = audit("?subjectType=cpd-activity&subjectId=" + activity, Tokens.programmeAdmin());
        assertThat(JsonPath.<List<String>>read(page, "$.entries[*].action")).containsExactly("cpd-activity.removed");
        assertThat(JsonPath.<String>read(page, "$.entries[0].personId")).isEqualTo(grace.toString());
        assertThat(JsonPath.<String>read(page, "$.entries[0].actorId")).isEqualTo(grace.toString());
        assertThat(JsonPath.<String>read(page, "$.entries[0].before.reflection")).isEqualTo("Tried think-pair-share");

        // erasure keeps that it was removed, when and by whom, but no longer what the activity said
        api.post("/api/membership/me/erasure", Tokens.practitioner(grace), "").andExpect(status().isOk());
        String erased = audit("?subjectType=cpd-activity&subjectId=" + activity, Tokens.programmeAdmin());
        assertThat(JsonPath.<List<String>>read(erased, "$.entries[*].action")).containsExactly("cpd-activity.removed");
        assertThat(JsonPath.<Map<String, Object>>read(erased, "$.entries[0]")).doesNotContainKeys("before", "after")
                .containsEntry("actorId", grace.toString());
    }

    @Test
    void anExportOfPeoplesDataIsRecordedWithWhoTookWhichFileAndHowManyRows() throws Exception {
        UUID exporter = UUID.randomUUID();
        api.get("/api/membership/organisations/" + org + "/staff.csv", Tokens.token(exporter, org, "org-admin"))
                .andExpect(status().isOk());

        String page = audit("?action=export.downloaded&actorId=" + exporter, Tokens.programmeAdmin());
        assertThat(JsonPath.<List<String>>read(page, "$.entries[*].subjectId")).containsExactly(org + "-staff.csv");
        assertThat(JsonPath.<Integer>read(page, "$.entries[0].after.rows")).isZero();
        assertThat(JsonPath.<String>read(page, "$.entries[0].organisationId")).isEqualTo(org);
    }

    private String offerVenue(int capacity) throws Exception {
        return JsonPath.read(api.post("/api/membership/organisations/" + org + "/venues", orgAdmin,
                VENUE.formatted(capacity)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
    }

    private ResultActions changeVenue(String venue, String ifMatch, int capacity)
            throws Exception {
        return api.perform(put("/api/membership/organisations/" + org + "/venues/" + venue).with(orgAdmin)
                .header("If-Match", ifMatch).contentType(MediaType.APPLICATION_JSON)
                .content(VENUE.formatted(capacity)));
    }

    private String audit(String query, RequestPostProcessor who) throws Exception {
        return api.get("/api/membership/audit" + query, who).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
