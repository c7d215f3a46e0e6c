package org.exchange.exchange.discussion;

import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.orgAdmin;
import static org.exchange.exchange.ExchangeApi.person;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The Learning Exchange's own discussion space, whose members exchange-service learns from membership-service's
 * {@code MembershipStatusChanged} events on Kafka (no call to membership-service).
 */
class LearningExchangeDiscussionTest extends ExchangeIntegrationTest {

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    Directory directory;

    UUID member;
    UUID lapsed;
    UUID applicant;

    @BeforeAll
    static void connect() {
        producer = ExchangeApi.eventsWriter();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    /** A member, a member whose membership lapsed, and someone whose application waits for payment. */
    @BeforeEach
    void membersAsMembershipServiceToldOfThem() throws Exception {
        member = UUID.randomUUID();
        lapsed = UUID.randomUUID();
        applicant = UUID.randomUUID();
        UUID lapsedMembership = UUID.randomUUID();
        statusChanged(member, UUID.randomUUID(), "AWAITING_PAYMENT", "ACTIVE", Instant.parse("2026-01-10T10:00:00Z"));
        statusChanged(lapsed, lapsedMembership, "AWAITING_PAYMENT", "ACTIVE", Instant.parse("2025-01-10T10:00:00Z"));
        statusChanged(lapsed, lapsedMembership, "RENEWAL_DUE", "LAPSED", Instant.parse("2026-02-10T10:00:00Z"));
        statusChanged(applicant, UUID.randomUUID(), "APPLIED", "AWAITING_PAYMENT",
                Instant.parse("2026-03-10T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            space(practitioner(member)).andExpect(status().isOk());
            space(practitioner(lapsed)).andExpect(status().isOk());
        });
    }

    @Test
    void aMemberReadsAndWritesTheLearningExchangesSpace() throws Exception {
        space(practitioner(member)).andExpect(jsonPath("$.kind").value("LEARNING_EXCHANGE"))
                .andExpect(jsonPath("$.readOnly").value(false)).andExpect(jsonPath("$.moderates").value(false));
        UUID space = spaceId(practitioner(member));

        UUID thread = startThread(space, practitioner(member), "Signposting", "Where do you send new ESOL tutors?");

        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.posts.length()").value(1));
        mvc.perform(get("/api/exchange/me/discussions").with(practitioner(member)))
                .andExpect(jsonPath("$[?(@.kind == 'LEARNING_EXCHANGE')].id").value(hasItem(space.toString())))
                .andExpect(jsonPath("$[?(@.kind == 'LEARNING_EXCHANGE')].name").value(hasItem("The Learning Exchange")));
    }

    @Test
    void aMemberWhoseMembershipLapsedStillReadsButNoLongerWrites() throws Exception {
        UUID space = spaceId(practitioner(member));
        UUID thread = startThread(space, practitioner(member), "Before the lapse", "Still readable");
        UUID post = firstPost(thread);

        space(practitioner(lapsed)).andExpect(jsonPath("$.readOnly").value(true));
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(lapsed)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readOnly").value(true));
        problem(reply(thread, practitioner(lapsed), "Can I still post?"), 403);
        problem(mvc.perform(post("/api/exchange/discussions/" + space + "/threads").with(practitioner(lapsed))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"text\":\"y\"}")), 403);
        problem(mvc.perform(put("/api/exchange/discussions/posts/" + post + "/helpful").with(practitioner(lapsed))),
                403);
        problem(mvc.perform(get("/api/exchange/discussions/" + space + "/members").with(practitioner(lapsed))), 403);
        mvc.perform(get("/api/exchange/me/discussions").with(practitioner(lapsed)))
                .andExpect(jsonPath("$[?(@.kind == 'LEARNING_EXCHANGE')].readOnly").value(hasItem(true)));
    }

    @Test
    void renewingAfterALapseGivesTheMemberTheirVoiceBack() throws Exception {
        UUID space = spaceId(practitioner(member));
        statusChanged(lapsed, UUID.randomUUID(), "AWAITING_PAYMENT", "ACTIVE", Instant.parse("2026-04-10T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> space(practitioner(lapsed))
                .andExpect(jsonPath("$.readOnly").value(false)));
        startThread(space, practitioner(lapsed), "Back again", "Renewed today");
    }

    @Test
    void anOlderStatusArrivingLateDoesNotUndoALaterOne() throws Exception {
        UUID membership = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        statusChanged(late, membership, "RENEWAL_DUE", "LAPSED", Instant.parse("2026-05-10T10:00:00Z"));
        statusChanged(late, membership, "AWAITING_PAYMENT", "ACTIVE", Instant.parse("2025-05-10T10:00:00Z"));
        statusChanged(UUID.randomUUID(), UUID.randomUUID(), null, "APPLIED", Instant.now());

        // the lapse is the latest fact: the earlier activation, delivered after it, leaves them a former member
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> space(practitioner(late))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readOnly").value(true)));
    }

    @Test
    void someoneWhoIsNotAMemberIsAnsweredAsIfTheSpaceDidNotExistWhateverTheirRole() throws Exception {
        UUID space = spaceId(practitioner(member));
        UUID thread = startThread(space, practitioner(member), "Members only", "Hello members");
        List<JwtRequestPostProcessor> outsiders = List.of(
                practitioner(applicant),
                practitioner(UUID.randomUUID()),
                facilitator(UUID.randomUUID()),
                orgAdmin("org-westmid-college"),
                person(UUID.randomUUID(), "org-academy", "practitioner", "assessor"));

        for (JwtRequestPostProcessor outsider : outsiders) {
            problem(space(outsider), 404);
            problem(mvc.perform(get("/api/exchange/discussions/" + space).with(outsider)), 404);
            problem(mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(outsider)), 404);
            problem(mvc.perform(get("/api/exchange/discussions/" + space + "/members").with(outsider)), 404);
            problem(reply(thread, outsider, "Let me in"), 404);
            mvc.perform(get("/api/exchange/me/discussions").with(outsider))
                    .andExpect(jsonPath("$[*].kind").value(not(hasItem("LEARNING_EXCHANGE"))));
        }
    }

