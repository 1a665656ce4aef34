package app.truenorth.health.web;

import app.truenorth.platform.web.ProductSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Roadmap health's entry in the product navigation: last, as it checks what the sections before it hold. */
@Configuration(proxyBeanMethods = false)
class HealthNavigation {

    @Bean
    ProductSection healthSection() {
        return new ProductSection("health", "Health", "Checks that catch the classic roadmap pitfalls, with evidence and a suggested fix.",
                700);
    }
}
