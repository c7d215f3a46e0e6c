package org.exchange.exchange.demo;

import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;

import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoProgrammeTest extends ExchangeIntegrationTest {

    static final String WEST_MIDLANDS = "00000000-0000-4000-8000-000000000001";

    @Autowired
    DataSource dataSource;

    @Test
    void theDemoShowsABelievableWestMidlandsExchangeAndLoadsTwiceWithoutChange() throws Exception {
        DemoProgramme.load(dataSource);
        DemoProgramme.load(dataSource);

        mvc.perform(get("/api/exchange/networks/" + WEST_MIDLANDS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("West Midlands Professional Exchange"));
        mvc.perform(get("/api/exchange/networks/" + WEST_MIDLANDS + "/cycles"))
                .andExpect(jsonPath("$[0].name").value("West Midlands Professional Exchange 2018-19"))
                .andExpect(jsonPath("$[0].waves.length()").value(2));
        mvc.perform(get("/api/exchange/groups").param("networkId", WEST_MIDLANDS))
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[*].status", containsInAnyOrder("CLOSED", "CLOSED", "REPORTING", "ACTIVE",
                        "ACTIVE", "FORMING", "PROPOSED")));
        mvc.perform(get("/api/exchange/groups/00000000-0000-4000-8000-0000000000b5"))
                .andExpect(jsonPath("$.placesLeft").value(0))
                .andExpect(jsonPath("$.waitlisted").value(1));
        mvc.perform(get("/api/exchange/meetings").param("networkId", WEST_MIDLANDS))
                .andExpect(jsonPath("$.length()").value(greaterThan(5)));
        mvc.perform(get("/api/exchange/outcomes").param("q", "dyslexia").param("networkId", WEST_MIDLANDS))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Dyslexia for ESOL screening activity"));
        mvc.perform(get("/api/exchange/reports/programme").param("networkId", WEST_MIDLANDS).with(programmeAdmin()))
                .andExpect(jsonPath("$.meetingsHeld").value(greaterThan(10)))
                .andExpect(jsonPath("$.attendances").value(greaterThan(30)))
                .andExpect(jsonPath("$.outcomesPublished").value(3))
                .andExpect(jsonPath("$.organisationsInvolved.length()").value(4));
    }
}
