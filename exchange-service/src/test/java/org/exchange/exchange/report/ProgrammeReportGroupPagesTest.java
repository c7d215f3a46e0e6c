package org.exchange.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.platform.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The report's group lines a page at a time (keyset pagination, docs/adr/0026): every line once, in the report's
 * order, for each scope and page size; a bad cursor or limit is the client's mistake.
 */
class ProgrammeReportGroupPagesTest extends ExchangeIntegrationTest {

    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "admin", null, null, null, null,
            Set.of(Caller.ROLE_PROGRAMME_ADMIN));
    private static final String PAGES = "/api/exchange/reports/programme/groups";

    @Autowired
    ReportService reports;

    @Autowired
    JdbcClient jdbc;

    UUID lead = UUID.randomUUID();
    UUID network;
    UUID otherNetwork;
    UUID cycle;

    @BeforeEach
    void twoNetworksWithGroupsOfTheSameAndOfDifferentNamesInTwoWaves() throws Exception {
        network = api.westMidlands();
        otherNetwork = api.westMidlands();
        cycle = ExchangeApi.id(mvc.perform(post("/api/exchange/networks/" + network + "/cycles")
                .with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Paged cycle","startsOn":"2026-01-01","endsOn":"2027-12-31","waves":[
                           {"number":1,"name":"Wave 1","startsOn":"2026-01-01","endsOn":"2026-12-31"},
                           {"number":2,"name":"Wave 2","startsOn":"2027-01-01","endsOn":"2027-12-31"}]}"""))
                .andExpect(status().isCreated()));
        int wave = 0;
        for (String name : List.of("Reading for pleasure", "Algebra with adults", "Reading for pleasure",
                "Zines in ESOL", "Reading for pleasure")) {
            placeInProgramme(group(network, name), wave++ % 2 + 1);
        }
        group(otherNetwork, "Algebra with adults");
        group(otherNetwork, "Coding clubs");
    }

    @Test
    void everyLineComesOnceInTheReportsOrderWhateverThePageSize() throws Exception {
        for (ReportScope scope : List.of(new ReportScope(network, null, null), new ReportScope(null, cycle, null),
                new ReportScope(network, cycle, 2), new ReportScope(null, cycle, 1),
                new ReportScope(otherNetwork, null, null), new ReportScope(null, null, null))) {
            List<ProgrammeReport.GroupLine> all = reports.allGroups(scope, ADMIN);
            assertThat(all).as("the export's lines are the oracle's, scope %s", scope)
                    .isEqualTo(new RawReportQueries(jdbc).groups(scope, clock.instant()));
            // the whole programme (every test's groups) in larger pages, to keep the test short
            for (int limit : scope.networkId() == null && scope.cycleId() == null ? List.of(7, 500)
                    : List.of(1, 2, 3, 500)) {
                List<ProgrammeReport.GroupLine> paged = GroupPages.every(reports, scope, limit, ADMIN);
                assertThat(paged).as("scope %s, %d a page", scope, limit).isEqualTo(all);
                assertThat(paged).extracting(ProgrammeReport.GroupLine::groupId).doesNotHaveDuplicates();
            }
        }
        assertThat(reports.allGroups(new ReportScope(network, null, null), ADMIN))
                .extracting(ProgrammeReport.GroupLine::group)
                .containsExactly("Algebra with adults", "Reading for pleasure", "Reading for pleasure",
                        "Reading for pleasure", "Zines in ESOL");
    }

    @Test
    void aClientPagesThroughOneNetworkOverHttpFollowingNext() throws Exception {
        List<String> names = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder request = get(PAGES).param("networkId", network.toString())
                    .param("limit", "2").with(programmeAdmin());
            if (after != null) {
                request.param("after", after);
            }
            String page = ExchangeApi.body(mvc.perform(request).andExpect(status().isOk())
                    .andExpect(jsonPath("$.limit").value(2)));
            names.addAll(JsonPath.read(page, "$.groups[*].group"));
            after = JsonPath.<List<String>>read(page, "$..next").stream().findFirst().orElse(null);
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("Algebra with adults", "Reading for pleasure", "Reading for pleasure",
                "Reading for pleasure", "Zines in ESOL");
    }

    @Test
    void aGroupProposedBeforeThePageReachedIsNotRepeatedAndOneAfterItIsShown() throws Exception {
        ReportScope scope = new ReportScope(network, null, null);
        GroupLinePage first = reports.groups(scope, null, 2, ADMIN);
        group(network, "Art in the workshop");
        group(network, "Young adult carers");

        List<ProgrammeReport.GroupLine> rest = new ArrayList<>();
        String after = first.next();
        while (after != null) {
            GroupLinePage page = reports.groups(scope, after, 2, ADMIN);
            rest.addAll(page.groups());
            after = page.next();
        }

        assertThat(first.groups()).extracting(ProgrammeReport.GroupLine::group)
                .containsExactly("Algebra with adults", "Reading for pleasure");
        assertThat(rest).extracting(ProgrammeReport.GroupLine::group)
                .containsExactly("Reading for pleasure", "Reading for pleasure", "Young adult carers", "Zines in ESOL");
    }

    @Test
    void aCursorOrLimitThisReportDidNotGiveIsABadRequest() throws Exception {
        String cursor = GroupCursor.after(reports.groups(new ReportScope(network, null, null), null, 1, ADMIN)
                .groups().getFirst()).encode();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 2;
        for (String bad : List.of("not a cursor!", "AAAA", Base64.getUrlEncoder().encodeToString(longer),
                Base64.getUrlEncoder().encodeToString(otherVersion), cursor.substring(0, cursor.length() - 4),
                new GroupCursor("West\0Midlands", "Maths", UUID.randomUUID()).encode())) {
            refused(get(PAGES).param("after", bad), "after");
        }
        refused(get(PAGES).param("after", ""), "after");
        refused(get(PAGES).param("after", "A".repeat(1001)), "after");
        refused(get(PAGES).param("limit", "0"), "limit");
        refused(get(PAGES).param("limit", "501"), "limit");
        refused(get(PAGES).param("limit", "fifty"), "limit");
        refused(get(PAGES).param("wave", "0"), "wave");
        mvc.perform(get(PAGES).param("after", cursor).param("limit", "500").with(programmeAdmin()))
                .andExpect(status().isOk());
    }

    @Test
    void theOpenApiDocumentStatesTheBoundsTheDefaultAndTheRefusal() throws Exception {
        String pages = "$.paths['" + PAGES + "'].get";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(pages + ".parameters[?(@.name == 'limit')].schema.minimum").value(1))
                .andExpect(jsonPath(pages + ".parameters[?(@.name == 'limit')].schema.maximum").value(500))
                .andExpect(jsonPath(pages + ".parameters[?(@.name == 'limit')].schema.default").value(50))
                .andExpect(jsonPath(pages + ".parameters[?(@.name == 'after')].schema.maxLength").value(1000))
                .andExpect(jsonPath(pages + ".parameters[?(@.name == 'after')].description").exists())
                .andExpect(jsonPath(pages + ".responses['400'].content['application/problem+json']").exists())
                .andExpect(jsonPath(pages + ".responses['200'].content['application/json'].schema['$ref']")
                        .value("#/components/schemas/GroupLinePage"))
                .andExpect(jsonPath("$.components.schemas.GroupLinePage.required",
                        org.hamcrest.Matchers.hasItem("limit")))
                .andExpect(jsonPath("$.components.schemas.GroupLinePage.properties.next.description").exists())
                .andExpect(jsonPath("$.components.schemas.ProgrammeReport.properties.groups").doesNotExist());
    }

    private void refused(MockHttpServletRequestBuilder request, String field) throws Exception {
        mvc.perform(request.with(programmeAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private UUID group(UUID in, String name) throws Exception {
        return ExchangeApi.id(mvc.perform(post("/api/exchange/groups").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"networkId":"%s","name":"%s","kind":"SUBJECT","area":"maths","challenge":"Paging",
                         "capacity":8,"plannedStart":"%s","plannedEnd":"%s"}"""
                        .formatted(in, name, api.tomorrow(), api.tomorrow().plusMonths(6))))
                .andExpect(status().isCreated()));
    }

    private void placeInProgramme(UUID group, int wave) throws Exception {
        mvc.perform(put("/api/exchange/groups/" + group + "/programme").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"cycleId\":\"%s\",\"waveNumber\":%d}".formatted(cycle, wave)))
                .andExpect(status().isOk());
    }
}
