package org.exchange.platform.openapi;

import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;

/**
 * Completes a service's OpenAPI document: title, version, the bearer scheme on every operation that needs a token
 * (unless it declares a scheme of its own),
 * and the problem+json answers each operation can give (RFC 9457, as {@code ProblemDetailsAdvice} writes them).
 */
class PlatformOpenApiDocument implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String BEARER = "bearer";

    private static final List<String> ALWAYS_PUBLIC = List.of("/actuator/**", "/v3/api-docs/**");

    private final String title;
    private final String version;
    private final String description;
    private final List<String> publicPaths;
    private final List<String> openPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    PlatformOpenApiDocument(String title, String version, String description, List<String> publicPaths,
            List<String> openPaths) {
        this.title = title;
        this.version = version;
        this.description = description;
        this.publicPaths = publicPaths;
        this.openPaths = openPaths;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        openApi.info(info.title(title).version(version).description(description == null ? info.getDescription()
                : description));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A Keycloak access token of the exchange realm"));
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (components.getSchemas() != null) {
            components.getSchemas().remove("Caller");
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean readable = method == PathItem.HttpMethod.GET
                && matches(Stream.concat(publicPaths.stream(), ALWAYS_PUBLIC.stream()), path);
        boolean open = readable || matches(openPaths.stream(), path);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        boolean takesInput = path.contains("{") || operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            problem(responses, HttpStatus.BAD_REQUEST);
        }
        if (!open) {
            problem(responses, HttpStatus.UNAUTHORIZED);
            problem(responses, HttpStatus.FORBIDDEN);
            // an operation that declares a scheme of its own (a shared secret for a system, not a person) keeps it
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                operation.security(List.of(new SecurityRequirement().addList(BEARER)));
            }
        }
        if (path.contains("{")) {
            problem(responses, HttpStatus.NOT_FOUND);
        }
        if (Stream.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH,
                PathItem.HttpMethod.DELETE).anyMatch(method::equals)) {
            problem(responses, HttpStatus.CONFLICT);
        }
        problem(responses, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private boolean matches(Stream<String> patterns, String path) {
        return patterns.anyMatch(pattern -> paths.match(pattern, path));
    }

    private static void problem(ApiResponses responses, HttpStatus status) {
        String code = String.valueOf(status.value());
        ApiResponse response = responses.computeIfAbsent(code, ignored -> new ApiResponse()
                .description(status.getReasonPhrase()));
        if (response.getDescription() == null) {
            response.description(status.getReasonPhrase());
        }
        Content content = response.getContent() == null ? new Content() : response.getContent();
        // An answer documented by the controller keeps its body; the problem+json body is added beside it.
        content.addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>()
                .$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
        response.content(content);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema problemSchema() {
        Schema error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The offending field, as a path into the body "
                        + "(when.onlineUrl, attendees[0].role) or a parameter's name"))
                .addProperty("message", new StringSchema().description("What is wrong with it"))
                .addProperty("allowedValues", new ArraySchema().items(new StringSchema())
                        .description("For a field with a fixed set of values: the values it accepts"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(error)
                        .description("For a request that is not valid: each offending field"));
    }
}
