package org.exchange.exchange.finder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class FinderTest extends ExchangeIntegrationTest {

    /** A region of this test's own, so that networks other tests create do not crowd the results. */
    String region = "Finder region " + UUID.randomUUID();
    UUID birmingham;
    UUID manchester;
    UUID london;

    @BeforeEach
    void networksInThreeCities() throws Exception {
        london = api.network("London " + UUID.randomUUID(), region, 51.5072, -0.1276);
        manchester = api.network("Manchester " + UUID.randomUUID(), region, 53.4808, -2.2426);
        birmingham = api.network("Birmingham " + UUID.randomUUID(), region, 52.4862, -1.8904);
    }

    @Test
    void theNearestNetworksToATownComeFirstWithTheirDistanceAndNeedNoSignIn() throws Exception {
        String body = ExchangeApi.body(mvc.perform(get("/api/exchange/finder/nearest")
                        .param("place", "wolverhampton").param("region", region))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origin.placeName").value("Wolverhampton"))
                .andExpect(jsonPath("$.networks.length()").value(3))
                .andExpect(jsonPath("$.networks[0].id").value(birmingham.toString()))
                .andExpect(jsonPath("$.networks[1].id").value(manchester.toString()))
                .andExpect(jsonPath("$.networks[2].id").value(london.toString()))
                .andExpect(jsonPath("$.networks[0].distanceKm").value(org.hamcrest.Matchers.closeTo(19.0, 3.0)))
                .andExpect(jsonPath("$.networks[2].distanceKm").value(org.hamcrest.Matchers.closeTo(175.0, 10.0))));
        assertThat(body).as("no personal data in public reads").doesNotContain("exchange@westmid.test",
                "Programme office");
    }

    @Test
    void aPointOnTheMapFindsTheNearestToo() throws Exception {
        mvc.perform(get("/api/exchange/finder/nearest").param("latitude", "53.3811").param("longitude", "-1.4701")
                        .param("region", region).param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.networks.length()").value(1))
                .andExpect(jsonPath("$.networks[0].id").value(manchester.toString()));
    }

    @Test
    void groupsOpenToMembersByAreaAndUpcomingNetworkEventsAreFoundClosestFirst() throws Exception {
        UUID mathsInManchester = api.formingGroup(manchester, UUID.randomUUID(), 10);
        UUID lead = UUID.randomUUID();
        UUID mathsInBirmingham = api.formingGroup(birmingham, lead, 10);
        UUID launch = api.launchEvent(birmingham, 50);

        mvc.perform(get("/api/exchange/finder/nearest").param("place", "Wolverhampton").param("region", region)
                        .param("area", "MATHS"))
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.groups[0].id").value(mathsInBirmingham.toString()))
                .andExpect(jsonPath("$.groups[1].id").value(mathsInManchester.toString()))
                .andExpect(jsonPath("$.groups[0].networkName").exists());
        mvc.perform(get("/api/exchange/finder/nearest").param("place", "Wolverhampton").param("region", region)
                        .param("area", "ESOL"))
                .andExpect(jsonPath("$.groups.length()").value(0));

        api.groupMeeting(mathsInBirmingham, lead, 3);
        mvc.perform(get("/api/exchange/finder/nearest").param("place", "Wolverhampton").param("region", region))
                .andExpect(jsonPath("$.events.length()").value(1))
                .andExpect(jsonPath("$.events[0].id").value(launch.toString()))
                .andExpect(jsonPath("$.events[0].online").value(true));
    }

    @Test
    void anUnknownPlaceOrAHalfGivenPointIsABadRequest() throws Exception {
        mvc.perform(get("/api/exchange/finder/nearest").param("place", "Atlantis"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/exchange/finder/nearest").param("latitude", "52.5"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/exchange/finder/nearest").param("latitude", "95").param("longitude", "0"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theGazetteerListsUkTownsAndCities() throws Exception {
        mvc.perform(get("/api/exchange/finder/places"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(60)));
    }
}
