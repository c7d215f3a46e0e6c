package org.exchange.exchange.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.exchange.testing.PersonalDataTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

class MembershipEventsTest extends ExchangeIntegrationTest {

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        producer = ExchangeApi.eventsWriter();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }


    @Test
    void aVenueOfferedByAPartnerHostsMeetingsUntilItIsWithdrawn() throws Exception {
        UUID network = api.westMidlands();
        UUID venue = UUID.randomUUID();
        send("membership.VenueOffered.v1", venue, UUID.randomUUID(), venueOffered(venue, false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scheduleAt(network, venue, 20)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.venue.name").value("Westmid College, Hall Green campus")));
        scheduleAt(network, venue, 40).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("seats 30")));

        send("membership.VenueOffered.v1", venue, UUID.randomUUID(), venueOffered(venue, true));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scheduleAt(network, venue, 20)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no longer offered"))));
    }

    /**
     * Issue 16, item 8: whoever schedules a meeting picks from the venues the partners offer (as their partnership
     * page lists them), not from those earlier meetings happened to use: a venue offered is a choice at once, with
     * its organisation's name, and a withdrawn one is no longer.
     */
    @Test
    void aVenueOfferedByAPartnerIsAChoiceForSchedulingUntilItIsWithdrawn() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        registerOrganisation(organisation, "Ludlow College");
        UUID venue = UUID.randomUUID();
        send("membership.VenueOffered.v1", venue, UUID.randomUUID(), venueOf(organisation, venue, false));

        String offered = "$[?(@.id == '%s')]".formatted(venue);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/venues")
                        .with(facilitator(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath(offered + ".name").value("Ludlow College, Castle Square"))
                .andExpect(jsonPath(offered + ".organisationName").value("Ludlow College"))
                .andExpect(jsonPath(offered + ".capacity").value(30)));
        mvc.perform(get("/api/exchange/venues")).andExpect(status().isUnauthorized());

        send("membership.VenueOffered.v1", venue, UUID.randomUUID(), venueOf(organisation, venue, true));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/venues")
                        .with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(offered).isEmpty()));
    }

    @Test
    void aRegisteredOrganisationIsChosenAndShownByItsNameNotItsId() throws Exception {
        String id = "org-" + UUID.randomUUID();
        registerOrganisation(id, "Marches College");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/organisations")
                        .with(facilitator(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].name".formatted(id)).value("Marches College")));
        mvc.perform(get("/api/exchange/organisations")).andExpect(status().isUnauthorized());

        String network = ExchangeApi.body(mvc.perform(post("/api/exchange/networks").with(programmeAdmin())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                                {"name":"Marches Exchange %s","region":"West Midlands","latitude":52.7,
                                 "longitude":-2.75,"leadOrganisationId":"%s"}""".formatted(UUID.randomUUID(), id)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.leadOrganisationName").value("Marches College")));
        org.assertj.core.api.Assertions.assertThat(network).contains(id);
    }

    @Test
    void aPersonsNameShowsToTheirFacilitatorOnceEvenWhenTheEventComesTwice() throws Exception {
        UUID grace = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, grace).andExpect(status().isCreated());
        UUID eventId = UUID.randomUUID();
        double duplicatesBefore = duplicates();

        send("membership.PractitionerRegistered.v1", grace, eventId, registered(grace, "Grace", "Hopper"));
        send("membership.PractitionerRegistered.v1", grace, eventId, registered(grace, "Someone", "Else"));

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        mvc.perform(get("/api/exchange/groups/" + group + "/members").with(facilitator(lead)))
                .andExpect(jsonPath("$[0].displayName").value("Grace Hopper"));
    }

    @Test
    void anErasedPersonIsNoLongerNamedButStillCounted() throws Exception {
        UUID alan = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, alan).andExpect(status().isCreated());
        send("membership.PractitionerRegistered.v1", alan, UUID.randomUUID(), registered(alan, "Alan", "Turing"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/groups/" + group
                + "/members").with(facilitator(lead))).andExpect(jsonPath("$[0].displayName").value("Alan Turing")));

        send("membership.PractitionerErasureRequested.v1", alan, UUID.randomUUID(),
                "{\"practitionerId\":\"%s\",\"requestedAt\":\"2026-11-23T10:00:00Z\"}".formatted(alan));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/groups/" + group
                + "/members").with(facilitator(lead))).andExpect(jsonPath("$[0].displayName")
                .value("Former participant")));
        mvc.perform(get("/api/exchange/groups/" + group)).andExpect(jsonPath("$.members").value(1));

        // A registration replayed after the erasure does not bring the name back.
        send("membership.PractitionerRegistered.v1", alan, UUID.randomUUID(), registered(alan, "Alan", "Turing"));
        double processed = processed();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed() > processed);
        mvc.perform(get("/api/exchange/groups/" + group + "/members").with(facilitator(lead)))
                .andExpect(jsonPath("$[0].displayName").value("Former participant"));
    }

    @Test
    void someoneWhoAsksNotToBeNamedOnOutcomesIsNotNamedThereWhileTheOtherAuthorsAre() throws Exception {
        UUID alan = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID group = activeGroupWithAlanTuring(alan, lead);
        UUID outcome = publishOutcome(group, lead, "Alan Turing", "Grace Hopper");
        mvc.perform(get("/api/exchange/outcomes/" + outcome))
                .andExpect(jsonPath("$.authorNames[0]").value("Alan Turing"));

        send("membership.PractitionerProfileUpdated.v1", alan, UUID.randomUUID(), profile(alan, false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/outcomes/" + outcome))
                .andExpect(jsonPath("$.authorNames[0]").value("A group member (name withheld)"))
                .andExpect(jsonPath("$.authorNames[1]").value("Grace Hopper")));
        mvc.perform(get("/api/exchange/outcomes").param("q", "retrieval"))
                .andExpect(jsonPath("$.items[?(@.id == '%s')].authorNames[0]".formatted(outcome))
                        .value("A group member (name withheld)"));

        send("membership.PractitionerProfileUpdated.v1", alan, UUID.randomUUID(), profile(alan, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/outcomes/" + outcome))
                .andExpect(jsonPath("$.authorNames[0]").value("Alan Turing")));
    }

    @Test
    void erasureReachesEveryTableOfThisContextThatHoldsTheirPersonalData() throws Exception {
        UUID alan = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID group = activeGroupWithAlanTuring(alan, lead);
        UUID outcome = publishOutcome(group, lead, " alan turing ", "Grace Hopper");
        UUID trial = ExchangeApi.id(mvc.perform(post("/api/exchange/groups/" + group + "/research/trials")
                .with(ExchangeApi.practitioner(alan)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"method":"Retrieval practice","aim":"Fractions remembered","startedOn":"%s"}"""
                        .formatted(api.tomorrow().minusDays(1)))).andExpect(status().isCreated()));
        mvc.perform(post("/api/exchange/research/trials/" + trial + "/observations")
                .with(ExchangeApi.practitioner(alan)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"observedOn":"%s","observation":"My own notes about my learners"}"""
                        .formatted(api.tomorrow().minusDays(1)))).andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/calendar/feed-token").with(ExchangeApi.practitioner(alan)))
                .andExpect(status().is2xxSuccessful());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from practitioner_directory where practitioner_id = ? and given_name = 'Alan'", alan) == 1);
        // in the group's discussion: a thread Alan started, a reply mentioning him, his helpful mark, report and read
        UUID space = ExchangeApi.id(mvc.perform(get("/api/exchange/groups/" + group + "/discussion")
                .with(ExchangeApi.practitioner(alan))).andExpect(status().isOk()));
        UUID thread = ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/" + space + "/threads")
                .with(ExchangeApi.practitioner(alan)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"Alan's own question","text":"My own words",
                         "links":[{"url":"https://alan.example/notes","title":"My notes"}]}""")));
        UUID mention = ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies")
                .with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Thank you @Alan Turing!\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.mentions[0].personId").value(alan.toString())));
        mvc.perform(put("/api/exchange/discussions/posts/" + mention + "/helpful").with(ExchangeApi.practitioner(alan)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/exchange/discussions/posts/" + mention + "/reports").with(ExchangeApi.practitioner(alan))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"I would rather not be named\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(ExchangeApi.practitioner(alan)))
                .andExpect(status().isOk());
        // a reply of his, with a file, that the facilitator carried into the group's outcome draft; a file he uploaded
        // and never attached; his Learning Exchange membership
        UUID file = ExchangeApi.id(mvc.perform(multipart("/api/exchange/discussions/" + space + "/attachments")
                .file(new MockMultipartFile("file", "alan.txt", "text/plain", "My notes".getBytes()))
                .with(ExchangeApi.practitioner(alan))).andExpect(status().isCreated()));
        mvc.perform(multipart("/api/exchange/discussions/" + space + "/attachments")
                .file(new MockMultipartFile("file", "draft.txt", "text/plain", "My draft".getBytes()))
                .with(ExchangeApi.practitioner(alan))).andExpect(status().isCreated());
        UUID quoted = ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies")
                .with(ExchangeApi.practitioner(alan)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"What worked for me\",\"attachments\":[\"%s\"]}".formatted(file)))
                .andExpect(status().isCreated()));
        mvc.perform(put("/api/exchange/discussions/posts/" + quoted + "/what-works").with(facilitator(lead)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/exchange/discussions/posts/" + quoted + "/outcome-draft").with(facilitator(lead)))
                .andExpect(status().isCreated());
        UUID membership = UUID.randomUUID();
        send("membership.MembershipStatusChanged.v1", membership, UUID.randomUUID(), """
                {"membershipId":"%s","practitionerId":"%s","fromStatus":"AWAITING_PAYMENT","toStatus":"ACTIVE",
                 "actor":"system","reason":"paid","changedAt":"2026-11-23T09:00:00Z"}""".formatted(membership, alan));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from learning_exchange_member where person_id = ? and member", alan) == 1);
        // his registration for all of the group's meetings
        mvc.perform(put("/api/exchange/groups/" + group + "/series-registration").with(ExchangeApi.practitioner(alan)))
                .andExpect(status().isOk());
        // his interest in a subject
        mvc.perform(post("/api/exchange/me/interests").with(ExchangeApi.practitioner(alan))
                .contentType(MediaType.APPLICATION_JSON).content("{\"area\":\"ESOL\",\"region\":\"West Midlands\"}"))
                .andExpect(status().isCreated());
        // his enquiry to the Learning Exchange, and its answer
        UUID enquiry = ExchangeApi.id(mvc.perform(post("/api/exchange/enquiries").with(ExchangeApi.practitioner(alan))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"Membership\",\"message\":\"I am Alan Turing; can I join?\"}"))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/exchange/enquiries/" + enquiry + "/replies").with(ExchangeApi.programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Yes, Alan: apply in the portal.\"}"))
                .andExpect(status().isCreated());

        send("membership.PractitionerErasureRequested.v1", alan, UUID.randomUUID(),
                "{\"practitionerId\":\"%s\",\"requestedAt\":\"2026-11-23T10:00:00Z\"}".formatted(alan));

        // every table of exchange-service that holds something personal about a person, and what erasure leaves there
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count("""
                select count(*) from practitioner_directory
                 where practitioner_id = ? and erased and given_name is null and family_name is null""", alan))
                .isEqualTo(1));
        assertThat(count("select count(*) from calendar_feed_token where practitioner_id = ?", alan)).isZero();
        assertThat(count("select count(*) from research_observation where practitioner_id = ?", alan)).isZero();
        assertThat(count("""
                select count(*) from outcome, unnest(author_names) a
                 where outcome.id = ? and lower(btrim(a)) = 'alan turing'""", outcome)).isZero();
        mvc.perform(get("/api/exchange/outcomes/" + outcome))
                .andExpect(jsonPath("$.authorNames[0]").value("A group member (name withheld)"))
                .andExpect(jsonPath("$.authorNames[1]").value("Grace Hopper"));
        // what stays names nobody: the subject id alone, so that the group's counts and the trial still add up
        assertThat(count("select count(*) from group_member where practitioner_id = ?", alan)).isEqualTo(1);
        assertThat(count("select count(*) from research_trial where practitioner_id = ?", alan)).isEqualTo(1);

        // the discussion keeps Alan's post as a former member's, without his words, links, or name where others wrote it
        assertThat(count("select count(*) from discussion_post where author_id = ?", alan)).isZero();
        assertThat(count("""
                select count(*) from discussion_post p join discussion_thread t on t.id = p.thread_id
                 where t.id = ? and p.opens_thread and p.author_erased and p.body_markdown is null
                   and p.body_html is null and t.title = 'A thread started by a former member'""", thread))
                .isEqualTo(1);
        assertThat(count("select count(*) from discussion_link l join discussion_post p on p.id = l.post_id"
                + " where p.thread_id = ?", thread)).isZero();
        assertThat(count("select count(*) from discussion_post where id = ? and body_markdown = "
                + "'Thank you A former member!' and body_html not like '%Alan%'", mention)).isEqualTo(1);
        for (String table : java.util.List.of("discussion_mention", "discussion_reaction", "discussion_read")) {
            assertThat(count("select count(*) from " + table + " where person_id = ?", alan)).as(table).isZero();
        }
        assertThat(count("select count(*) from discussion_report where reported_by = ?", alan)).isZero();
        assertThat(count("select count(*) from discussion_attachment where uploaded_by = ?", alan)).isZero();
        assertThat(count("select count(*) from interest where practitioner_id = ?", alan)).isZero();
        assertThat(count("select count(*) from series_registration where practitioner_id = ?", alan)).isZero();
        assertThat(count("select count(*) from enquiry where practitioner_id = ?", alan)).isZero();
        assertThat(count("select count(*) from enquiry_reply where enquiry_id = ?", enquiry)).isZero();
        assertThat(count("select count(*) from outcome_draft_item where quoted_person_id = ?", alan)).isZero();
        assertThat(count("select count(*) from learning_exchange_member where person_id = ?", alan)).isZero();
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(facilitator(lead)))
                .andExpect(jsonPath("$.posts[0].authorName").value("A former member"))
                .andExpect(jsonPath("$.posts[0].authorId").doesNotExist())
                .andExpect(jsonPath("$.posts[0].html").doesNotExist())
                .andExpect(jsonPath("$.posts[1].mentions.length()").value(0));

        // and no table of this database that can hold personal data goes unaccounted for
        PersonalDataTables.in(dataSource)
                .erasureRemovesOrBlanks("practitioner_directory", "calendar_feed_token", "research_observation",
                        "outcome")
                .keepsOnlyAPseudonymousId("group_member", "so that a group's members and waitlist add up")
                .keepsOnlyAPseudonymousId("research_trial", "the trial stays with its group, named by nobody; "
                        + "its method and aim are about the practice tried")
                .keepsOnlyAPseudonymousId("group_facilitator", "who runs or ran a group")
                .keepsOnlyAPseudonymousId("registration", "so that a meeting's places and waitlist add up")
                .keepsOnlyAPseudonymousId("attendance", "the register, and the CPD hours membership already counted")
                .keepsOnlyAPseudonymousId("attendance_revision", "every version of an attendance line "
                        + "(corrections are never silent); the reason is the recorder's")
                .keepsOnlyAPseudonymousId("dissemination", "how far a published outcome reached")
                .keepsOnlyAPseudonymousId("report_person", "the programme report's people involved, counted from "
                        + "the memberships, registrations and attendance that keep the same id")
                .keepsOnlyAPseudonymousId("report_attended_organisation", "the organisations attendance was "
                        + "recorded for, as attendance keeps them")
                .keepsOnlyAPseudonymousId("appointment", "the latest appointment fact per person and role, so that "
                        + "a late event cannot reorder them")
                .keepsOnlyAPseudonymousId("exchange_group", "who proposed the group; its name and challenge are "
                        + "the group's")
                .keepsOnlyAPseudonymousId("meeting", "who scheduled it; its title, description, speaker and "
                        + "cancel reason are the meeting's published details")
                .keepsOnlyAPseudonymousId("research_evaluation", "who recorded the group's evaluation; what works "
                        + "is the group's finding")
                .erasureRemovesOrBlanks("discussion_post", "discussion_thread", "discussion_link",
                        "discussion_mention", "discussion_reaction", "discussion_read", "discussion_report",
                        "discussion_attachment")
                .erasureRemovesOrBlanks("interest", "series_registration")
                .erasureRemovesOrBlanks("enquiry", "enquiry_reply", "learning_exchange_member",
                        "outcome_draft_item")
                .keepsOnlyAPseudonymousId("discussion_space", "who opened a closed group's discussion to its network")
                .notAboutTheErasedPerson("meeting_guest", "named guests have no subject id (finding 3), so a "
                        + "practitioner's erasure cannot find them; the recorder is named by id")
                .notAboutTheErasedPerson("network", "the network's published contact, as a programme admin "
                        + "entered it, tied to no subject id")
                .notAboutTheErasedPerson("organisation_directory", "organisations' names")
                .notAboutTheErasedPerson("venue", "the names and addresses of places partners offer")
                .notAboutTheErasedPerson("programme_cycle", "names of programme cycles")
                .notAboutTheErasedPerson("programme_wave", "names of a cycle's waves")
                .assertEveryTableIsAccountedFor();
    }

    /** An active group led by {@code lead} with Alan Turing, whom membership-service registered, as a member. */
    private UUID activeGroupWithAlanTuring(UUID alan, UUID lead) throws Exception {
        UUID group = api.activeGroup(api.westMidlands(), lead, 10);
        api.join(group, alan).andExpect(status().isCreated());
        send("membership.PractitionerRegistered.v1", alan, UUID.randomUUID(), registered(alan, "Alan", "Turing"));
        return group;
    }

    private UUID publishOutcome(UUID group, UUID lead, String... authors) throws Exception {
        String names = java.util.Arrays.stream(authors).map(name -> "\"" + name + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return ExchangeApi.id(mvc.perform(post("/api/exchange/outcomes").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"groupId":"%s","kind":"CASE_STUDY","title":"Retrieval practice that sticks",
                         "summary":"Retrieval practice at the start of each session.","authorNames":[%s],
                         "subjectArea":"maths","licence":"CC BY 4.0","linkUrl":"https://files.test/retrieval.pdf"}"""
                        .formatted(group, names)))
                .andExpect(status().isCreated()));
    }

    private long count(String sql, Object... arguments) {
        return jdbc.sql(sql).params(arguments).query(Long.class).single();
    }

    private static String profile(UUID person, boolean nameOnOutcomes) {
        return """
                {"practitionerId":"%s","email":"%s@college.test","givenName":"Alan","familyName":"Turing",
                 "jobRole":"Lecturer in maths","organisationId":"org-westmid-college","region":"West Midlands",
                 "specialisms":["maths"],"newsletterConsent":false,"nameOnOutcomesConsent":%s,
                 "updatedAt":"2026-11-24T10:00:00Z"}""".formatted(person, person, nameOnOutcomes);
    }

    @Test
    void aFacilitatorWhoseAppointmentIsWithdrawnNoLongerRunsTheirGroupsNorProposesNewOnes() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        UUID network = api.westMidlands();
        appoint(appointment, lead);
        UUID group = api.formingGroup(network, lead, 10);
        api.scheduleGroupMeeting(group, facilitator(lead), 7, 10).andExpect(status().isCreated());

        withdraw(appointment, lead);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.scheduleGroupMeeting(group, facilitator(lead),
                14, 10).andExpect(status().isForbidden()));
        mvc.perform(get("/api/exchange/groups/" + group + "/members").with(facilitator(lead)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/groups/" + group)).andExpect(jsonPath("$.facilitators").value(0));
        mvc.perform(post("/api/exchange/groups").with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content(proposal(network, "[]"))).andExpect(status().isForbidden());
    }

    @Test
    void aFacilitatorWhoseAppointmentIsWithdrawnIsNoLongerRegisteredForAllOfTheirGroupsMeetings() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        appoint(appointment, lead);
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        UUID meeting = api.groupMeeting(group, lead, 7);
        mvc.perform(put("/api/exchange/groups/" + group + "/series-registration").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meetings.length()").value(1));
        mvc.perform(get("/api/exchange/meetings/" + meeting)).andExpect(jsonPath("$.placesLeft").value(19));

        withdraw(appointment, lead);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(
                get("/api/exchange/groups/" + group + "/series-registration").with(facilitator(lead)))
                .andExpect(jsonPath("$.registered").value(false))
                .andExpect(jsonPath("$.meetings.length()").value(0)));
        mvc.perform(get("/api/exchange/meetings/" + meeting)).andExpect(jsonPath("$.placesLeft").value(20));
        UUID later = ExchangeApi.id(api.scheduleGroupMeeting(group, programmeAdmin(), 14, 20)
                .andExpect(status().isCreated()));
        mvc.perform(get("/api/exchange/meetings/" + later)).andExpect(jsonPath("$.placesLeft").value(20));
    }

    @Test
    void aFacilitatorWhoseAppointmentIsWithdrawnLosesTheirGroupsDiscussionAtOnceWhileItsMembersKeepIt()
            throws Exception {
        UUID lead = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        UUID network = api.westMidlands();
        appoint(appointment, lead);
        UUID group = api.formingGroup(network, lead, 10);
        api.join(group, member).andExpect(status().isCreated());
        UUID space = ExchangeApi.id(mvc.perform(get("/api/exchange/groups/" + group + "/discussion")
                .with(facilitator(lead))).andExpect(status().isOk()).andExpect(jsonPath("$.moderates").value(true)));
        UUID thread = ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/" + space + "/threads")
                .with(ExchangeApi.practitioner(member)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Fractions\",\"text\":\"How do you start?\"}")).andExpect(status().isCreated()));

        withdraw(appointment, lead);

        // no longer the group's facilitator nor anyone else's in the network: as if the space did not exist
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/exchange/groups/" + group
                + "/discussion").with(facilitator(lead))).andExpect(status().isNotFound()));
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(facilitator(lead)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/exchange/discussions/threads/" + thread + "/pin").with(facilitator(lead)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exchange/networks/" + network + "/discussion").with(facilitator(lead)))
                .andExpect(status().isNotFound());
        // the member reads and writes on
        mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies")
                .with(ExchangeApi.practitioner(member)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Still here\"}")).andExpect(status().isCreated());
    }

    @Test
    void aProposalNamesOnlyAppointedFacilitatorsAsCoFacilitators() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        UUID network = api.westMidlands();

        mvc.perform(post("/api/exchange/groups").with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content(proposal(network, "[\"" + colleague + "\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(colleague.toString())));
        mvc.perform(post("/api/exchange/groups/" + api.formingGroup(network, lead, 10) + "/facilitators")
                .with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"practitionerId\":\"" + colleague + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("appointed")));

        send("membership.PractitionerAppointed.v1", colleague, UUID.randomUUID(), appointment(UUID.randomUUID(),
                colleague, "appointedBy", "appointedAt", "2026-11-23T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(post("/api/exchange/groups")
                .with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content(proposal(network, "[\"" + colleague + "\"]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.facilitators").value(2)));
    }

    private String proposal(UUID network, String facilitatorIds) {
        return """
                {"networkId":"%s","name":"ESOL: speaking confidence","kind":"SUBJECT","area":"ESOL",
                 "challenge":"Learners are shy to speak","capacity":10,"plannedStart":"%s","plannedEnd":"%s",
                 "facilitatorIds":%s}""".formatted(network, api.tomorrow(), api.tomorrow().plusMonths(6),
                facilitatorIds);
    }

    private void appoint(UUID appointment, UUID facilitator) throws Exception {
        send("membership.PractitionerAppointed.v1", facilitator, UUID.randomUUID(), appointment(appointment,
                facilitator, "appointedBy", "appointedAt", "2026-11-23T10:00:00Z"));
    }

    private void withdraw(UUID appointment, UUID facilitator) throws Exception {
        send("membership.AppointmentWithdrawn.v1", facilitator, UUID.randomUUID(), appointment(appointment,
                facilitator, "withdrawnBy", "withdrawnAt", "2026-11-24T10:00:00Z"));
    }

    private static String appointment(UUID appointment, UUID person, String byField, String atField, String at) {
        return """
                {"appointmentId":"%s","practitionerId":"%s","role":"facilitator","%s":"%s","%s":"%s"}"""
                .formatted(appointment, person, byField, UUID.randomUUID(), atField, at);
    }

    private ResultActions scheduleAt(UUID network, UUID venue, int capacity) throws Exception {
        LocalDateTime start = api.tomorrow().plusDays(10).atTime(9, 30);
        return mvc.perform(post("/api/exchange/meetings").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"networkId":"%s","kind":"DEVELOPMENT_DAY","title":"Development day",
                         "keySpeaker":"Dr Jane Example",
                         "when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London","venueId":"%s"},
                         "capacity":%d}""".formatted(network, start, start.plusHours(6), venue, capacity)));
    }

    private void send(String type, UUID key, UUID eventId, String json) throws Exception {
        producer.send(ExchangeApi.cloudEvent(Topics.MEMBERSHIP, type, key.toString(), eventId, json)).get();
    }

    private void registerOrganisation(String id, String name) throws Exception {
        send("membership.OrganisationRegistered.v1", UUID.randomUUID(), UUID.randomUUID(), """
                {"organisationId":"%s","name":"%s","type":"FE_COLLEGE","region":"West Midlands",
                 "identityProviderAlias":null,"registeredAt":"2026-11-23T10:00:00Z"}""".formatted(id, name));
    }

    private static String venueOf(String organisation, UUID venue, boolean withdrawn) {
        return """
                {"venueId":"%s","organisationId":"%s","name":"Ludlow College, Castle Square",
                 "address":"Castle Square, Ludlow","postcode":"SY8 1AY","latitude":52.37,"longitude":-2.72,
                 "capacity":30,"accessibility":"Step-free","withdrawn":%s,
                 "offeredAt":"2026-11-23T10:00:00Z"}""".formatted(venue, organisation, withdrawn);
    }

    private static String venueOffered(UUID venue, boolean withdrawn) {
        return """
                {"venueId":"%s","organisationId":"org-westmid-college","name":"Westmid College, Hall Green campus",
                 "address":"1 College Road, Birmingham","postcode":"B28 8ZZ","latitude":52.43,"longitude":-1.83,
                 "capacity":30,"accessibility":"Step-free, hearing loop","withdrawn":%s,
                 "offeredAt":"2026-11-23T10:00:00Z"}""".formatted(venue, withdrawn);
    }

    private static String registered(UUID person, String given, String family) {
        return """
                {"practitionerId":"%s","email":"%s@college.test","givenName":"%s","familyName":"%s",
                 "organisationId":"org-westmid-college","registeredAt":"2026-11-23T10:00:00Z"}"""
                .formatted(person, person, given, family);
    }

    private double duplicates() {
        var counter = meters.find("exchange.inbox.events").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private double processed() {
        var counter = meters.find("exchange.inbox.events").tag("outcome", "processed").counter();
        return counter == null ? 0 : counter.count();
    }
}
