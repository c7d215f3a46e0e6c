package org.exchange.exchange.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A text search ranks only the newest matches, as many as the library counts (docs/adr/0031): here with a bound of
 * three over five matches, so that what lies beyond the bound shows.
 */
class OutcomeRankingTest extends ExchangeIntegrationTest {

    @Autowired
    Outcomes outcomes;

    String word = "kestrel" + new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    /** Matches of the word published one to five days ago: index 0 the newest. */
    List<UUID> daysAgo = new ArrayList<>();

    @BeforeEach
    void fiveMatchesOfWhichTheThirdAndTheFifthNameTheWordInTheirTitle() throws Exception {
        UUID network = api.westMidlands();
        Instant now = Instant.now();
        for (int day = 1; day <= 5; day++) {
            boolean inTitle = day == 3 || day == 5;
            Outcome outcome = new Outcome(UUID.randomUUID(), network, null, OutcomeKind.CASE_STUDY,
                    inTitle ? "Teaching with " + word : "Teaching fractions", "A study that mentions " + word + ".",
                    List.of("A. Author"), "maths", "CC BY 4.0", "https://files.test/" + day, UUID.randomUUID(),
                    now.minus(Duration.ofDays(day)), null);
            outcomes.add(outcome);
            daysAgo.add(outcome.id());
        }
    }

    @Test
    void theNewestMatchesWithinTheBoundAreRankedAndOlderOnesFollowNewestFirst() {
        assertThat(ids(search(0, 10, 3))).containsExactly(day(3), day(1), day(2), day(4), day(5));
        assertThat(ids(search(0, 10, 5))).as("with every match within the bound, all are ranked")
                .containsExactly(day(3), day(5), day(1), day(2), day(4));
    }

    @Test
    void pagesAcrossTheBoundFollowOneOrder() {
        List<UUID> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(ids(search(page, 2, 3)));
        }
        assertThat(paged).containsExactlyElementsOf(ids(search(0, 10, 3)));
    }

    private List<Outcome> search(int page, int size, int ranked) {
        return outcomes.search(new OutcomeService.LibraryQuery(word, null, null, null, page, size), ranked);
    }

    private static List<UUID> ids(List<Outcome> found) {
        return found.stream().map(Outcome::id).toList();
    }

    private UUID day(int day) {
        return daysAgo.get(day - 1);
    }
}
