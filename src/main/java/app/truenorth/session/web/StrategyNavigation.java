package app.truenorth.session.web;

import app.truenorth.platform.web.ProductSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The strategy session's entry in the product navigation: after the overview, before alignment. */
@Configuration(proxyBeanMethods = false)
class StrategyNavigation {

    @Bean
    ProductSection strategySection() {
        return new ProductSection("strategy", "Strategy",
                "The strategy session: positioning, problem framing, problem statements, market sizing and the go/no-go gate.", 200);
    }
}
