package org.exchange.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
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

    @Autowired
    private ApplicationContext context;

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

    /**
     * An open path ({@code exchange.security.open-paths}) is callable without a token with any method, and its
     * document says so: no security requirement, so that a generated client sends no token and a fuzzer expects no 401.
     */
    @Test
    void answersItsOpenPathsWithoutATokenAndDocumentsThemWithoutASecurityRequirement() throws Exception {
        java.util.List<String> openPaths = org.springframework.boot.context.properties.bind.Binder
                .get(context.getEnvironment())
                .bind("exchange.security.open-paths",
                        org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .orElse(java.util.List.of());
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        OpenAPI document = new OpenAPIV3Parser().readContents(json).getOpenAPI();
        AntPathMatcher matcher = new AntPathMatcher();
        for (String open : openPaths) {
            var documented = document.getPaths().entrySet().stream()
                    .filter(path -> matcher.match(open, path.getKey())).toList();
            assertThat(documented).as("operations documented for the open path " + open).isNotEmpty();
            for (var path : documented) {
                for (var operation : path.getValue().readOperationsMap().entrySet()) {
                    String call = operation.getKey() + " " + path.getKey();
                    assertThat(operation.getValue().getSecurity()).as("security of " + call).isNullOrEmpty();
                    assertThat(operation.getValue().getResponses()).as("answers of " + call)
                            .doesNotContainKeys("401", "403");
                    int status = mvc.perform(request(HttpMethod.valueOf(operation.getKey().name()),
                                    path.getKey().replaceAll("\\{[^}]+}", "unknown"))
                                    .contentType(MediaType.APPLICATION_JSON).content("{}"))
                            .andReturn().getResponse().getStatus();
                    assertThat(status).as("status of " + call + " without a token").isNotIn(401, 403)
                            .isLessThan(500);
                }
            }
        }
    }

    @Test
    void refusesAnApiCallWithoutATokenWithAProblemDetail() throws Exception {
        mvc.perform(get(apiPrefix() + "/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    /**
     * The platform's sampling setting (one trace in ten) is the one the running service applies: of many new traces,
     * about a tenth are recorded; a trace a caller sampled is always recorded, one it did not never is, so that a trace
     * is whole or absent across the services.
     */
    @Test
    void recordsOneNewTraceInTenAndFollowsTheCallersDecision() {
        Sampler sampler = context.getBean(Sampler.class);
        double probability = context.getEnvironment()
                .getRequiredProperty("management.tracing.sampling.probability", Double.class);
        java.util.Random random = new java.util.Random(17);
        int traces = 20_000;
        int sampled = 0;
        for (int i = 0; i < traces; i++) {
            String traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
            if (decision(sampler, Context.root(), traceId) == SamplingDecision.RECORD_AND_SAMPLE) {
                sampled++;
            }
        }
        assertThat(probability).isEqualTo(0.1);
        assertThat(sampled / (double) traces).as("share of new traces recorded").isCloseTo(probability, within(0.01));

        String traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
        for (TraceFlags flags : java.util.List.of(TraceFlags.getSampled(), TraceFlags.getDefault())) {
            Context caller = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(traceId,
                    SpanId.fromLong(random.nextLong()), flags, TraceState.getDefault())));
            assertThat(decision(sampler, caller, traceId) == SamplingDecision.RECORD_AND_SAMPLE)
                    .as("recorded when the caller's flags are %s", flags).isEqualTo(flags.isSampled());
        }
    }

    private static SamplingDecision decision(Sampler sampler, Context parent, String traceId) {
        return sampler.shouldSample(parent, traceId, "GET /api", SpanKind.SERVER, Attributes.empty(),
                java.util.List.of()).getDecision();
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }
}
