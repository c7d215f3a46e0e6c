package org.exchange.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.core.converter.ModelConverter;
import org.exchange.platform.security.Caller;
import org.exchange.platform.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;

/**
 * Every service's OpenAPI document, right once for all: the resolved {@link Caller} is no parameter, every operation
 * documents its problem+json error responses, the document has a real title and version and the bearer security
 * scheme, and request fields that cannot be left out (primitives) are marked required.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class OpenApiAutoConfiguration {

    static {
        // The caller is resolved from the access token (CallerArgumentResolver), never sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer platformOpenApiDocument(Environment environment, SecurityProperties security) {
        String name = environment.getProperty("spring.application.name", "service");
        return new PlatformOpenApiDocument(environment.getProperty("exchange.api.title", name + " API"),
                environment.getProperty("exchange.api.version", "1.0.0"),
                environment.getProperty("exchange.api.description"), security.publicPaths(),
                security.openPaths());
    }

    @Bean
    OperationCustomizer optionalCallerIsNoParameter() {
        return (operation, handler) -> {
            List<String> hidden = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (Optional.class.equals(parameter.getParameterType())
                        && Caller.class.equals(parameter.nested().getNestedParameterType())) {
                    hidden.add(parameter.getParameterName());
                }
            }
            if (operation.getParameters() != null && !hidden.isEmpty()) {
                operation.getParameters().removeIf(parameter -> hidden.contains(parameter.getName()));
            }
            return operation;
        };
    }

    @Bean
    ModelConverter primitivesAreRequired() {
        return new PrimitivesAreRequired();
    }
}
