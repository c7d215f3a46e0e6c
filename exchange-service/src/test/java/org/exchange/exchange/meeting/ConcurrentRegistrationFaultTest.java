package org.exchange.exchange.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Fault test (issue 14): 200 people register for an event of 20 places at the same moment, on real PostgreSQL. No
 * place is given twice or beyond capacity, nobody is lost, the waitlist keeps the order in which people arrived, and
 * freed places go to those who waited longest.
 */
class ConcurrentRegistrationFaultTest extends ExchangeIntegrationTest {

    private static final int PEOPLE = 200;
    private static final int PLACES = 20;

    private final AtomicInteger unavailable = new AtomicInteger();

    /** What one registration was answered. */
    private record Answer(UUID person, String place, Instant since) {
    }

    @Test
    void twoHundredConcurrentRegistrationsForTwentyPlacesNeitherOverbookNorLoseNorReorderAnyone() throws Exception {
        UUID meeting = api.launchEvent(api.westMidlands(), PLACES);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(PEOPLE);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> registering = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                UUID person = UUID.randomUUID();
                registering.add(threads.submit(() -> {
                    start.await();
                    String body = ExchangeApi.body(register(meeting, person).andExpect(status().isCreated()));
                    return new Answer(person, JsonPath.read(body, "$.place"),
                            Instant.parse(JsonPath.read(body, "$.since")));
                }));
            }
            start.countDown();
            for (Future<Answer> answer : registering) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }

        // in order of arrival (the time each registration took its turn on the meeting's lock)
        List<Answer> arrived = answers.stream().sorted(Comparator.comparing(Answer::since)).toList();
        List<UUID> listed = registered(meeting);
        long confirmed = answers.stream().filter(answer -> answer.place().equals("CONFIRMED")).count();
        long outOfOrder = 0;
        for (int i = 0; i < arrived.size(); i++) {
            boolean shouldHavePlace = i < PLACES;
            if (shouldHavePlace != arrived.get(i).place().equals("CONFIRMED")
                    || !arrived.get(i).person().equals(listed.get(i))) {
                outOfOrder++;
            }
        }
        int duplicates = listed.size() - new HashSet<>(listed).size();
        long lost = answers.stream().filter(answer -> !listed.contains(answer.person())).count();
        System.out.printf("[fault] concurrent registrations: written %d, took effect %d (%d places, %d waitlisted),"
                + " overbooked %d, duplicates %d, lost %d, out of order %d; answered 503 and tried again %d%n", PEOPLE, listed.size(), confirmed,
                PEOPLE - confirmed, Math.max(0, confirmed - PLACES), duplicates, lost, outOfOrder, unavailable.get());
        assertThat(confirmed).as("places given").isEqualTo(PLACES);
        assertThat(listed).as("everyone registered, once").hasSize(PEOPLE).doesNotHaveDuplicates();
        assertThat(answers.stream().map(Answer::since).distinct()).as("each took its own turn").hasSize(PEOPLE);
        assertThat(listed).as("places first come first, then the waitlist in order of arrival")
                .containsExactlyElementsOf(arrived.stream().map(Answer::person).toList());

        // five people with a place cancel: the five who waited longest get them, the rest keep their order
        for (Answer leaving : arrived.subList(0, 5)) {
            mvc.perform(delete("/api/exchange/meetings/" + meeting + "/registrations/me")
                    .with(practitioner(leaving.person()))).andExpect(status().isNoContent());
        }
        assertThat(registered(meeting)).containsExactlyElementsOf(
                arrived.subList(5, PEOPLE).stream().map(Answer::person).toList());
        assertThat(placesOf(meeting)).containsExactlyElementsOf(
                arrived.subList(5, PLACES + 5).stream().map(Answer::person).toList());
    }

    /**
     * Registers the person, again after each 503: with two hundred people at once on a busy machine some wait longer
     * for a database connection than the pool allows (it fails fast, by design) and are answered "try again"; such an
     * answer must have changed nothing, which the counts above check.
     */
    private ResultActions register(UUID meeting, UUID person) throws Exception {
        for (int attempt = 1; ; attempt++) {
            ResultActions answer = mvc.perform(post("/api/exchange/meetings/" + meeting + "/registrations")
                    .with(practitioner(person)));
            if (answer.andReturn().getResponse().getStatus() != 503 || attempt == 100) {
                return answer;
            }
            unavailable.incrementAndGet();
        }
    }

    private List<UUID> registered(UUID meeting) throws Exception {
        String body = ExchangeApi.body(mvc.perform(get("/api/exchange/meetings/" + meeting + "/registrations")
                .with(programmeAdmin())).andExpect(status().isOk()));
        List<String> people = JsonPath.read(body, "$[*].practitionerId");
        return people.stream().map(UUID::fromString).toList();
    }

    private List<UUID> placesOf(UUID meeting) throws Exception {
        String body = ExchangeApi.body(mvc.perform(get("/api/exchange/meetings/" + meeting + "/registrations")
                .with(programmeAdmin())).andExpect(status().isOk()));
        List<String> people = JsonPath.read(body, "$[?(@.place == 'CONFIRMED')].practitionerId");
        return people.stream().map(UUID::fromString).toList();
    }
}
