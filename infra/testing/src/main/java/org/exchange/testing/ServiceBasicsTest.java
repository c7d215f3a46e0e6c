package org.exchange.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service promises from the platform starter, checked against the whole service on real engines:
 * it starts (its migrations run on PostgreSQL, it reaches Kafka), reports readiness, publishes its OpenAPI
 * document, and refuses an API call without a token with a problem detail.
 */
@ServiceIntegrationTest
public abstract class ServiceBasicsTest {

    @Autowired
    protected MockMvc mvc;

    /** The service's API prefix, such as {@code /api/membership}. */
    protected abstract String apiPrefix();

    @Test
    void reportsItselfReady() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void publishesAValidOpenApiDocumentWithTitleSecurityAndProblemResponsesButNoCallerParameter() throws Exception {
        String document = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
        System.out.println("OpenAPI document (target/openapi.json): " + OpenApiDocumentRules.verify(document)
                + " operations checked");
    }

    @Test
    void refusesAnApiCallWithoutATokenWithAProblemDetail() throws Exception {
        mvc.perform(get(apiPrefix() + "/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }
}
