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
                                + "problem+json; updates need the version you read (If-Match or 'version')."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
