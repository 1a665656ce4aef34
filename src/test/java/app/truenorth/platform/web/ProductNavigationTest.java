package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The product navigation is made of the entries the modules contribute, in the order of their weights. */
class ProductNavigationTest {

    @Test
    void ordersTheContributedSectionsByWeightThenKey() {
        var navigation = new ProductNavigation(List.of(new ProductSection("health", "Health", "", 700),
                new ProductSection("overview", "Overview", "", 100), new ProductSection("beta", "Beta", "", 300),
                new ProductSection("alpha", "Alpha", "", 300)));
        assertThat(navigation.sections()).extracting(ProductSection::key).containsExactly("overview", "alpha", "beta", "health");
        assertThat(navigation.section("beta")).map(ProductSection::label).hasValue("Beta");
        assertThat(navigation.section("nothing")).isEmpty();
    }

    @Test
    void twoModulesClaimingOneKeyStopTheStart() {
        assertThatThrownBy(() -> new ProductNavigation(List.of(new ProductSection("roadmap", "Roadmap", "", 400),
                new ProductSection("roadmap", "Roadmap again", "", 450))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"roadmap\"");
        assertThatThrownBy(() -> new ProductSection("Road map", "Roadmap", "", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The application's navigation, as the modules contribute it, is the one people know. */
    @Nested
    @IntegrationTest
    class InTheApplication {

        static final List<String> LABELS = List.of("Overview", "Strategy", "Alignment", "Roadmap", "Execution", "Feedback", "Health");

        @Autowired
        ProductNavigation navigation;
        @Autowired
        MockMvc mvc;
        @Autowired
        Fixtures fixtures;

        @Test
        void everySectionInItsPlace() throws Exception {
            assertThat(navigation.sections()).extracting(ProductSection::key)
                    .containsExactly("overview", "strategy", "alignment", "roadmap", "execution", "feedback", "health");
            assertThat(navigation.sections()).extracting(ProductSection::label).containsExactlyElementsOf(LABELS);
            assertThat(navigation.section("alignment")).map(ProductSection::purpose).hasValue("Alignment workshops: elevator pitch, "
                    + "lean canvas, worst-solution anti-goals, card sorting, story spine and the true-north check.");

            var owner = fixtures.owner();
            long productId = fixtures.product(owner, "Atlas").id();
            String page = mvc.perform(get("/products/" + productId).with(owner.session())).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            // the sidebar lists every section, then the settings
            Matcher links = Pattern.compile("<li><a href=\"/products/" + productId + "(?:/([a-z]+))?\"[^>]*>([^<]+)</a></li>").matcher(page);
            List<String> sidebar = new ArrayList<>();
            while (links.find()) {
                sidebar.add(links.group(2));
            }
            List<String> expected = new ArrayList<>(LABELS);
            expected.add("Settings");
            assertThat(sidebar).containsExactlyElementsOf(expected);
            // and the overview names each section with what lives there, the overview itself aside
            for (ProductSection s : navigation.sections().subList(1, navigation.sections().size())) {
                assertThat(page).contains("<strong>" + s.label() + "</strong><span>" + s.purpose() + "</span>");
            }
            mvc.perform(get("/products/" + productId + "/feedback").with(owner.session())).andExpect(status().isOk());
        }
    }
}
