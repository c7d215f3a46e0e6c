package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.contracts.exchange.DiscussionPostAdded;
import org.exchange.contracts.exchange.DiscussionPostHidden;
import org.exchange.contracts.exchange.GroupActivated;
import org.exchange.contracts.exchange.MemberLeftGroup;
import org.exchange.contracts.membership.MembershipActivated;
import org.exchange.contracts.membership.MembershipLapsed;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.notification.digest.DiscussionDigests;
import org.exchange.testing.TwoInstances;
import org.exchange.testing.TwoInstances.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/**
 * The discussion digest: each person's choice of daily, weekly or none; the posts of the spaces they belong to, not
 * their own, each in one digest; one digest per person and period however many instances run the job and however
 * often; nothing when nothing is new; nothing from a space someone left, nothing to someone erased.
 *
 * <p>The job is run at chosen moments ({@link DiscussionDigests#send(Instant)}, what the scheduled run calls with the
 * service's clock), and the posts are made to have arrived at a chosen moment in the weeks ahead, so that the service's
 * own scheduled run, at the real time, never takes them.
 */
class DiscussionDigestTest extends NotificationIntegrationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "http://localhost:8080(/api/notifications/unsubscribe/[A-Za-z0-9_-]+)");

    @Autowired
    DiscussionDigests digests;

    @Autowired
    ApplicationContext context;

    /** A Tuesday at 10:00 in London, at least ten days ahead: when the test's posts arrive. */
    private static final Instant ARRIVED = LocalDate.now(LONDON).plusDays(10)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).atTime(10, 0).atZone(LONDON).toInstant();
    /** The next morning's daily digests (07:00 in London). */
    private static final Instant NEXT_MORNING = morningAfter(ARRIVED, 1);
    /** The next Monday morning's weekly digests. */
    private static final Instant NEXT_MONDAY = morningAfter(ARRIVED, 6);

    @Test
    void aDailyReaderGetsThePostsNextMorningAWeeklyOneOnMondayNobodyTheirOwnAndWhoSwitchedItOffNothing()
            throws Exception {
        Person ada = registeredPractitioner("Ada");
        Person eve = registeredPractitioner("Eve");
        Person fay = registeredPractitioner("Fay");
        Person bob = registeredPractitioner("Bob");
        digestSetTo(eve, "DAILY");
        digestSetTo(fay, "OFF");
        UUID network = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        String groupName = "Maths circle " + group;
        publishAndAwait(new GroupActivated(group, network, groupName, List.of(bob.id()),
                List.of(ada.id(), eve.id(), fay.id()), 4, ARRIVED.minus(Duration.ofDays(7))), group);

        UUID fractions = UUID.randomUUID();
        UUID rota = UUID.randomUUID();
        postArrived(group, network, fractions, "Fractions with bar models", true, bob, List.of(ada, eve, fay));
        postArrived(group, network, fractions, "Fractions with bar models", false, ada, List.of(bob, eve, fay));
        postArrived(group, network, rota, "Peer observation rota <b>& cover</b>", true, bob, List.of(ada, eve, fay));

        digests.send(NEXT_MORNING);

        String daily = awaitOneMail(eve.email(), "Your daily discussion digest: 3 new posts").text();
        assertThat(daily).contains("Hello Eve", groupName + " (group)", "Fractions with bar models",
                "Peer observation rota <b>& cover</b>", "Bob Tester", "Ada Tester", "(started the thread)",
                "http://localhost:8080/groups/thread.html?id=" + fractions,
                "http://localhost:8080/groups/thread.html?id=" + rota,
                "You get this digest daily", "http://localhost:8080/preferences.html");
        assertThat(daily.split("Fractions with bar models", -1)).as("its two posts under the thread's title once")
                .hasSize(2);
        String html = jdbc.sql("""
                select html_body from outgoing_mail where recipient_id = :eve and unsubscribe_category = 'DIGEST'""")
                .param("eve", eve.id()).query(String.class).single();
        assertThat(html).as("the HTML part: headings per space, each thread linked, what people wrote escaped")
                .contains("<h2", "href=\"http://localhost:8080/groups/thread.html?id=" + fractions + "\"",
                        "Peer observation rota &lt;b&gt;&amp; cover&lt;/b&gt;")
                .doesNotContain("<b>");
        assertThat(digestMails(ada)).as("a weekly reader waits for Monday").isZero();
        assertThat(digestMails(bob)).isZero();
        // switching to weekly after a daily digest does not bring its posts again on Monday
        digestSetTo(eve, "WEEKLY");

        digests.send(NEXT_MONDAY);

        String weekly = awaitOneMail(ada.email(), "Your weekly discussion digest: 2 new posts").text();
        assertThat(weekly).contains("Hello Ada", "Bob Tester", "You get this digest weekly")
                .as("not her own post").doesNotContain("Ada Tester");
        assertThat(awaitOneMail(bob.email(), "Your weekly discussion digest: 1 new post").text())
                .contains("Ada Tester", "Fractions with bar models").doesNotContain("Peer observation rota");
        assertThat(digestMails(eve)).as("nothing new on Monday for who had the posts in a daily digest").isOne();
        assertThat(digestMails(fay)).as("switched off").isZero();

        // the digest's own one-click unsubscribe link switches the digest off
        Matcher link = UNSUBSCRIBE.matcher(daily);
        assertThat(link.find()).as("an unsubscribe link in the digest").isTrue();
        mvc.perform(post(link.group(1)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/notifications/preferences").with(signedIn(eve.id())))
                .andExpect(jsonPath("$.discussionDigest").value("OFF"));
    }

    @Test
    void theLearningExchangesPostsReachItsCurrentMembersNotALapsedOneAndAHiddenPostIsInNoDigest() throws Exception {
        Person kim = registeredPractitioner("Kim");
        Person lena = registeredPractitioner("Lena");
        Person leo = registeredPractitioner("Leo");
        for (Person member : List.of(kim, lena, leo)) {
            publishAndAwait(new MembershipActivated(UUID.randomUUID(), member.id(), member.email(), member.givenName(),
                    LocalDate.now(), LocalDate.now().plusYears(1), UUID.randomUUID(), ARRIVED.minus(Duration.ofDays(30))),
                    member.id());
            digestSetTo(member, "DAILY");
        }
        publishAndAwait(new MembershipLapsed(UUID.randomUUID(), leo.id(), leo.email(), leo.givenName(),
                LocalDate.now(), ARRIVED.minus(Duration.ofDays(1))), leo.id());
        UUID space = UUID.randomUUID();
        UUID signposting = UUID.randomUUID();
        UUID offTopic = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        learningExchangePost(UUID.randomUUID(), signposting, "Signposting for new members " + space, space, kim);
        learningExchangePost(hidden, offTopic, "Something a moderator hid " + space, space, kim);
        publishAndAwait(new DiscussionPostHidden(hidden, offTopic, space, ARRIVED.plus(Duration.ofHours(1))),
                offTopic);

        digests.send(NEXT_MORNING);

        String daily = awaitOneMail(lena.email(), "Your daily discussion digest: 1 new post").text();
        assertThat(daily).contains("The Learning Exchange (members)", "Signposting for new members " + space,
                "Kim Tester", "http://localhost:8080/groups/thread.html?id=" + signposting)
                .doesNotContain("Something a moderator hid");
        assertThat(digestMails(leo)).as("a lapsed member").isZero();
        assertThat(digestMails(kim)).as("the author").isZero();
    }

    /** A post in the Learning Exchange's space (no network, no group) by {@code author}, arrived at ARRIVED. */
    private void learningExchangePost(UUID post, UUID thread, String title, UUID space, Person author)
            throws Exception {
        publishAndAwait(new DiscussionPostAdded(post, thread, title, true, space, "LEARNING_EXCHANGE", null, null,
                author.id(), List.of(), List.of(), ARRIVED), thread);
        arrived(post, ARRIVED);
    }

    @Test
    void eachDigestGoesOnceFromTwoInstancesAndAfterARestartEachPostInOneDigestAndNothingWhenNothingIsNew()
            throws Exception {
        List<Person> members = List.of(registeredPractitioner("Gil"), registeredPractitioner("Hal"),
                registeredPractitioner("Ivy"));
        Person author = registeredPractitioner("Jo");
        UUID network = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        List<Event> events = new ArrayList<>();
        events.add(Event.of(group, new GroupActivated(group, network, "ESOL circle " + group, List.of(author.id()),
                members.stream().map(Person::id).toList(), 4, ARRIVED.minus(Duration.ofDays(7)))));
        List<UUID> posts = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            UUID threadId = UUID.randomUUID();
            UUID postId = UUID.randomUUID();
            posts.add(postId);
            events.add(Event.of(threadId, groupPost(postId, threadId, "Thread " + thread, group, network, author,
                    members)));
        }

        // two instances share the events, each delivered again: every post is kept once
        TwoInstances.deliver(context, events);
        posts.forEach(post -> arrived(post, ARRIVED));

        // two instances run the job at once, then one runs it again later in the period (a restart)
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> instances = List.of(1, 2).stream()
                .map(instance -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return digests.send(NEXT_MONDAY);
                })).toList();
        start.countDown();
        int queued = instances.stream().mapToInt(CompletableFuture::join).sum();
        digests.send(NEXT_MONDAY.plus(Duration.ofHours(3)));

        assertThat(queued).as("digests queued by the two instances together").isGreaterThanOrEqualTo(members.size());
        for (Person member : members) {
            assertThat(digestMails(member)).as("one digest for %s", member.givenName()).isOne();
            assertThat(postsInDigestsOf(member)).isEqualTo(6);
            awaitOneMail(member.email(), "Your weekly discussion digest: 6 new posts");
        }
        assertThat(digestMails(author)).as("only their own posts: nothing").isZero();

        // the next week, nothing new: nothing sent
        Instant weekAfter = NEXT_MONDAY.plus(Duration.ofDays(7));
        digests.send(weekAfter);
        for (Person member : members) {
            assertThat(digestMails(member)).isOne();
        }

        // a new post: in the following digest alone, and nothing from before again
        UUID thread = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        publishAndAwait(groupPost(late, thread, "Late thought", group, network, author, members), thread);
        arrived(late, weekAfter.plus(Duration.ofDays(1)));
        digests.send(weekAfter.plus(Duration.ofDays(7)));
        digests.send(weekAfter.plus(Duration.ofDays(7)));
        for (Person member : members) {
            assertThat(digestMails(member)).isEqualTo(2);
            assertThat(postsInDigestsOf(member)).isEqualTo(7);
            assertThat(awaitOneMail(member.email(), "Your weekly discussion digest: 1 new post").text())
                    .contains("Late thought").doesNotContain("Thread 0");
        }
    }

    @Test
    void whoLeftAGroupGetsNothingFromItsSpaceNorTheNetworksUnlessAnotherGroupKeepsThemInAndTheErasedNothing()
            throws Exception {
        Person ann = registeredPractitioner("Ann");
        Person cal = registeredPractitioner("Cal");
        Person eli = registeredPractitioner("Eli");
        Person dee = registeredPractitioner("Dee");
        Person author = registeredPractitioner("Kit");
        UUID network = UUID.randomUUID();
        UUID circle = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant formed = ARRIVED.minus(Duration.ofDays(7));
        publishAndAwait(new GroupActivated(circle, network, "SEND circle " + circle, List.of(author.id()),
                List.of(ann.id(), cal.id(), eli.id(), dee.id()), 4, formed), circle);
        publishAndAwait(new GroupActivated(other, network, "Digital circle " + other, List.of(author.id()),
                List.of(cal.id()), 4, formed), other);
        Instant leaving = ARRIVED.minus(Duration.ofHours(1));
        for (Person leaver : List.of(cal, eli)) {
            publishAndAwait(new MemberLeftGroup(circle, network, "SEND circle", leaver.id(), leaving), circle);
        }
        publishAndAwait(new PractitionerErasureRequested(dee.id(), Instant.now()), dee.id());

        // a post written before they left, listing them among the members, arrives after their leaving
        UUID early = UUID.randomUUID();
        UUID earlyThread = UUID.randomUUID();
        publishAndAwait(new DiscussionPostAdded(early, earlyThread, "Before the summer", true, UUID.randomUUID(),
                "GROUP", network, circle, author.id(), List.of(), List.of(ann.id(), cal.id(), eli.id(), dee.id()),
                leaving.minus(Duration.ofHours(1))), earlyThread);
        arrived(early, ARRIVED);
        UUID inNetwork = UUID.randomUUID();
        UUID networkThread = UUID.randomUUID();
        publishAndAwait(new DiscussionPostAdded(inNetwork, networkThread, "Across the network", true,
                UUID.randomUUID(), "NETWORK", network, null, author.id(), List.of(), List.of(), ARRIVED),
                networkThread);
        arrived(inNetwork, ARRIVED);

        digests.send(NEXT_MONDAY);

        assertThat(awaitOneMail(ann.email(), "Your weekly discussion digest: 2 new posts").text())
                .contains("Before the summer", "Across the network", "(network)");
        assertThat(awaitOneMail(cal.email(), "Your weekly discussion digest: 1 new post").text())
                .as("still in the network through another group, no longer in the circle")
                .contains("Across the network").doesNotContain("Before the summer");
        assertThat(digestMails(eli)).as("left their only group in the network").isZero();
        assertThat(digestMails(dee)).as("erased").isZero();
        assertThat(jdbc.sql("select count(*) from discussion_member where person_id = :dee")
                .param("dee", dee.id()).query(Integer.class).single()).as("an erased person's memberships").isZero();
    }

    @Test
    void theDigestIsWeeklyUnlessChosenOtherwiseAndCanBeMadeDailyOrSwitchedOff() throws Exception {
        UUID person = UUID.randomUUID();
        mvc.perform(get("/api/notifications/preferences").with(signedIn(person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.discussionDigest").value("WEEKLY"))
                .andExpect(jsonPath("$.categories[?(@.category == 'DIGEST')].email").value(true))
                .andExpect(jsonPath("$.categories[?(@.category == 'DIGEST')].canSwitchOffEmail").value(true));

        change(person, "{\"discussionDigest\":\"DAILY\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.discussionDigest").value("DAILY"));
        change(person, "{\"categories\":[{\"category\":\"DIGEST\",\"email\":false}]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.discussionDigest").value("OFF"));
        // on again, at the frequency chosen before
        change(person, "{\"categories\":[{\"category\":\"DIGEST\",\"email\":true}]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.discussionDigest").value("DAILY"));
        change(person, "{\"discussionDigest\":\"OFF\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.categories[?(@.category == 'DIGEST')].email").value(false));
    }

    @Test
    void anUnknownFrequencyOrTheDigestNamedTwiceIsRefusedAndChangesNothing() throws Exception {
        UUID person = UUID.randomUUID();
        for (String body : List.of("{\"discussionDigest\":\"HOURLY\"}", "{}",
                "{\"discussionDigest\":\"DAILY\",\"categories\":[{\"category\":\"DIGEST\",\"email\":false}]}")) {
            change(person, body).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/notifications/preferences").with(signedIn(person)))
                .andExpect(jsonPath("$.discussionDigest").value("WEEKLY"));
    }

    private org.springframework.test.web.servlet.ResultActions change(UUID person, String body) throws Exception {
        return mvc.perform(put("/api/notifications/preferences").with(signedIn(person))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void digestSetTo(Person person, String frequency) throws Exception {
        change(person.id(), "{\"discussionDigest\":\"" + frequency + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.discussionDigest").value(frequency));
    }

    /** A post in a group's space by {@code author}, listing the space's other members, that arrived at ARRIVED. */
    private void postArrived(UUID group, UUID network, UUID thread, String title, boolean opens, Person author,
            List<Person> others) throws Exception {
        UUID post = UUID.randomUUID();
        publishAndAwait(new DiscussionPostAdded(post, thread, title, opens, UUID.nameUUIDFromBytes(
                group.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "GROUP", network, group,
                author.id(), List.of(), others.stream().map(Person::id).toList(), ARRIVED), thread);
        arrived(post, ARRIVED);
    }

    private static DiscussionPostAdded groupPost(UUID post, UUID thread, String title, UUID group, UUID network,
            Person author, List<Person> others) {
        return new DiscussionPostAdded(post, thread, title, true, group, "GROUP", network, group, author.id(),
                List.of(), others.stream().map(Person::id).toList(), ARRIVED);
    }

    /** The post arrived at that moment of the test's timeline (the service stamps arrival with its own clock). */
    private void arrived(UUID post, Instant at) {
        assertThat(jdbc.sql("update discussion_post set received_at = :at where post_id = :post")
                .param("at", java.sql.Timestamp.from(at)).param("post", post).update()).isOne();
    }

    /** Digest mails queued for the person, sent or not. */
    private int digestMails(Person person) {
        return jdbc.sql("""
                select count(*) from outgoing_mail where recipient_id = :person and unsubscribe_category = 'DIGEST'""")
                .param("person", person.id()).query(Integer.class).single();
    }

    private int postsInDigestsOf(Person person) {
        return jdbc.sql("select count(*) from discussion_digest_post where recipient_id = :person")
                .param("person", person.id()).query(Integer.class).single();
    }

    /** 07:00 in London, {@code days} after the day of {@code moment}. */
    private static Instant morningAfter(Instant moment, int days) {
        return moment.atZone(LONDON).toLocalDate().plusDays(days).atTime(7, 0).atZone(LONDON).toInstant();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
