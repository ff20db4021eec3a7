package ir.parvaneh.query.infrastructure.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query API's OpenAPI document, served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI()
                .info(new Info().title("Parvaneh query API").version("v1")
                        .description("Read models of the Qazvin province e-permitting platform. Errors are RFC 9457 "
                                + "problem details with a stable `code` and titles in Persian and English."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
