package org.exchange.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What every service's OpenAPI document must be, checked with swagger-parser: valid, titled and versioned, with the
 * bearer scheme, no resolved argument (the caller) posing as a parameter, and a problem+json answer for the errors
 * of every operation.
 */
public final class OpenApiDocumentRules {

    private OpenApiDocumentRules() {
    }

    /** Parses the document and asserts the rules; returns how many operations it checked. */
    public static int verify(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("validation messages of the OpenAPI document").isEmpty();
        OpenAPI document = result.getOpenAPI();
        assertThat(document.getInfo().getTitle()).as("title").isNotBlank().doesNotContain("OpenAPI definition");
        assertThat(document.getInfo().getVersion()).as("version").isNotBlank().isNotEqualTo("v0");
        assertThat(document.getComponents().getSecuritySchemes()).as("security schemes").containsKey("bearer");
        assertThat(document.getComponents().getSchemas()).as("schemas").containsKey("ProblemDetail")
                .doesNotContainKey("Caller");
        List<String> wrong = new ArrayList<>();
        int[] operations = { 0 };
        // A service with no API yet (a new context's skeleton) has no paths at all.
        (document.getPaths() == null ? new io.swagger.v3.oas.models.Paths() : document.getPaths()).forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            operations[0]++;
            String name = method + " " + path;
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            parameters.stream().filter(parameter -> "caller".equalsIgnoreCase(parameter.getName()))
                    .forEach(parameter -> wrong.add(name + " lists the resolved caller as a parameter"));
            boolean problemJson = operation.getResponses().entrySet().stream()
                    .filter(response -> response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                    .anyMatch(response -> response.getValue().getContent() != null
                            && response.getValue().getContent().containsKey("application/problem+json"));
            if (!problemJson) {
                wrong.add(name + " documents no problem+json error response");
            }
        }));
        assertThat(wrong).as("operations that break the rules").isEmpty();
        return operations[0];
    }
}