    @Test
    void programmeAdminsModerateTheSpaceAsFacilitatorsDoAGroups() throws Exception {
        UUID space = spaceId(practitioner(member));
        UUID thread = startThread(space, practitioner(member), "Moderated", "Opening");
        UUID rude = ExchangeApi.id(reply(thread, practitioner(member), "Something rude").andExpect(status().isCreated()));

        space(programmeAdmin()).andExpect(jsonPath("$.moderates").value(true));
        problem(mvc.perform(put("/api/exchange/discussions/threads/" + thread + "/pin").with(practitioner(member))),
                403);
        mvc.perform(put("/api/exchange/discussions/threads/" + thread + "/pin").with(programmeAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pinned").value(true));
        mvc.perform(post("/api/exchange/discussions/posts/" + rude + "/hiding").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Unkind\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hidden").value(true));
        // a facilitator of some group is no moderator here
        problem(mvc.perform(put("/api/exchange/discussions/threads/" + thread + "/pin")
                .with(facilitator(UUID.randomUUID()))), 404);
    }

    @Test
    void aMemberMentionsOtherMembersByTheNamesThePickerOffers() throws Exception {
        UUID other = UUID.randomUUID();
        statusChanged(other, UUID.randomUUID(), "AWAITING_PAYMENT", "ACTIVE", Instant.parse("2026-06-10T10:00:00Z"));
        directory.savePerson(new Person(other, "Mina", "Member", "org-westmid-college", false), Instant.now());
        directory.savePerson(new Person(lapsed, "Lana", "Lapsed", "org-westmid-college", false), Instant.now());
        UUID space = spaceId(practitioner(member));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/discussions/"
                + space + "/members").with(practitioner(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == '%s')].name".formatted(other)).value(hasItem("Mina Member"))));
        mvc.perform(get("/api/exchange/discussions/" + space + "/members").with(practitioner(member)))
                .andExpect(jsonPath("$[*].personId").value(not(hasItem(lapsed.toString()))))
                .andExpect(jsonPath("$[*].personId").value(not(hasItem(member.toString()))))
                .andExpect(jsonPath("$[0].email").doesNotExist());

        UUID thread = startThread(space, practitioner(member), "Mentions", "@Mina Member, and @Lana Lapsed?");
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(member)))
                .andExpect(jsonPath("$.posts[0].mentions.length()").value(1))
                .andExpect(jsonPath("$.posts[0].mentions[0].personId").value(other.toString()));
    }

    // --- steps ---

    private void statusChanged(UUID person, UUID membership, String from, String to, Instant at) throws Exception {
        String json = """
                {"membershipId":"%s","practitionerId":"%s","fromStatus":%s,"toStatus":"%s","actor":"system",
                 "reason":"test","changedAt":"%s"}""".formatted(membership, person,
                from == null ? "null" : "\"" + from + "\"", to, at);
        producer.send(ExchangeApi.cloudEvent(Topics.MEMBERSHIP, "membership.MembershipStatusChanged.v1",
                membership.toString(), UUID.randomUUID(), json)).get();
    }

    private ResultActions space(JwtRequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/exchange/learning-exchange/discussion").with(who));
    }

    private UUID spaceId(JwtRequestPostProcessor who) throws Exception {
        return ExchangeApi.id(space(who).andExpect(status().isOk()));
    }

    private UUID startThread(UUID space, JwtRequestPostProcessor who, String title, String text) throws Exception {
        return ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/" + space + "/threads").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"%s\",\"text\":\"%s\"}".formatted(title, text)))
                .andExpect(status().isCreated()));
    }

    private ResultActions reply(UUID thread, JwtRequestPostProcessor who, String text) throws Exception {
        return mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies").with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"%s\"}".formatted(text)));
    }

    private UUID firstPost(UUID thread) throws Exception {
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(ExchangeApi.body(mvc.perform(
                get("/api/exchange/discussions/threads/" + thread).with(practitioner(member)))), "$.posts[0].id"));
    }

    private static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
