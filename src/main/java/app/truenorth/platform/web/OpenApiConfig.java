package app.truenorth.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI truenorthOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TrueNorth API").version("v1")
                        .description("Product strategy and roadmaps. Authenticate with a personal API token "
                                + "(Account → API tokens) as `Authorization: Bearer <token>`. Errors are RFC 9457 "
                                + "problem+json, with an `errors` list of {field, message} for bad input.\n\n"
                                + "Every update, delete and action on a versioned resource names the version you read: "
                                + "as `If-Match` (the `ETag` of the GET) or as a `version` field. A stale If-Match is "
                                + "refused with **412 Precondition Failed**, a stale version field with **409 Conflict**, "
                                + "a request with neither with **428 Precondition Required**; in each case nothing is "
                                + "changed. The operations that take If-Match list these answers."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
