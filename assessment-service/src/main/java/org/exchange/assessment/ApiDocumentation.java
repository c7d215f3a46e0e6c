package org.exchange.assessment;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and version of this service's OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI assessmentApi(@Value("${exchange.api.version}") String version) {
        return new OpenAPI().info(new Info()
                .title("Exchange assessment-service API")
                .version(version)
                .description("The Professional Standards (2014 and 2022 editions) as versioned data, practitioners' "
                        + "baseline and review self-assessments, their progress, and anonymised aggregates."));
    }
}
