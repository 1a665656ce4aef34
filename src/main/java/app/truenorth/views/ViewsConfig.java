package app.truenorth.views;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The server's exporter: the plain {@link ViewExports}, writing JSON with the application's mapper. */
@Configuration(proxyBeanMethods = false)
class ViewsConfig {

    @Bean
    ViewExports viewExports(JsonMapper json) {
        return new ViewExports(json);
    }
}
