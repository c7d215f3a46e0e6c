package org.exchange.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes what a client sends: paths and parameters, never the server-side Caller. */
class OpenApiDocumentTest extends AccreditationIntegrationTest {

    @Test
    void theDocumentListsTheApiWithoutTheResolvedCallerAsAParameter() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        List<String> parameters = JsonPath.read(document, "$.paths..parameters[*].name");
        assertThat(parameters).isNotEmpty().doesNotContain("caller");
        Map<String, Object> paths = JsonPath.read(document, "$.paths");
        assertThat(paths).containsKeys("/api/accreditation/programmes", "/api/accreditation/enrolments",
                "/api/accreditation/enrolments/{id}/hours", "/api/accreditation/enrolments/{id}/observations",
                "/api/accreditation/admin/enrolments/{id}/panel", "/api/accreditation/admin/completions.csv",
                "/api/accreditation/enrolments/{id}/credential", "/api/accreditation/issuer/jwks.json");
        assertThat(JsonPath.<List<String>>read(document,
                "$.paths['/api/accreditation/enrolments/{id}/hours/{entryId}/evidence'].post.requestBody.content.*"
                        + ".schema.properties.file.format")).containsExactly("binary");
    }
}
