package app.truenorth.workspace.web;

import app.truenorth.platform.web.ProductSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The product's own overview in the navigation, and the sections whose modules have not landed yet: their
 * entries already say what will be there, and {@link ProductsController} shows that as an empty state. A
 * module that arrives takes its entry (same key and weight) with it and drops it from here.
 */
@Configuration(proxyBeanMethods = false)
class SectionsToCome {

    @Bean
    ProductSection overviewSection() {
        return new ProductSection("overview", "Overview", "Where the product stands across strategy, roadmap and execution.", 100);
    }

    @Bean
    ProductSection alignmentSection() {
        return new ProductSection("alignment", "Alignment", "Alignment workshops: elevator pitch, lean canvas, worst-solution "
                + "anti-goals, card sorting, story spine and the true-north check.", 300);
    }

    @Bean
    ProductSection executionSection() {
        return new ProductSection("execution", "Execution", "Weekly check-ins, obstacles, escalations and learnings across teams.", 500);
    }

    @Bean
    ProductSection feedbackSection() {
        return new ProductSection("feedback", "Feedback", "Customer feedback linked to initiatives, demand and urgent pain points.", 600);
    }
}
