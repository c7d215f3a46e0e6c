package org.exchange.exchange.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.orgAdmin;
import static org.exchange.exchange.ExchangeApi.person;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/** A group's and a network's discussions through the API, on the whole service. */
class DiscussionTest extends ExchangeIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    UUID network;
    UUID lead;
    UUID group;
    UUID ada;
    UUID grace;

    /** An active group of a new network led by {@code lead}, with Ada and Grace as members. */
    @BeforeEach
    void aGroupWithTwoMembers() throws Exception {
        network = api.westMidlands();
        lead = UUID.randomUUID();
        ada = UUID.randomUUID();
        grace = UUID.randomUUID();
        group = api.activeGroup(network, lead, 10);
        api.join(group, ada).andExpect(status().isCreated());
        api.join(group, grace).andExpect(status().isCreated());
    }

    // --- access ---

    @Test
    void theGroupsMembersAndFacilitatorsReadAndWriteItsSpace() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Fractions", "How do you start?");

        reply(thread, practitioner(grace), "With paper folding").andExpect(status().isCreated());
        reply(thread, facilitator(lead), "With pizzas").andExpect(status().isCreated());

        mvc.perform(get("/api/exchange/groups/" + group + "/discussion").with(practitioner(grace)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(space.toString()))
                .andExpect(jsonPath("$.kind").value("GROUP"))
                .andExpect(jsonPath("$.readOnly").value(false))
                .andExpect(jsonPath("$.moderates").value(false))
                .andExpect(jsonPath("$.threads[0].posts").value(3));
        mvc.perform(get("/api/exchange/discussions/" + space).with(facilitator(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.moderates").value(true));
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(programmeAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.posts.length()").value(3))
                .andExpect(jsonPath("$.moderates").value(true));
    }

    @Test
    void someoneOutsideTheGroupIsAnsweredAsIfTheSpaceAndItsThreadsAndPostsDidNotExist() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Fractions", "How do you start?");
        UUID post = firstPost(thread, practitioner(ada));
        List<JwtRequestPostProcessor> outsiders = List.of(
                practitioner(UUID.randomUUID()),
                facilitator(UUID.randomUUID()),
                orgAdmin("org-westmid-college"),
                orgAdmin("org-other-college"),
                person(UUID.randomUUID(), "org-other-college", "practitioner", "assessor"));

        for (JwtRequestPostProcessor outsider : outsiders) {
            expectUnknown(mvc.perform(get("/api/exchange/groups/" + group + "/discussion").with(outsider)));
            expectUnknown(mvc.perform(get("/api/exchange/discussions/" + space).with(outsider)));
            expectUnknown(mvc.perform(get("/api/exchange/discussions/" + space + "/search?q=fractions")
                    .with(outsider)));
            expectUnknown(mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(outsider)));
            expectUnknown(reply(thread, outsider, "Let me in"));
            expectUnknown(mvc.perform(post("/api/exchange/discussions/" + space + "/threads").with(outsider)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"text\":\"y\"}")));
            expectUnknown(mvc.perform(put("/api/exchange/discussions/posts/" + post + "/helpful").with(outsider)));
            expectUnknown(reason(post, "reports", outsider, "spam"));
        }
        // the answer is the same as for an id that does not exist
        expectUnknown(mvc.perform(get("/api/exchange/discussions/threads/" + UUID.randomUUID())
                .with(practitioner(ada))));
    }

    @Test
    void aMemberWhoLeavesTheGroupLosesAccessAtOnce() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Fractions", "How do you start?");
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(grace)))
                .andExpect(status().isOk());

        mvc.perform(delete("/api/exchange/groups/" + group + "/members/me").with(practitioner(grace)))
                .andExpect(status().is2xxSuccessful());

        expectUnknown(mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(grace))));
        expectUnknown(mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(grace))));
        expectUnknown(reply(thread, practitioner(grace), "Still here?"));
    }

    @Test
    void aNetworksSpaceIsForEveryoneWhoTakesPartInItsGroupsAndNobodyElse() throws Exception {
        UUID otherLead = UUID.randomUUID();
        UUID inASecondGroup = UUID.randomUUID();
        UUID secondGroup = api.formingGroup(network, otherLead, 10);
        api.join(secondGroup, inASecondGroup).andExpect(status().isCreated());
        UUID elsewhere = UUID.randomUUID();
        api.join(api.formingGroup(api.westMidlands(), UUID.randomUUID(), 10), elsewhere)
                .andExpect(status().isCreated());

        UUID space = ExchangeApi.id(mvc.perform(get("/api/exchange/networks/" + network + "/discussion")
                .with(practitioner(ada))).andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("NETWORK")));
        UUID thread = startThread(space, practitioner(ada), "Across the network", "Who teaches ESOL maths?");
        reply(thread, practitioner(inASecondGroup), "We do").andExpect(status().isCreated());
        reply(thread, facilitator(otherLead), "So do we").andExpect(status().isCreated());

        expectUnknown(mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(elsewhere))));
        expectUnknown(mvc.perform(get("/api/exchange/networks/" + network + "/discussion")
                .with(practitioner(UUID.randomUUID()))));
        mvc.perform(get("/api/exchange/me/discussions").with(practitioner(ada)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'GROUP')].groupId").value(hasItem(group.toString())))
                .andExpect(jsonPath("$[?(@.kind == 'NETWORK')].id").value(hasItem(space.toString())));
    }

    // --- what is written ---

    @Test
    void aPostKeepsItsMarkdownAndIsServedAsSanitisedHtml() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        String text = "**Fold** it <script>alert('XSS')</script> [guide](https://example.org/guide) "
                + "<img src=x onerror=alert(1)> [run](javascript:alert(1))";
        UUID thread = startThread(space, practitioner(ada), "Folding", text);

        String html = JsonPath.read(ExchangeApi.body(mvc.perform(get("/api/exchange/discussions/threads/" + thread)
                .with(practitioner(grace))).andExpect(status().isOk())), "$.posts[0].html");

        assertThat(SafeMarkdownTest.executableParts(html)).isEmpty();
        assertThat(SafeMarkdownTest.relInOneOrder(html)).contains("<strong>Fold</strong>",
                "<a href=\"https://example.org/guide\" rel=\"nofollow noopener\">guide</a>").doesNotContain("<script");
        assertThat(jdbc.sql("select body_markdown from discussion_post where thread_id = :thread")
                .param("thread", thread).query(String.class).single()).isEqualTo(text);
    }

    @Test
    void textsTitlesAndLinksBeyondTheirLimitsAreRefusedWithAProblem() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Limits", "Within them");

        expectBadRequest(reply(thread, practitioner(ada), "x".repeat(DiscussionController.MAX_TEXT + 1)));
        expectBadRequest(reply(thread, practitioner(ada), " "));
        expectBadRequest(mvc.perform(post("/api/exchange/discussions/" + space + "/threads").with(practitioner(ada))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"%s\",\"text\":\"y\"}".formatted("t".repeat(201)))));
        expectBadRequest(replyWithLinks(thread, "{\"url\":\"http://example.org/plain\"}"))
                .andExpect(jsonPath("$.errors[0].field").value("links[0].url"));
        expectBadRequest(replyWithLinks(thread, "{\"url\":\"javascript:alert(1)\"}"));
        expectBadRequest(replyWithLinks(thread, String.join(",", java.util.Collections.nCopies(6,
                "{\"url\":\"https://example.org/a\"}"))));

        UUID withLinks = ExchangeApi.id(replyWithLinks(thread,
                "{\"url\":\"https://example.org/guide.pdf\",\"title\":\"The guide\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.links[0].url").value("https://example.org/guide.pdf"))
                .andExpect(jsonPath("$.links[0].title").value("The guide")));
        assertThat(withLinks).isNotNull();
    }

    @Test
    void postingFasterThanTheRateLimitIsRefusedWith429UntilAMinuteHasPassed() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(grace), "Busy", "Talk");
        for (int post = 1; post <= 6; post++) {
            reply(thread, practitioner(ada), "Reply " + post).andExpect(status().isCreated());
        }

        reply(thread, practitioner(ada), "One too many")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.status").value(429));
        reply(thread, practitioner(grace), "Others still post").andExpect(status().isCreated());

        api.letTimePass(Duration.ofSeconds(61));
        reply(thread, practitioner(ada), "After a minute").andExpect(status().isCreated());
    }

    @Test
    void aMentionByNameOfAMemberIsStoredAsTheirIdAndPublishedWithThePost() throws Exception {
        directory.savePerson(new Person(grace, "Grace", "Hopper", "org-westmid-college", false), Instant.now());
        UUID stranger = UUID.randomUUID();
        directory.savePerson(new Person(stranger, "Alan", "Turing", "org-westmid-college", false), Instant.now());
        UUID space = groupSpace(practitioner(ada));
        KafkaConsumer<String, byte[]> events = ExchangeApi.eventsReader(Topics.EXCHANGE);
        try (events) {
            UUID thread = startThread(space, practitioner(ada), "Mentions",
                    "@grace hopper what do you think? And @Alan Turing, and @Grace Hoppers");

            mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(grace)))
                    .andExpect(jsonPath("$.posts[0].mentions.length()").value(1))
                    .andExpect(jsonPath("$.posts[0].mentions[0].personId").value(grace.toString()))
                    .andExpect(jsonPath("$.posts[0].mentions[0].name").value("Grace Hopper"));

            List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ExchangeApi.collect(events, thread.toString(), published);
                assertThat(ExchangeApi.types(published)).containsExactly("exchange.DiscussionPostAdded.v1");
            });
            String payload = new String(published.getFirst().value(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(JsonPath.<List<String>>read(payload, "$.mentionedPersonIds")).containsExactly(grace.toString());
            assertThat(JsonPath.<List<String>>read(payload, "$.groupMemberIds"))
                    .containsExactlyInAnyOrder(lead.toString(), grace.toString());
            assertThat(JsonPath.<String>read(payload, "$.authorId")).isEqualTo(ada.toString());
            assertThat(JsonPath.<String>read(payload, "$.groupId")).isEqualTo(group.toString());
            assertThat(JsonPath.<Boolean>read(payload, "$.opensThread")).isTrue();
            assertThat(payload).doesNotContain("what do you think");
        }
    }

    // --- moderation ---

    @Test
    void facilitatorsPinThreadsAndMarkARepliesWhatWorksAndMembersMayNot() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID first = startThread(space, practitioner(ada), "First", "One");
        UUID second = startThread(space, practitioner(grace), "Second", "Two");
        UUID answer = ExchangeApi.id(reply(first, practitioner(grace), "Retrieval practice works"));

        mvc.perform(put("/api/exchange/discussions/threads/" + first + "/pin").with(practitioner(ada)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/exchange/discussions/posts/" + answer + "/what-works").with(practitioner(ada)))
                .andExpect(status().isForbidden());

        mvc.perform(put("/api/exchange/discussions/threads/" + first + "/pin").with(facilitator(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pinned").value(true));
        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(ada)))
                .andExpect(jsonPath("$.threads[0].id").value(first.toString()))
                .andExpect(jsonPath("$.threads[1].id").value(second.toString()));
        mvc.perform(put("/api/exchange/discussions/posts/" + answer + "/what-works").with(facilitator(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.whatWorks").value(true));
        mvc.perform(put("/api/exchange/discussions/posts/" + firstPost(first, practitioner(ada)) + "/what-works")
                .with(facilitator(lead))).andExpect(status().isConflict());
        mvc.perform(delete("/api/exchange/discussions/threads/" + first + "/pin").with(programmeAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.pinned").value(false));
    }

    @Test
    void aFacilitatorCarriesAReplyMarkedWhatWorksIntoTheGroupsOutcomeDraftQuotedWithItsAuthorAndNothingIsPublished()
            throws Exception {
        directory.savePerson(new Person(grace, "Grace", "Hopper", "org-westmid-college", false), Instant.now());
        UUID thread = startThread(groupSpace(practitioner(ada)), practitioner(ada), "Fractions", "How?");
        UUID answer = ExchangeApi.id(reply(thread, practitioner(grace), "Fold the paper first.\n\nThen cut it."));
        long outcomesBefore = jdbc.sql("select count(*) from outcome where group_id = :group").param("group", group)
                .query(Long.class).single();

        // only a reply marked what works is carried, and only by those who run the group
        mvc.perform(post("/api/exchange/discussions/posts/" + answer + "/outcome-draft").with(facilitator(lead)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/exchange/discussions/posts/" + answer + "/what-works").with(facilitator(lead)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/exchange/discussions/posts/" + answer + "/outcome-draft").with(practitioner(ada)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exchange/discussions/posts/" + answer + "/outcome-draft").with(facilitator(lead)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.postId").value(answer.toString()))
                .andExpect(jsonPath("$.attribution").value("Grace Hopper"));
        mvc.perform(post("/api/exchange/discussions/posts/" + answer + "/outcome-draft").with(facilitator(lead)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/exchange/groups/" + group + "/outcome-draft").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].quote").value("Fold the paper first.\n\nThen cut it."))
                .andExpect(jsonPath("$.markdown").value(
                        "> Fold the paper first.\n>\n> Then cut it.\n>\n> \u2014 Grace Hopper"));
        mvc.perform(get("/api/exchange/groups/" + group + "/outcome-draft").with(practitioner(grace)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from outcome where group_id = :group").param("group", group)
                .query(Long.class).single()).isEqualTo(outcomesBefore);
        UUID item = UUID.fromString(JsonPath.read(ExchangeApi.body(mvc.perform(get("/api/exchange/groups/" + group
                + "/outcome-draft").with(programmeAdmin()))), "$.items[0].id"));

        mvc.perform(delete("/api/exchange/groups/" + group + "/outcome-draft/items/" + item).with(facilitator(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aQuotationOfSomeoneWhoWithholdsTheirNameOnOutcomesIsAttributedWithoutIt() throws Exception {
        directory.saveProfile(new Person(grace, "Grace", "Hopper", "org-westmid-college", false), false,
                Instant.now());
        UUID thread = startThread(groupSpace(practitioner(ada)), practitioner(ada), "Names", "Who said it?");
        UUID answer = ExchangeApi.id(reply(thread, practitioner(grace), "Retrieval practice"));
        mvc.perform(put("/api/exchange/discussions/posts/" + answer + "/what-works").with(facilitator(lead)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/exchange/discussions/posts/" + answer + "/outcome-draft").with(facilitator(lead)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attribution").value(org.exchange.exchange.outcome.OutcomeService.NAME_WITHHELD));
    }

    @Test
    void theMentionPickerOffersTheGroupsPeopleByNameToThoseWhoWriteInItAndNobodyElse() throws Exception {
        directory.savePerson(new Person(grace, "Grace", "Hopper", "org-westmid-college", false), Instant.now());
        directory.savePerson(new Person(lead, "Lee", "Lead", "org-westmid-college", false), Instant.now());
        UUID space = groupSpace(practitioner(ada));

        mvc.perform(get("/api/exchange/discussions/" + space + "/members").with(practitioner(ada)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].name").value("Grace Hopper"))
                .andExpect(jsonPath("$[1].name").value("Lee Lead"))
                .andExpect(jsonPath("$[0].email").doesNotExist());
        expectUnknown(mvc.perform(get("/api/exchange/discussions/" + space + "/members")
                .with(practitioner(UUID.randomUUID()))));
        expectUnknown(mvc.perform(get("/api/exchange/discussions/" + space + "/members")
                .with(orgAdmin("org-westmid-college"))));
    }

    @Test
    void aReportedPostIsListedForProgrammeAdminsUntilAFacilitatorHidesItWithAReasonOnTheAuditTrail()
            throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Reports", "Fine");
        UUID rude = ExchangeApi.id(reply(thread, practitioner(grace), "Something rude"));

        UUID report = ExchangeApi.id(reason(rude, "reports", practitioner(ada), "Rude to a colleague")
                .andExpect(status().isCreated()));
        reason(rude, "reports", practitioner(ada), "Again").andExpect(status().isConflict());
        mvc.perform(get("/api/exchange/discussion-reports").with(facilitator(lead))).andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/discussion-reports").with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].postId".formatted(report)).value(hasItem(rude.toString())))
                .andExpect(jsonPath("$[?(@.id == '%s')].reason".formatted(report))
                        .value(hasItem("Rude to a colleague")));

        reason(rude, "hiding", practitioner(ada), "Not mine to hide").andExpect(status().isForbidden());
        expectBadRequest(reason(rude, "hiding", facilitator(lead), ""));
        reason(rude, "hiding", facilitator(lead), "Unkind; see the group's agreement")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hidden").value(true))
                .andExpect(jsonPath("$.hiddenReason").value("Unkind; see the group's agreement"))
                .andExpect(jsonPath("$.html").doesNotExist());
        reason(rude, "hiding", facilitator(lead), "Twice").andExpect(status().isConflict());
        reason(rude, "reports", practitioner(grace), "Reported after it was hidden").andExpect(status().isConflict());

        mvc.perform(get("/api/exchange/discussion-reports").with(programmeAdmin()))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(report.toString()))));
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where action = 'discussion-post.hidden' and subject_id = :post
                   and actor_id = :lead and person_id = :author
                   and after_state ->> 'reason' = 'Unkind; see the group''s agreement'""")
                .param("post", rude.toString()).param("lead", lead).param("author", grace)
                .query(Integer.class).single()).isEqualTo(1);
        // once hidden, the fact goes out once (the digest drops the post), without the reason or the text
        assertThat(jdbc.sql("""
                select serialized_event from event_publication
                where serialized_event like :type and serialized_event like :post""")
                .param("type", "%\"type\":\"exchange.DiscussionPostHidden.v1\"%")
                .param("post", "%" + rude + "%")
                .query(String.class).list()).singleElement().asString()
                .doesNotContain("Unkind").doesNotContain("agreement");
        mvc.perform(put("/api/exchange/discussions/posts/" + rude + "/helpful").with(practitioner(ada)))
                .andExpect(status().isConflict());
    }

    @Test
    void helpfulCountsOncePerPersonAndCanBeTakenBack() throws Exception {
        UUID thread = startThread(groupSpace(practitioner(ada)), practitioner(ada), "Helpful", "A tip");
        UUID post = firstPost(thread, practitioner(ada));

        mvc.perform(put("/api/exchange/discussions/posts/" + post + "/helpful").with(practitioner(grace)))
                .andExpect(jsonPath("$.helpful").value(1));
        mvc.perform(put("/api/exchange/discussions/posts/" + post + "/helpful").with(practitioner(grace)))
                .andExpect(jsonPath("$.helpful").value(1)).andExpect(jsonPath("$.helpfulToMe").value(true));
        mvc.perform(put("/api/exchange/discussions/posts/" + post + "/helpful").with(facilitator(lead)))
                .andExpect(jsonPath("$.helpful").value(2));
        mvc.perform(delete("/api/exchange/discussions/posts/" + post + "/helpful").with(practitioner(grace)))
                .andExpect(jsonPath("$.helpful").value(1)).andExpect(jsonPath("$.helpfulToMe").value(false));
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(facilitator(lead)))
                .andExpect(jsonPath("$.posts[0].helpful").value(1))
                .andExpect(jsonPath("$.posts[0].helpfulToMe").value(true));
    }

    // --- reading ---

    @Test
    void unreadPostsAreCountedPerPersonPerThreadAndPerSpaceUntilTheThreadIsRead() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Unread", "Mine, so read");
        reply(thread, practitioner(grace), "One").andExpect(status().isCreated());
        reply(thread, facilitator(lead), "Two").andExpect(status().isCreated());

        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(ada)))
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.threads[0].unread").value(2));
        // posting in a thread reads it up to one's own post: Grace has only the facilitator's reply to read
        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(grace)))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/exchange/me/discussions").with(practitioner(ada)))
                .andExpect(jsonPath("$[?(@.id == '%s')].unread".formatted(space)).value(hasItem(2)));

        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(ada)))
                .andExpect(jsonPath("$.posts[0].unread").value(false))
                .andExpect(jsonPath("$.posts[1].unread").value(true))
                .andExpect(jsonPath("$.posts[2].unread").value(true));

        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(ada)))
                .andExpect(jsonPath("$.unread").value(0));
        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(grace)))
                .andExpect(jsonPath("$.unread").value(1));
        reply(thread, practitioner(grace), "Three").andExpect(status().isCreated());
        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(ada)))
                .andExpect(jsonPath("$.threads[0].unread").value(1));
    }

    @Test
    void searchFindsThreadsByTheirTitleAndVisiblePostsWithEnglishStemming() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID folding = startThread(space, practitioner(ada), "Paper folding for fractions", "Start here");
        UUID pizzas = startThread(space, practitioner(grace), "Pizzas", "Sharing them out");
        reply(pizzas, facilitator(lead), "Retrieval practice helped my learners").andExpect(status().isCreated());
        UUID hidden = ExchangeApi.id(reply(folding, practitioner(grace), "Secret zebra words"));
        reason(hidden, "hiding", facilitator(lead), "Off topic").andExpect(status().isOk());

        mvc.perform(get("/api/exchange/discussions/" + space + "/search").param("q", "folded")
                .with(practitioner(ada))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(folding.toString()));
        mvc.perform(get("/api/exchange/discussions/" + space + "/search").param("q", "retrieval learner")
                .with(practitioner(ada)))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(pizzas.toString()));
        mvc.perform(get("/api/exchange/discussions/" + space + "/search").param("q", "zebra")
                .with(practitioner(ada))).andExpect(jsonPath("$.length()").value(0));
        expectBadRequest(mvc.perform(get("/api/exchange/discussions/" + space + "/search").param("q", "")
                .with(practitioner(ada))));
    }

    // --- after the group ---

    @Test
    void aClosedGroupsSpaceStaysReadableToItsMembersAndCanBeOpenedToTheNetworkToRead() throws Exception {
        UUID space = groupSpace(practitioner(ada));
        UUID thread = startThread(space, practitioner(ada), "Legacy", "What we learnt");
        UUID neighbour = UUID.randomUUID();
        api.join(api.formingGroup(network, UUID.randomUUID(), 10), neighbour).andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/groups/" + group + "/discussion/opening-to-network").with(facilitator(lead)))
                .andExpect(status().isConflict());

        api.closeGroup(group, lead);

        mvc.perform(get("/api/exchange/discussions/" + space).with(practitioner(grace)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readOnly").value(true));
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(grace)))
                .andExpect(status().isOk());
        reply(thread, practitioner(grace), "Too late").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        expectUnknown(mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(neighbour))));
        mvc.perform(post("/api/exchange/groups/" + group + "/discussion/opening-to-network").with(practitioner(ada)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/exchange/groups/" + group + "/discussion/opening-to-network").with(facilitator(lead)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openedToNetwork").value(true));

        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(neighbour)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readOnly").value(true))
                .andExpect(jsonPath("$.posts[0].html").value(containsString("What we learnt")));
        reply(thread, practitioner(neighbour), "Hello from next door").andExpect(status().isConflict());
        expectUnknown(mvc.perform(get("/api/exchange/discussions/threads/" + thread)
                .with(practitioner(UUID.randomUUID()))));
    }

    // --- steps ---

    private UUID groupSpace(JwtRequestPostProcessor who) throws Exception {
        return ExchangeApi.id(mvc.perform(get("/api/exchange/groups/" + group + "/discussion").with(who))
                .andExpect(status().isOk()));
    }

    private UUID startThread(UUID space, JwtRequestPostProcessor who, String title, String text) throws Exception {
        return ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/" + space + "/threads").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":%s,\"text\":%s}".formatted(json(title), json(text))))
                .andExpect(status().isCreated()));
    }

    private ResultActions reply(UUID thread, JwtRequestPostProcessor who, String text) throws Exception {
        return mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies").with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":%s}".formatted(json(text))));
    }

    private ResultActions replyWithLinks(UUID thread, String links) throws Exception {
        return mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies").with(practitioner(ada))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"See these\",\"links\":[%s]}".formatted(links)));
    }

    private ResultActions reason(UUID post, String what, JwtRequestPostProcessor who, String reason)
            throws Exception {
        return mvc.perform(post("/api/exchange/discussions/posts/" + post + "/" + what).with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":%s}".formatted(json(reason))));
    }

    private UUID firstPost(UUID thread, JwtRequestPostProcessor who) throws Exception {
        return UUID.fromString(JsonPath.read(ExchangeApi.body(mvc.perform(get("/api/exchange/discussions/threads/"
                + thread).with(who))), "$.posts[0].id"));
    }

    private static void expectUnknown(ResultActions result) throws Exception {
        result.andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static ResultActions expectBadRequest(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static String json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }
}
