package org.exchange.membership.versioning;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Optimistic locking over HTTP: an {@link ExpectedVersion} parameter is read from {@code If-Match}, and the OpenAPI
 * document states the header, the {@code ETag} answers and the 412 and 428 problems of every such operation.
 */
@Configuration(proxyBeanMethods = false)
class VersioningConfiguration implements WebMvcConfigurer {

    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"");
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        // read from a header by the resolver below, documented as that header by the customizer
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }

    /** {@code If-Match: "3"} is version 3; {@code *} is any; a weak or foreign tag matches nothing (412). */
    static ExpectedVersion parse(String header) {
        String value = header.strip();
        if (value.equals("*")) {
            return ExpectedVersion.any();
        }
        Matcher tag = STRONG_TAG.matcher(value);
        if (!tag.matches()) {
            throw new ExpectedVersion.Unknown(value);
        }
        return ExpectedVersion.of(Long.parseLong(tag.group(1)));
    }

    private static boolean required(MethodParameter parameter) {
        IfMatch ifMatch = parameter.getParameterAnnotation(IfMatch.class);
        return ifMatch == null || ifMatch.required();
    }

    static final class IfMatchResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return ExpectedVersion.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            String header = request.getHeader(HttpHeaders.IF_MATCH);
            if (header == null || header.isBlank()) {
                return required(parameter) ? ExpectedVersion.missingHeader() : ExpectedVersion.any();
            }
            return parse(header);
        }
    }

    @Bean
    OperationCustomizer conditionalRequestsInTheApiDocument() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (ExpectedVersion.class.equals(parameter.getParameterType())) {
                    documentIfMatch(operation, required(parameter));
                    documentEntityTag(operation);
                }
            }
            if (handler.hasMethodAnnotation(SendsEntityTag.class)) {
                documentEntityTag(operation);
            }
            return operation;
        };
    }

    private static void documentIfMatch(Operation operation, boolean required) {
        Parameter ifMatch = new HeaderParameter().name(HttpHeaders.IF_MATCH).required(required)
                .schema(new StringSchema().example("\"3\""))
                .description("The ETag of the version you read (quoted, as the GET answered it). "
                        + (required ? "Required: without it the answer is 428." : "Optional: checked when sent.")
                        + " When the resource has changed since, the answer is 412 and nothing is changed.");
        operation.addParametersItem(ifMatch);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        problem(responses, HttpStatus.PRECONDITION_FAILED,
                "Someone else changed it since you read it (If-Match is not its current ETag); nothing was changed");
        if (required) {
            problem(responses, HttpStatus.PRECONDITION_REQUIRED, "If-Match is missing; nothing was changed");
        }
    }

    private static void documentEntityTag(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("2") && !code.equals("204")) {
                response.addHeaderObject(HttpHeaders.ETAG, new Header().schema(new StringSchema().example("\"3\""))
                        .description("The strong entity tag of the version answered; send it as If-Match to change it"));
            }
        });
    }

    private static void problem(ApiResponses responses, HttpStatus status, String description) {
        responses.addApiResponse(String.valueOf(status.value()), new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>()
                        .$ref("#/components/schemas/ProblemDetail")))));
    }
}
