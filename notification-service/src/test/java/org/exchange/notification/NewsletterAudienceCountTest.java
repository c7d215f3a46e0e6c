package org.exchange.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.exchange.contracts.exchange.GroupActivated;
import org.exchange.contracts.exchange.MemberJoinedGroup;
import org.exchange.contracts.exchange.NetworkCreated;
import org.exchange.contracts.membership.MembershipActivated;
import org.exchange.contracts.membership.MembershipLapsed;
import org.exchange.contracts.membership.MembershipRenewed;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.notification.newsletter.Audience;
import org.exchange.notification.newsletter.Audience.Segment;
import org.exchange.notification.preference.Category;
import org.exchange.notification.preference.Suppressions;
import org.exchange.notification.preference.UnsubscribeLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The newsletter's audience sizes are kept by the database with every change (V22_1, docs/adr/0027); these tests hold
 * them, and the view the sender enumerates, to the rule as it was counted on each call before
 * ({@link RawAudienceQuery}), after each write path that moves someone in or out of an audience.
 */
class NewsletterAudienceCountTest extends NotificationIntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    Suppressions suppressions;

    @Autowired
    UnsubscribeLinks unsubscribeLinks;

    private final String college = "org-audience-" + UUID.randomUUID();
    private final String provider = "org-audience-" + UUID.randomUUID();
    private final UUID north = UUID.randomUUID();
    private final UUID south = UUID.randomUUID();
    private final List<Audience> audiences = List.of(new Audience(Segment.CONSENTED, null),
            new Audience(Segment.MEMBERS, null), new Audience(Segment.NETWORK, north.toString()),
            new Audience(Segment.NETWORK, south.toString()), new Audience(Segment.ORGANISATION, college),
            new Audience(Segment.ORGANISATION, provider));

    @Test
    void everyCountEqualsTheRuleAfterEachChangeThatMovesSomeoneInOrOut() throws Exception {
        publishAndAwait(new OrganisationRegistered(college, "Audience College", "COLLEGE", "West Midlands", null,
                Instant.now()), UUID.randomUUID());
        publishAndAwait(new OrganisationRegistered(provider, "Audience Skills", "WORK_BASED_LEARNING",
                "West Midlands", null, Instant.now()), UUID.randomUUID());
        publishAndAwait(new NetworkCreated(north, "North Exchange " + north, "North", "Leeds", 53.8, -1.55, college,
                Instant.now()), north);
        publishAndAwait(new NetworkCreated(south, "South Exchange " + south, "South", "Bristol", 51.45, -2.59,
                provider, Instant.now()), south);
        Person ada = registered("Ada", college);
        Person bob = registered("Bob", college);
        assertKeptAsTheRule("registered, nobody agreed to the newsletter yet");

        profile(ada, ada.email(), college, true);
        profile(bob, bob.email(), college, false);
        assertKeptAsTheRule("Ada agreed in her profile, Bob did not");

        newsletterSwitched(bob, true);
        assertKeptAsTheRule("Bob switched the newsletter on in the portal");

        profile(ada, ada.email(), provider, true);
        assertKeptAsTheRule("Ada moved to another organisation");

        UUID membership = UUID.randomUUID();
        publishAndAwait(new MembershipActivated(membership, ada.id(), ada.email(), "Ada", LocalDate.now(),
                LocalDate.now().plusYears(1), UUID.randomUUID(), Instant.now()), ada.id());
        assertKeptAsTheRule("Ada's membership became active");
        publishAndAwait(new MembershipLapsed(membership, ada.id(), ada.email(), "Ada", LocalDate.now(),
                Instant.now()), ada.id());
        assertKeptAsTheRule("Ada's membership lapsed");
        publishAndAwait(new MembershipRenewed(membership, ada.id(), ada.email(), "Ada", LocalDate.now(),
                LocalDate.now().plusYears(1), UUID.randomUUID(), Instant.now()), ada.id());
        assertKeptAsTheRule("Ada renewed");

        joined(north, ada);
        joined(north, bob);
        joined(south, ada);
        assertKeptAsTheRule("Ada and Bob joined groups in two networks");
        Person cy = consenting("Cy", college);
        UUID group = UUID.randomUUID();
        publishAndAwait(new GroupActivated(group, south, "Fractions circle", List.of(bob.id()),
                List.of(ada.id(), cy.id()), 4, Instant.now()), group);
        assertKeptAsTheRule("a group became active with its facilitator and members, all in one event");

        suppressions.suppress(ada.email(), ada.id(), "5.1.1", "550 5.1.1 User unknown", null, Instant.now());
        assertKeptAsTheRule("Ada's address bounced hard");
        String adasNewAddress = "ada-new-" + UUID.randomUUID() + "@college.test";
        profile(ada, adasNewAddress, provider, true);
        assertKeptAsTheRule("Ada has a new address, which has not bounced");

        String mixedCase = "Bob-" + UUID.randomUUID() + "@College.TEST";
        profile(bob, mixedCase, college, true);
        suppressions.suppress(mixedCase, bob.id(), "5.1.1", "550 5.1.1 User unknown", null, Instant.now());
        assertKeptAsTheRule("Bob's address, written in mixed case, bounced hard");
        newsletterSwitched(bob, true);
        assertKeptAsTheRule("Bob opted in again: his address is tried again");

        unsubscribe(bob);
        assertKeptAsTheRule("Bob unsubscribed with a newsletter's one-click link");

        String shared = "office-" + UUID.randomUUID() + "@college.test";
        Person dee = consenting("Dee", college);
        Person eve = consenting("Eve", college);
        profile(dee, shared, college, true);
        profile(eve, shared, college, true);
        assertKeptAsTheRule("Dee and Eve share one address");
        suppressions.suppress(shared, dee.id(), "5.1.1", "550 5.1.1 User unknown", null, Instant.now());
        assertKeptAsTheRule("their shared address bounced hard: both are out");
        newsletterSwitched(dee, true);
        assertKeptAsTheRule("Dee opted in again: the suppression is lifted for both");

        publishAndAwait(new PractitionerErasureRequested(ada.id(), Instant.now()), ada.id());
        assertKeptAsTheRule("Ada asked for erasure");
        profile(ada, ada.email(), college, true);
        assertKeptAsTheRule("a later profile does not bring an erased person back");
        assertThat(jdbc.sql("select count(*) from newsletter_audience_member where person_id = :id")
                .param("id", ada.id()).query(Integer.class).single()).isZero();

        jdbc.sql("select newsletter_audience_fold()").query(Long.class).single();
        assertKeptAsTheRule("each audience's count rows folded into one");
        assertThat(jdbc.sql("""
                select count(*) from (select 1 from newsletter_audience_count group by segment, ref
                                      having count(*) > 1) unfolded""").query(Integer.class).single()).isZero();

        // the list the portal shows reads every count at once
        JsonNode options = json.readTree(mvc.perform(get("/api/notifications/newsletters/audiences")
                .with(programmeAdmin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(UTF_8));
        for (Audience audience : audiences) {
            JsonNode option = options.valueStream()
                    .filter(o -> o.get("segment").asString().equals(audience.segment().name())
                            && (audience.ref() == null || audience.ref().equals(o.get("ref").asString())))
                    .findFirst().orElseThrow();
            assertThat(option.get("count").asInt()).as("listed: %s", audience)
                    .isEqualTo(RawAudienceQuery.people(jdbc, audience).size());
        }
    }

    @Test
    void theCountShownIsHowManyCopiesSendingQueues() throws Exception {
        Person fay = consenting("Fay", college);
        Person gus = consenting("Gus", college);
        consenting("Hal", provider);
        joined(north, fay);
        joined(north, gus);
        int shown = audienceCount(new Audience(Segment.NETWORK, north.toString()));
        assertThat(shown).isEqualTo(2);

        JsonNode issue = json.readTree(mvc.perform(post("/api/notifications/newsletters").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"North news\",\"audience\":{\"segment\":\"NETWORK\",\"ref\":\"" + north + "\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(UTF_8));
        String id = issue.get("id").asString();
        mvc.perform(post("/api/notifications/newsletters/" + id + "/schedule").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());

        await().atMost(PATIENCE).until(() -> recipientsOf(id).isPresent());
        assertThat(recipientsOf(id)).contains(shown);
    }

    @Test
    void aRedeliveredEventOrTheSameFactAgainMovesNoCount() throws Exception {
        Person ivy = registered("Ivy", college);
        ProducerRecord<String, byte[]> consent = publishAndAwait(profileOf(ivy, ivy.email(), college, true), ivy.id());
        ProducerRecord<String, byte[]> joined = publishAndAwait(new MemberJoinedGroup(UUID.randomUUID(), north,
                "Phonics group", ivy.id(), false, Instant.now()), ivy.id());
        ProducerRecord<String, byte[]> activated = publishAndAwait(new MembershipActivated(UUID.randomUUID(),
                ivy.id(), ivy.email(), "Ivy", LocalDate.now(), LocalDate.now().plusYears(1), UUID.randomUUID(),
                Instant.now()), ivy.id());
        List<Integer> before = counts();
        assertKeptAsTheRule("Ivy consented, joined a group and became a member");

        redeliver(consent);
        redeliver(joined);
        redeliver(activated);
        assertThat(counts()).as("after the same events were delivered again").isEqualTo(before);

        publishAndAwait(profileOf(ivy, ivy.email(), college, true), ivy.id());
        joined(north, ivy);
        publishAndAwait(new MembershipRenewed(UUID.randomUUID(), ivy.id(), ivy.email(), "Ivy", LocalDate.now(),
                LocalDate.now().plusYears(1), UUID.randomUUID(), Instant.now()), ivy.id());
        newsletterSwitched(ivy, true);
        assertThat(counts()).as("after new events stating the same facts").isEqualTo(before);
        assertKeptAsTheRule("the same facts again");
    }

    @Test
    void erasureTakesThePersonOutOfEveryAudienceTheyWereIn() throws Exception {
        Person jo = consenting("Jo", college);
        joined(north, jo);
        joined(south, jo);
        publishAndAwait(new MembershipActivated(UUID.randomUUID(), jo.id(), jo.email(), "Jo", LocalDate.now(),
                LocalDate.now().plusYears(1), UUID.randomUUID(), Instant.now()), jo.id());
        List<Integer> before = counts();
        assertThat(before.subList(2, 5)).as("Jo alone in both networks and the college").containsOnly(1);

        publishAndAwait(new PractitionerErasureRequested(jo.id(), Instant.now()), jo.id());

        List<Integer> after = counts();
        for (int i = 0; i < audiences.size(); i++) {
            int wasIn = audiences.get(i).segment() == Segment.ORGANISATION && audiences.get(i).ref().equals(provider)
                    ? 0 : 1;
            assertThat(after.get(i)).as("%s", audiences.get(i)).isEqualTo(before.get(i) - wasIn);
        }
        assertKeptAsTheRule("Jo asked for erasure");
    }

    /**
     * Statements on every table the rule reads, beyond what the services write today: several people in one statement,
     * a row moved from one person to another, updates of values the rule does not read (which refresh nobody, V23_1),
     * deletions. After each, every kept person and count is still the view's.
     */
    @Test
    void everyStatementOnTheTablesTheRuleReadsKeepsTheAudiencesAsTheViewHasThem() throws Exception {
        Person lee = registered("Lee", college);
        Person max = registered("Max", college);
        Person ned = registered("Ned", provider);
        Person oz = registered("Oz", provider);
        change("""
                insert into mail_preference (recipient_id, category, email, updated_at)
                select id, 'NEWSLETTER', id <> :ned, now() from recipient where id = any(:people::uuid[])""",
                lee, max, ned);
        assertKeptAsTheRule("three consents in one statement, one of them off");
        change("insert into membership (practitioner_id, active, updated_at) values (:lee, true, now()), "
                + "(:max, false, now())", lee, max);
        change("insert into network_participant (network_id, practitioner_id) values (:north, :lee), "
                + "(:north, :max), (:south, :ned)", lee, max, ned);
        assertKeptAsTheRule("a membership active and one not, three network participations, each in one statement");

        refreshingNobody("updates of values the rule does not read", () -> {
            change("update mail_preference set updated_at = now() where recipient_id = any(:people::uuid[])",
                    lee, max, ned);
            change("update membership set updated_at = now(), expires_on = current_date + 365 "
                    + "where practitioner_id = any(:people::uuid[])", lee, max);
            change("update recipient set given_name = given_name || '.', family_name = 'Renamed' "
                    + "where id = any(:people::uuid[])", lee, max, ned, oz);
            change("update network_participant set network_id = network_id "
                    + "where practitioner_id = any(:people::uuid[])", lee, max, ned);
        });
        assertKeptAsTheRule("updates of values the rule does not read");

        change("update mail_preference set email = not email where recipient_id = any(:people::uuid[])", lee, ned);
        assertKeptAsTheRule("Lee's consent off and Ned's on, in one statement");
        change("update membership set active = not active where practitioner_id = any(:people::uuid[])", lee, max);
        assertKeptAsTheRule("Lee's membership lapsed and Max's became active, in one statement");
        change("update network_participant set network_id = :south where practitioner_id = :max", max);
        assertKeptAsTheRule("Max's participation moved to the other network");
        change("update mail_preference set recipient_id = :oz where recipient_id = :ned and category = 'NEWSLETTER'",
                ned, oz);
        assertKeptAsTheRule("Ned's consent row moved to Oz");
        change("""
                update recipient set organisation_id = case when id = :max then :provider else :college end,
                                     email = case when id = :max then upper(email) else email end
                where id = any(:people::uuid[])""", max, oz);
        assertKeptAsTheRule("Max and Oz changed organisation, Max's address now in capitals");

        change("insert into mail_suppression (email, recipient_id, status, suppressed_at) "
                + "select lower(email), id, '5.1.1', now() from recipient where id = :max", max);
        assertKeptAsTheRule("Max's address, stored in capitals, suppressed in lower case");
        refreshingNobody("a suppression's diagnostic rewritten", () -> change(
                "update mail_suppression set diagnostic = '550 gone', suppressed_at = now() where recipient_id = :max",
                max));
        change("update mail_suppression set email = (select lower(email) from recipient where id = :oz), "
                + "recipient_id = :oz where recipient_id = :max", max, oz);
        assertKeptAsTheRule("the suppression moved from Max's address to Oz's");
        change("update recipient set email = (select email from recipient where id = :oz) where id = :lee", lee, oz);
        change("update mail_preference set email = true where recipient_id = :lee and category = 'NEWSLETTER'", lee);
        assertKeptAsTheRule("Lee took Oz's suppressed address and consented again");
        change("delete from mail_suppression where recipient_id = :oz", oz);
        assertKeptAsTheRule("the suppression lifted: Lee and Oz, who share the address, are back");

        change("update recipient set erased_at = now() where id = :oz", oz);
        assertKeptAsTheRule("Oz erased");
        change("delete from network_participant where practitioner_id = any(:people::uuid[])", lee, max);
        change("delete from membership where practitioner_id = any(:people::uuid[])", lee, max);
        assertKeptAsTheRule("Lee's and Max's participations and memberships deleted");
        change("delete from recipient where id = any(:people::uuid[])", lee, max);
        assertKeptAsTheRule("Lee and Max deleted, their consents left behind");
        change("delete from mail_preference where recipient_id = any(:people::uuid[])", lee, max, ned, oz);
        assertKeptAsTheRule("every consent of these people deleted");
        for (Person person : List.of(lee, max, ned, oz)) {
            assertThat(jdbc.sql("select count(*) from newsletter_audience_member where person_id = :id")
                    .param("id", person.id()).query(Integer.class).single()).as("%s kept", person.givenName())
                    .isZero();
        }
    }

    /**
     * Two transactions change different facts about one person at once: the consent in the first, a membership in the
     * second. Each alone sees the other's fact as it was; the second must wait for the first and then count with both.
     */
    @Test
    void twoTransactionsChangingOnePersonAtOnceLeaveEveryCountRight() throws Exception {
        Person kim = registered("Kim", college);
        try (Connection consent = dataSource.getConnection(); Connection membership = dataSource.getConnection()) {
            consent.setAutoCommit(false);
            membership.setAutoCommit(false);
            update(consent, """
                    insert into mail_preference (recipient_id, category, email, updated_at)
                    values (?, 'NEWSLETTER', true, now())""", kim.id());
            int waiting = backendPid(membership);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    update(membership, """
                            insert into membership (practitioner_id, active, updated_at) values (?, true, now())""",
                            kim.id());
                    membership.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(PATIENCE).until(() -> jdbc.sql("""
                    select count(*) from pg_locks where pid = :pid and locktype = 'advisory' and not granted""")
                    .param("pid", waiting).query(Integer.class).single() > 0);
            consent.commit();
            second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("select segment from newsletter_audience_member where person_id = :id order by segment")
                .param("id", kim.id()).query(String.class).list())
                .containsExactly("CONSENTED", "MEMBERS", "ORGANISATION");
        assertKeptAsTheRule("Kim's consent and membership committed at once");
    }

    /**
     * In one snapshot: each audience of this test as the sender enumerates it equals the rule before V22_1, and its
     * kept count is its size; every person's kept segments are the view's, and every kept count is the number of
     * people kept in it, for all the data in the database (other tests' people included). Then the API's count.
     */
    private void assertKeptAsTheRule(String step) throws Exception {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        List<Integer> expected = snapshot.execute(status -> {
            List<Integer> sizes = new ArrayList<>();
            for (Audience audience : audiences) {
                Set<String> rule = RawAudienceQuery.people(jdbc, audience);
                assertThat(sent(audience)).as("%s: whom sending addresses, %s", step, audience)
                        .isEqualTo(rule);
                assertThat(kept(audience)).as("%s: the kept count of %s", step, audience).isEqualTo(rule.size());
                sizes.add(rule.size());
            }
            assertThat(keptOtherThanTheView(jdbc)).as("%s: people kept in segments they are not in, or not kept "
                    + "in segments they are in", step).isZero();
            assertThat(countsOtherThanThePeopleKept(jdbc)).as("%s: counts other than the people kept", step)
                    .isZero();
            return sizes;
        });
        assertThat(counts()).as("%s: the counts the API answers", step).isEqualTo(expected);
    }

    /** Runs one statement; each person is bound by their given name in lower case, all of them as {@code people}. */
    private void change(String sql, Person... people) {
        var statement = jdbc.sql(sql).param("people", Arrays.stream(people).map(person -> person.id().toString())
                .collect(Collectors.joining(",", "{", "}")));
        for (Person person : people) {
            if (sql.contains(":" + person.givenName().toLowerCase())) {
                statement = statement.param(person.givenName().toLowerCase(), person.id());
            }
        }
        for (var named : Map.of("north", north, "south", south, "college", college, "provider", provider)
                .entrySet()) {
            if (sql.contains(":" + named.getKey())) {
                statement = statement.param(named.getKey(), named.getValue());
            }
        }
        statement.update();
    }

    /** Runs the statements in one transaction, which must not have refreshed anyone: no person's lock taken. */
    private void refreshingNobody(String what, Runnable statements) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            statements.run();
            assertThat(jdbc.sql("select count(*) from pg_locks where pid = pg_backend_pid() and locktype = 'advisory'")
                    .query(Integer.class).single()).as("%s: people refreshed", what).isZero();
        });
    }

    /** In the whole database: how many (person, segment) pairs the view and the kept members disagree on. */
    static int keptOtherThanTheView(JdbcClient jdbc) {
        return jdbc.sql("""
                select count(*) from (
                  (select person_id, segment, ref from newsletter_audience
                   except select person_id, segment, ref from newsletter_audience_member)
                  union all
                  (select person_id, segment, ref from newsletter_audience_member
                   except select person_id, segment, ref from newsletter_audience)) differ""")
                .query(Integer.class).single();
    }

    /** In the whole database: how many audiences have a kept count other than the number of people kept in them. */
    static int countsOtherThanThePeopleKept(JdbcClient jdbc) {
        return jdbc.sql("""
                select count(*) from (
                  (select segment, ref, count(*) from newsletter_audience_member group by segment, ref
                   except select segment, ref, sum(people) from newsletter_audience_count group by segment, ref
                          having sum(people) <> 0)
                  union all
                  (select segment, ref, sum(people) from newsletter_audience_count group by segment, ref
                   having sum(people) <> 0
                   except select segment, ref, count(*) from newsletter_audience_member group by segment, ref))
                differ""").query(Integer.class).single();
    }

    private Set<String> sent(Audience audience) {
        return jdbc.sql("select person_id, email from newsletter_audience where segment = :segment and ref = :ref")
                .param("segment", audience.segment().name()).param("ref", audience.ref() == null ? "" : audience.ref())
                .query((rs, row) -> rs.getString("person_id") + " " + rs.getString("email"))
                .list().stream().collect(Collectors.toSet());
    }

    private int kept(Audience audience) {
        return jdbc.sql("""
                select coalesce(sum(people), 0) from newsletter_audience_count
                where segment = :segment and ref = :ref""")
                .param("segment", audience.segment().name()).param("ref", audience.ref() == null ? "" : audience.ref())
                .query(Integer.class).single();
    }

    /** This test's audiences' counts as the API answers them, in order. */
    private List<Integer> counts() throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (Audience audience : audiences) {
            counts.add(audienceCount(audience));
        }
        return counts;
    }

    private int audienceCount(Audience audience) throws Exception {
        var request = get("/api/notifications/newsletters/audiences/count").with(programmeAdmin())
                .param("segment", audience.segment().name());
        if (audience.ref() != null) {
            request.param("ref", audience.ref());
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(UTF_8)).get("count").asInt();
    }

    /** How many copies the issue queued when it started sending, once it has. */
    private java.util.Optional<Integer> recipientsOf(String issue) {
        return jdbc.sql("select recipients from newsletter_issue where id = :id::uuid and recipients is not null")
                .param("id", issue).query(Integer.class).optional();
    }

    /** Someone membership-service announced, on an organisation's staff, who has not said yet about the newsletter. */
    private Person registered(String givenName, String organisation) throws Exception {
        UUID id = UUID.randomUUID();
        String email = givenName.toLowerCase() + "-" + id + "@college.test";
        publishAndAwait(new PractitionerRegistered(id, email, givenName, "Tester", organisation, Instant.now()), id);
        return new Person(id, email, givenName);
    }

    private Person consenting(String givenName, String organisation) throws Exception {
        Person person = registered(givenName, organisation);
        profile(person, person.email(), organisation, true);
        return person;
    }

    private void profile(Person person, String email, String organisation, boolean consent) throws Exception {
        publishAndAwait(profileOf(person, email, organisation, consent), person.id());
    }

    private static PractitionerProfileUpdated profileOf(Person person, String email, String organisation,
            boolean consent) {
        return new PractitionerProfileUpdated(person.id(), email, person.givenName(), "Tester", "Lecturer",
                organisation, "West Midlands", List.of(), consent, false, Instant.now());
    }

    private void joined(UUID network, Person person) throws Exception {
        publishAndAwait(new MemberJoinedGroup(UUID.randomUUID(), network, "A group", person.id(), false,
                Instant.now()), person.id());
    }

    /** The person saves the newsletter's e-mail on or off in the portal. */
    private void newsletterSwitched(Person person, boolean on) throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(signedIn(person.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"categories\":[{\"category\":\"NEWSLETTER\",\"email\":" + on + "}]}"))
                .andExpect(status().isOk());
    }

    /** The one-click POST of the unsubscribe link a newsletter copy carries. */
    private void unsubscribe(Person person) throws Exception {
        String link = unsubscribeLinks.issue(person.id(), Category.NEWSLETTER);
        mvc.perform(post(link.substring(link.indexOf("/api/"))).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
    }

    private static RequestPostProcessor programmeAdmin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("email", "admin@academy.test")
                .claim("realm_access", Map.of("roles", List.of("practitioner", "programme-admin"))))
                .authorities(new SimpleGrantedAuthority("ROLE_practitioner"),
                        new SimpleGrantedAuthority("ROLE_programme-admin"));
    }

    private static void update(Connection connection, String sql, UUID person) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, person);
            statement.executeUpdate();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
