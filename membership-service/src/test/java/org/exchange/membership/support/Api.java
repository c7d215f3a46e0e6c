package org.exchange.membership.support;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The steps of the membership journey through the HTTP API, for tests that need a member in some state. */
public final class Api {

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public ResultActions post(String path, RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions perform(RequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    public ResultActions get(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(who));
    }

    /** Signs the practitioner in and applies on equivalent evidence; returns the membership id. */
    public UUID apply(UUID practitioner) throws Exception {
        get("/api/membership/me", Tokens.practitioner(practitioner)).andExpect(status().isOk());
        String body = post("/api/membership/me/membership/application", Tokens.practitioner(practitioner),
                "{\"evidence\":\"Ten years of running action learning sets in adult education\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    /** A programme admin approves the application; returns the id of the invoice it issues. */
    public UUID approveEligibility(UUID membership) throws Exception {
        String body = post("/api/membership/admin/memberships/" + membership + "/eligibility", Tokens.programmeAdmin(),
                "{\"approved\":true,\"reason\":\"Equivalent training and experience evidenced\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.invoice.id"));
    }

    public ResultActions pay(UUID invoice, LocalDate paidOn) throws Exception {
        return post("/api/membership/admin/invoices/" + invoice + "/payment", Tokens.programmeAdmin(),
                "{\"method\":\"BANK_TRANSFER\",\"reference\":\"BACS 4471\",\"paidOn\":\"" + paidOn + "\"}");
    }

    /** Applies, is approved and pays today: an active member for a year from today. */
    public UUID activeMember(UUID practitioner, LocalDate today) throws Exception {
        UUID membership = apply(practitioner);
        pay(approveEligibility(membership), today).andExpect(status().isOk());
        return membership;
    }

    public ResultActions logCpd(UUID practitioner, LocalDate on, String hours, String reflection) throws Exception {
        String reflectionJson = reflection == null ? "null" : "\"" + reflection + "\"";
        return post("/api/membership/me/cpd", Tokens.practitioner(practitioner), """
                {"type":"COURSE","title":"Facilitating action learning, part %s","occurredOn":"%s","hours":%s,
                 "reflection":%s}""".formatted(on, on, hours, reflectionJson));
    }
}
