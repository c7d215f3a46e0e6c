package org.exchange.exchange;

import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Every error the service gives is problem+json and names what is wrong: the field, and an enum's allowed values. */
class ErrorAnswersTest extends ExchangeIntegrationTest {

    @Test
    void aMissingRequiredNumberIsNamed() throws Exception {
        UUID network = api.westMidlands();
        problem(mvc.perform(post("/api/exchange/groups").with(facilitator(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"networkId":"%s","name":"Maths","kind":"SUBJECT","area":"maths","challenge":"Fractions",
                         "plannedStart":"%s","plannedEnd":"%s"}""".formatted(network, api.tomorrow(),
                        api.tomorrow().plusMonths(6)))))
                .andExpect(jsonPath("$.errors[0].field").value("capacity"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheAllowedValues() throws Exception {
        problem(mvc.perform(post("/api/exchange/meetings").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"networkId":"%s","kind":"BRUNCH","title":"Brunch","capacity":10,
                         "when":{"startsAt":"2030-01-01T10:00","endsAt":"2030-01-01T11:00","timeZone":"Europe/London",
                                 "onlineUrl":"https://meet.test/x"}}""".formatted(UUID.randomUUID()))))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].allowedValues", Matchers.hasItems("GROUP_MEETING", "LAUNCH_EVENT")));
    }

    @Test
    void aWrongValueDeepInTheBodyIsNamedByItsPath() throws Exception {
        problem(mvc.perform(post("/api/exchange/meetings").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"networkId":"%s","kind":"LAUNCH_EVENT","title":"Launch","capacity":10,
                         "when":{"startsAt":"next tuesday","endsAt":"2030-01-01T11:00","timeZone":"Europe/London"}}"""
                        .formatted(UUID.randomUUID()))))
                .andExpect(jsonPath("$.errors[0].field").value("when.startsAt"));
    }

    @Test
    void aBodyThatIsNotJsonSaysSo() throws Exception {
        problem(mvc.perform(post("/api/exchange/meetings").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": ")))
                .andExpect(jsonPath("$.detail", Matchers.startsWith("The request body is not valid JSON")));
    }

    @Test
    void aMalformedPathIdIsAProblemNamingTheParameter() throws Exception {
        problem(mvc.perform(get("/api/exchange/meetings/1.5")))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("'1.5' is not an id")));
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemToo() throws Exception {
        problem(mvc.perform(get("/api/exchange/meetings/%2e%2e/groups")))
                .andExpect(jsonPath("$.detail", Matchers.startsWith("This address is not allowed")));
        problem(mvc.perform(get("/api/exchange/meetings/x;jsessionid=1")))
                .andExpect(jsonPath("$.detail", Matchers.startsWith("This address is not allowed")));
    }

    @Test
    void aListInARequestBodyIsBounded() throws Exception {
        String many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        problem(mvc.perform(post("/api/exchange/groups").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"networkId":"%s","name":"Maths","kind":"SUBJECT","area":"maths","challenge":"Fractions",
                         "capacity":10,"plannedStart":"%s","plannedEnd":"%s","facilitatorIds":[%s]}"""
                        .formatted(api.westMidlands(), api.tomorrow(), api.tomorrow().plusMonths(6), many))))
                .andExpect(jsonPath("$.errors[0].field").value("facilitatorIds"));
    }

    @Test
    void aProgrammeCycleWithAnEmptyWaveNamesTheWaveNotAServerError() throws Exception {
        problem(mvc.perform(post("/api/exchange/networks/" + api.westMidlands() + "/cycles").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"2026-27","startsOn":"2026-09-01","endsOn":"2027-07-31","waves":[null]}""")))
                .andExpect(jsonPath("$.errors[0].field", Matchers.startsWith("waves")));
    }

    private static ResultActions problem(ResultActions result) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
