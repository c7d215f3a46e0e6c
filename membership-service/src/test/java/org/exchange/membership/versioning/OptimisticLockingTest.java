package org.exchange.membership.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Lost updates: what two people may edit (MoUs, venues, contacts, organisation details, CPD activities) is changed
 * only at the version its editor read. GET answers a strong ETag; PUT and DELETE need it as If-Match (428 without),
 * and a stale one is answered 412 problem+json with nothing changed.
 */
@MembershipIntegrationTest
class OptimisticLockingTest {

    private static final String ORG = "org-westmid-college";
    private static final String MOU_TERMS = """
            {"organisationCommitments":"%s","programmeCommitments":"Facilitator training",
             "startsOn":"2026-09-01","endsOn":"2027-08-31"}""";
    private static final String VENUE = """
            {"name":"%s","address":"1 College Road, Birmingham","postcode":"B28 8AA","capacity":40}""";

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(mvc);
    }

    @Test
    void aMemorandumAnswersAStrongETagAndEachRevisionTheNext() throws Exception {
        String mou = draftMemorandum();

        api.get(mouPath(mou), orgAdmin())
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        api.perform(edit(put(mouPath(mou)), "\"1\"", MOU_TERMS.formatted("Host two meetings a term")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.organisationCommitments").value("Host two meetings a term"));
    }

    @Test
    void aRevisionOfAMemorandumSomeoneElseRevisedIs412AndChangesNothing() throws Exception {
        String mou = draftMemorandum();
        String readByBoth = api.get(mouPath(mou), orgAdmin()).andReturn().getResponse().getHeader("ETag");

        api.perform(edit(put(mouPath(mou)), readByBoth, MOU_TERMS.formatted("Alex's wording")))
                .andExpect(status().isOk());
        api.perform(edit(put(mouPath(mou)), readByBoth, MOU_TERMS.formatted("Sam's wording")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(412))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Someone else changed")));

        api.get(mouPath(mou), orgAdmin())
                .andExpect(jsonPath("$.organisationCommitments").value("Alex's wording"))
                .andExpect(header().string("ETag", "\"2\""));
    }

    @Test
    void signingAMemorandumRevisedSinceItWasReadIs412() throws Exception {
        String mou = draftMemorandum();
        api.perform(edit(put(mouPath(mou)), "\"1\"", MOU_TERMS.formatted("Changed after the signatory read it")))
                .andExpect(status().isOk());

        api.perform(edit(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post(mouPath(mou) + "/signature"), "\"1\"", "{\"signatoryName\":\"Jo\",\"signedOn\":\"2026-09-02\"}"))
                .andExpect(status().isPreconditionFailed());
        api.get(mouPath(mou), orgAdmin()).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void changesWithoutIfMatchAreRefusedWith428() throws Exception {
        String mou = draftMemorandum();
        String venue = offerVenue();
        assertThat428(edit(put(mouPath(mou)), null, MOU_TERMS.formatted("No precondition")));
        assertThat428(edit(put(venuePath(venue)), null, VENUE.formatted("No precondition")));
        assertThat428(edit(delete(venuePath(venue)), null, null));
        assertThat428(edit(put("/api/membership/organisations/" + ORG + "/contacts"), null, "[]"));
        assertThat428(edit(put("/api/membership/organisations/" + ORG), null, "{\"name\":\"X\",\"type\":\"COLLEGE\"}")
                .with(Tokens.programmeAdmin()));

        UUID practitioner = UUID.randomUUID();
        String activity = logCpd(practitioner);
        assertThat428(put("/api/membership/me/cpd/" + activity).with(Tokens.practitioner(practitioner))
                .contentType(MediaType.APPLICATION_JSON).content(cpd("No precondition")));
        assertThat428(delete("/api/membership/me/cpd/" + activity).with(Tokens.practitioner(practitioner)));
        api.get("/api/membership/me/cpd/" + activity, Tokens.practitioner(practitioner))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
    }

    @Test
    void aWeakOrForeignTagMatchesNoVersion() throws Exception {
        String venue = offerVenue();
        api.perform(edit(put(venuePath(venue)), "W/\"1\"", VENUE.formatted("Weak")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.perform(edit(put(venuePath(venue)), "\"abc\"", VENUE.formatted("Foreign")))
                .andExpect(status().isPreconditionFailed());
        api.perform(edit(put(venuePath(venue)), "\"1\"", VENUE.formatted("Current")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
    }

    @Test
    void aVenueWithdrawnWhileSomeoneEditedItIsNotSilentlyOfferedAgain() throws Exception {
        String venue = offerVenue();
        api.perform(edit(delete(venuePath(venue)), "\"1\"", null)).andExpect(status().isOk());

        api.perform(edit(put(venuePath(venue)), "\"1\"", VENUE.formatted("Edited from a stale page")))
                .andExpect(status().isPreconditionFailed());
        api.get(venuePath(venue), orgAdmin()).andExpect(jsonPath("$.withdrawn").value(true));
    }

    @Test
    void contactsAreReplacedOnlyFromTheListTheEditorRead() throws Exception {
        String contacts = "/api/membership/organisations/" + ORG + "/contacts";
        String read = api.get(contacts, orgAdmin()).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("ETag");

        api.perform(edit(put(contacts), read, "[{\"name\":\"Mo Patel\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts[0].name").value("Mo Patel"));
        api.perform(edit(put(contacts), read, "[{\"name\":\"Ann Lee\"}]"))
                .andExpect(status().isPreconditionFailed());
        api.get(contacts, orgAdmin()).andExpect(jsonPath("$.contacts[0].name").value("Mo Patel"));
    }

    @Test
    void aCpdActivityChangedInAnotherTabIsNotOverwritten() throws Exception {
        UUID practitioner = UUID.randomUUID();
        String activity = logCpd(practitioner);
        String path = "/api/membership/me/cpd/" + activity;

        api.perform(put(path).with(Tokens.practitioner(practitioner)).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content(cpd("From the first tab")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        api.perform(put(path + "/reflection").with(Tokens.practitioner(practitioner)).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reflection\":\"From the second tab\"}"))
                .andExpect(status().isPreconditionFailed());
        api.perform(delete(path).with(Tokens.practitioner(practitioner)).header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        api.get(path, Tokens.practitioner(practitioner)).andExpect(jsonPath("$.title").value("From the first tab"));
    }

    /** Fault test: many editors save one memorandum at the same moment from the same version. */
    @Test
    void ofConcurrentRevisionsOfOneMemorandumExactlyOneTakesEffectAndTheOthersGet412() throws Exception {
        String mou = draftMemorandum();
        int editors = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> saves = new ArrayList<>();
        for (int editor = 0; editor < editors; editor++) {
            String wording = "Wording of editor " + editor;
            saves.add(() -> {
                start.await();
                return api.perform(edit(put(mouPath(mou)), "\"1\"", MOU_TERMS.formatted(wording)))
                        .andReturn().getResponse().getStatus();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Integer> answers = new ArrayList<>();
        try {
            List<Future<Integer>> futures = saves.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> answer : futures) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        long won = answers.stream().filter(code -> code == 200).count();
        long refused = answers.stream().filter(code -> code == 412).count();
        String body = api.get(mouPath(mou), orgAdmin()).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(body, "$.version");
        String kept = JsonPath.read(body, "$.organisationCommitments");
        System.out.printf("[fault] concurrent MoU edits: written %d, took effect %d, refused 412 %d, duplicates %d,"
                + " lost %d%n", editors, version - 1, refused, Math.max(0, version - 1 - won), won - (version - 1));
        assertThat(won).as("saves answered 200").isEqualTo(1);
        assertThat(refused).as("saves answered 412").isEqualTo(editors - 1);
        assertThat(version).as("one change took effect").isEqualTo(2);
        assertThat(kept).startsWith("Wording of editor ");
    }

    @Test
    void theApiDocumentStatesIfMatchTheETagAnd412And428OfEveryEdit() throws Exception {
        String json = api.get("/v3/api-docs", Tokens.practitioner(UUID.randomUUID())).andReturn().getResponse()
                .getContentAsString();
        var document = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(json).getOpenAPI();
        List<String> edits = List.of(
                "PUT /api/membership/organisations/{organisationId}",
                "PUT /api/membership/organisations/{organisationId}/contacts",
                "PUT /api/membership/organisations/{organisationId}/mous/{mouId}",
                "PUT /api/membership/organisations/{organisationId}/venues/{venueId}",
                "DELETE /api/membership/organisations/{organisationId}/venues/{venueId}",
                "PUT /api/membership/me/cpd/{activityId}",
                "PUT /api/membership/me/cpd/{activityId}/reflection",
                "DELETE /api/membership/me/cpd/{activityId}");
        for (String edit : edits) {
            String[] methodAndPath = edit.split(" ");
            var operation = document.getPaths().get(methodAndPath[1]).readOperationsMap()
                    .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(methodAndPath[0]));
            assertThat(operation.getParameters()).as(edit).anyMatch(parameter -> "If-Match".equals(parameter.getName())
                    && "header".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired()));
            assertThat(operation.getResponses()).as(edit).containsKeys("412", "428");
            assertThat(operation.getResponses().get("412").getContent()).as(edit).containsKey("application/problem+json");
        }
        for (String read : List.of("/api/membership/organisations/{organisationId}/contacts",
                "/api/membership/organisations/{organisationId}/mous/{mouId}",
                "/api/membership/organisations/{organisationId}/venues/{venueId}", "/api/membership/me/cpd/{activityId}")) {
            assertThat(document.getPaths().get(read).getGet().getResponses().get("200").getHeaders()).as(read)
                    .containsKey("ETag");
        }
    }

    private void assertThat428(MockHttpServletRequestBuilder request) throws Exception {
        api.perform(request)
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(428))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("If-Match")));
    }

    private static MockHttpServletRequestBuilder edit(MockHttpServletRequestBuilder request, String ifMatch,
            String json) {
        request.with(orgAdmin());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request;
    }

    private String draftMemorandum() throws Exception {
        String drafted = api.post("/api/membership/organisations/" + ORG + "/mous", orgAdmin(),
                MOU_TERMS.formatted("Host meetings")).andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\"")).andReturn().getResponse().getContentAsString();
        return JsonPath.read(drafted, "$.id");
    }

    private String offerVenue() throws Exception {
        String offered = api.post("/api/membership/organisations/" + ORG + "/venues", orgAdmin(),
                VENUE.formatted("Hall Green campus")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(offered, "$.id");
    }

    private String logCpd(UUID practitioner) throws Exception {
        String logged = api.post("/api/membership/me/cpd", Tokens.practitioner(practitioner), cpd("Peer observation"))
                .andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\""))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(logged, "$.id");
    }

    private static String cpd(String title) {
        return "{\"type\":\"COURSE\",\"title\":\"" + title + "\",\"occurredOn\":\"2026-01-10\",\"hours\":2}";
    }

    private static String mouPath(String mou) {
        return "/api/membership/organisations/" + ORG + "/mous/" + mou;
    }

    private static String venuePath(String venue) {
        return "/api/membership/organisations/" + ORG + "/venues/" + venue;
    }

    private static RequestPostProcessor orgAdmin() {
        return Tokens.orgAdmin(ORG);
    }
}
