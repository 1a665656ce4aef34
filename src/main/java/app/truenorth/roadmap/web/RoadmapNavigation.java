package app.truenorth.roadmap.web;

import app.truenorth.platform.web.ProductSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roadmap's entry in the product navigation: after strategy and alignment, before execution. */
@Configuration(proxyBeanMethods = false)
class RoadmapNavigation {

    @Bean
    ProductSection roadmapSection() {
        return new ProductSection("roadmap", "Roadmap",
                "Themes, objectives and initiatives across Now, Next and Later, in timeline, horizon, theme, goal and kanban formats.", 400);
    }
}
