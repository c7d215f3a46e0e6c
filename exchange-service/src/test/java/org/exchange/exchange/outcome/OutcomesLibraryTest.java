package org.exchange.exchange.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

class OutcomesLibraryTest extends ExchangeIntegrationTest {

    private static final Instant LONG_AGO = Instant.parse("2005-06-01T12:00:00Z");

    @Autowired
    JdbcClient jdbc;

    UUID lead = UUID.randomUUID();
    UUID network;
    UUID group;
    /** A word no other test's outcomes use, so searches here find only this test's outcomes. */
    String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeEach
    void anActiveGroup() throws Exception {
        network = api.westMidlands();
        group = api.activeGroup(network, lead, 10);
    }

    @Test
    void aPublishedOutcomeIsFoundInThePublicLibraryWithoutSigningIn() throws Exception {
        UUID outcome = ExchangeApi.id(publish(facilitator(lead), "REPORT", "Peer assessment in ESOL " + marker,
                "ESOL", "https://files.test/peer-assessment.pdf")
                .andExpect(status().isCreated()));

        String found = ExchangeApi.body(mvc.perform(get("/api/exchange/outcomes").param("q", "assessing " + marker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.moreThanTotal").value(false))
                .andExpect(jsonPath("$.items[0].id").value(outcome.toString()))
                .andExpect(jsonPath("$.items[0].authorNames[0]").value("Jo Bloggs"))
                .andExpect(jsonPath("$.items[0].kind").value("REPORT")));
        assertThat(found).as("no personal data beyond the authors' names as published")
                .doesNotContain(lead.toString(), "publishedBy");

        mvc.perform(get("/api/exchange/outcomes/" + outcome))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Peer assessment in ESOL " + marker));
    }

    @Test
    void theLibraryFiltersByAreaNetworkAndYearAndPages() throws Exception {
        publish(facilitator(lead), "CASE_STUDY", "Fractions with cooking " + marker, "maths",
                "https://files.test/a.pdf").andExpect(status().isCreated());
        publish(facilitator(lead), "RESOURCE", "Fraction cards " + marker, "maths", "https://files.test/b.pdf")
                .andExpect(status().isCreated());
        publish(facilitator(lead), "OTHER", "Speaking circles " + marker, "ESOL", "https://files.test/c.pdf")
                .andExpect(status().isCreated());
        int thisYear = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();

        search("area", "Maths").andExpect(jsonPath("$.total").value(2));
        search("networkId", network.toString()).andExpect(jsonPath("$.total").value(3));
        search("networkId", UUID.randomUUID().toString()).andExpect(jsonPath("$.total").value(0));
        search("year", String.valueOf(thisYear)).andExpect(jsonPath("$.total").value(3));
        search("year", String.valueOf(thisYear - 3)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/exchange/outcomes").param("q", marker).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/exchange/outcomes").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void onlyTheGroupsFacilitatorsOrAProgrammeAdminPublishItsOutcome() throws Exception {
        publish(practitioner(UUID.randomUUID()), "REPORT", "Not mine " + marker, "maths", "https://files.test/x.pdf")
                .andExpect(status().isForbidden());
        publish(facilitator(UUID.randomUUID()), "REPORT", "Not mine " + marker, "maths", "https://files.test/x.pdf")
                .andExpect(status().isForbidden());
        publish(programmeAdmin(), "REPORT", "Programme's " + marker, "maths", "https://files.test/x.pdf")
                .andExpect(status().isCreated());
    }

    @Test
    void anOutcomeWithoutAWebLinkIsABadRequest() throws Exception {
        publish(facilitator(lead), "REPORT", "Broken link " + marker, "maths", "file:///etc/passwd")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("linkUrl"));
    }

    @Test
    void aMemberRecordsCascadingAnOutcomeAndTheLibraryShowsItsReach() throws Exception {
        UUID outcome = ExchangeApi.id(publish(facilitator(lead), "RESOURCE", "Fraction cards " + marker, "maths",
                "https://files.test/cards.pdf").andExpect(status().isCreated()));
        UUID member = UUID.randomUUID();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();

        mvc.perform(post("/api/exchange/outcomes/" + outcome + "/disseminations").with(practitioner(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"audience":"Maths team briefing","insideOrganisation":true,"peopleReached":12,
                         "disseminatedOn":"%s"}""".formatted(today)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/outcomes/" + outcome + "/disseminations").with(practitioner(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"audience":"Regional maths network","insideOrganisation":false,"peopleReached":30,
                         "disseminatedOn":"%s"}""".formatted(today)))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/exchange/outcomes/" + outcome))
                .andExpect(jsonPath("$.reach.disseminations").value(2))
                .andExpect(jsonPath("$.reach.peopleReached").value(42))
                .andExpect(jsonPath("$.reach.outsideOrganisation").value(1));
        mvc.perform(get("/api/exchange/me/disseminations").with(practitioner(member)))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(post("/api/exchange/outcomes/" + UUID.randomUUID() + "/disseminations")
                .with(practitioner(member)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"audience":"Team","insideOrganisation":true,"peopleReached":3,"disseminatedOn":"%s"}"""
                        .formatted(today)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/exchange/outcomes/" + outcome + "/disseminations").with(practitioner(member))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"audience":"Team","insideOrganisation":true,"peopleReached":3,"disseminatedOn":"%s"}"""
                        .formatted(LocalDate.parse(today).plusDays(1))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aSearchCountsUpToAThousandThenSaysMoreThanAndRanksTheNewestThousandMatches() throws Exception {
        outcomesMentioningTheMarker(1_000, "Found", Duration.ZERO);
        mvc.perform(get("/api/exchange/outcomes").param("q", marker))
                .andExpect(jsonPath("$.total").value(1_000))
                .andExpect(jsonPath("$.moreThanTotal").value(false));

        // one more, newer than all, and one older than all: both with the word in their title, the best matches
        outcomesMentioningTheMarker(1, "Newest " + marker, Duration.ofHours(-1));
        outcomesMentioningTheMarker(1, "Oldest " + marker, Duration.ofDays(400));

        mvc.perform(get("/api/exchange/outcomes").param("q", marker).param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(OutcomeService.COUNTED_UP_TO))
                .andExpect(jsonPath("$.moreThanTotal").value(true))
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[0].title").value("Newest " + marker + " 1"))
                .andExpect(jsonPath("$.items[1].title").value("Found 1"));
        // the pages go on past the count: the last two of the 1,002 matches, beyond the newest 1,000 that are ranked
        // (docs/adr/0031), so newest first, the oldest best match last
        mvc.perform(get("/api/exchange/outcomes").param("q", marker).param("size", "100").param("page", "10"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].title").value("Found 1000"))
                .andExpect(jsonPath("$.items[1].title").value("Oldest " + marker + " 1"))
                .andExpect(jsonPath("$.moreThanTotal").value(true));
        // a filter that narrows it below the threshold counts exactly again
        mvc.perform(get("/api/exchange/outcomes").param("q", "oldest " + marker))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.moreThanTotal").value(false))
                .andExpect(jsonPath("$.items[0].title").value("Oldest " + marker + " 1"));
    }

    @Test
    void theOpenApiDocumentSaysWhenTheTotalIsALowerBound() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.components.schemas.LibraryPage.required", hasItem("moreThanTotal")))
                .andExpect(jsonPath("$.components.schemas.LibraryPage.properties.moreThanTotal.type").value("boolean"))
                .andExpect(jsonPath("$.components.schemas.LibraryPage.properties.moreThanTotal.description")
                        .value(containsString("more than")))
                .andExpect(jsonPath("$.components.schemas.LibraryPage.properties.total.description")
                        .value(containsString("1000")));
    }

    /**
     * Outcomes of the test's network whose summary names the marker, an hour apart, the first {@code age} before mid
     * 2005: long ago, so that the library's newest outcomes, which other tests read, stay theirs.
     */
    private void outcomesMentioningTheMarker(int count, String title, Duration age) {
        jdbc.sql("""
                insert into outcome (id, network_id, kind, title, summary, author_names, subject_area, licence,
                                     link_url, published_by, published_at)
                select gen_random_uuid(), :network, 'REPORT', :title || ' ' || n, 'What the group found: ' || :marker,
                       array['Jo Bloggs'], 'maths', 'CC BY 4.0', 'https://files.test/' || n || '.pdf', :by,
                       cast(:at as timestamptz) - n * interval '1 hour'
                from generate_series(1, :count) n""")
                .param("network", network).param("title", title).param("marker", marker).param("by", lead)
                .param("at", Timestamp.from(LONG_AGO.minus(age))).param("count", count)
                .update();
    }

    private ResultActions search(String parameter, String value) throws Exception {
        return mvc.perform(get("/api/exchange/outcomes").param("q", marker).param(parameter, value))
                .andExpect(status().isOk());
    }

    private ResultActions publish(JwtRequestPostProcessor who, String kind, String title, String area, String link)
            throws Exception {
        return mvc.perform(post("/api/exchange/outcomes").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"%s","title":"%s",
                         "summary":"What the group found when members assessed each other's work.",
                         "authorNames":["Jo Bloggs"],"subjectArea":"%s","licence":"CC BY 4.0","linkUrl":"%s"}"""
                        .formatted(group, kind, title, area, link)));
    }
}
