package app.truenorth.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapSamples;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class HealthApiAndPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    RoadmapSamples samples;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    Health health;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    long productId;
    String api;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        productId = fixtures.product(owner, "Atlas").id();
        api = "/api/v1/products/" + productId + "/health";
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void actAs(Fixtures.Person person) {
        var user = person.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void anEmptyRoadmapIsOnlyFlaggedForNeverBeingReviewed() throws Exception {
        mvc.perform(get(api).header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(93))
                .andExpect(jsonPath("$.findings[0].rule").value("set-and-forget"))
                .andExpect(jsonPath("$.findings.length()").value(1))
                .andExpect(jsonPath("$.thresholds.defaults").value(true))
                .andExpect(jsonPath("$.thresholds.version").value(0));
    }

    @Test
    void theSampleRoadmapWithDemoThresholdsShowsGenuineFindingsLinkedToInitiatives() throws Exception {
        actAs(owner);
        samples.fill(productId);
        health.updateThresholds(productId, HealthDemoContributor.DEMO_THRESHOLDS, 0);
        HealthCheck check = health.check(productId);
        SecurityContextHolder.clearContext();
        var rules = check.report().findings().stream().map(f -> f.rule().id()).toList();
        assertThat(rules).contains("wishful-thinking", "feature-list", "orphaned-initiative").doesNotContain("set-and-forget");
        // the sample's Now effort, however the sample evolves, is what the finding must report against the demo's 12
        java.math.BigDecimal nowEffort = check.roadmap().initiativeList().stream()
                .filter(i -> i.horizon() == app.truenorth.roadmap.domain.Horizon.NOW)
                .map(i -> i.effort().midpoint()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertThat(nowEffort).isGreaterThan(new java.math.BigDecimal("12"));
        assertThat(check.report().findings()).anySatisfy(f -> {
            assertThat(f.rule().id()).isEqualTo("wishful-thinking");
            assertThat(f.message()).contains(nowEffort.stripTrailingZeros().toPlainString() + " person-weeks")
                    .contains("capacity of 12");
        });
        assertThat(check.report().score()).isBetween(20, 90);

        RoadmapData data = check.roadmap();
        long darkMode = data.initiatives().stream().filter(s -> s.value().title().equals("Dark mode")).findFirst().orElseThrow()
                .value().id();
        mvc.perform(get("/products/" + productId + "/health").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Wishful thinking")))
                .andExpect(content().string(containsString("href=\"/products/" + productId + "/roadmap/initiatives/" + darkMode + "\"")))
                .andExpect(content().string(containsString("Save thresholds")));
    }

    @Test
    void editorsChangeThresholdsWithTheVersionTheyReadAndTheChangeIsAudited() throws Exception {
        var editor = fixtures.member(owner, Role.EDITOR);
        String token = Fixtures.bearer(fixtures.token(editor));
        String body = """
                {"featureSizeWeeks": 3, "maxFeatureSizedPercent": 30, "nowCapacityWeeks": 25, "maxNowPercent": 50,
                 "antiGoalMatchPercent": 70, "version": 0}""";
        mvc.perform(put(api + "/thresholds").header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + productId + "-1\""))
                .andExpect(jsonPath("$.nowCapacityWeeks").value(25))
                .andExpect(jsonPath("$.defaults").value(false));
        // the same stale version again: refused, nothing overwritten
        mvc.perform(put(api + "/thresholds").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"maxNowPercent\": 50", "\"maxNowPercent\": 90")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put(api + "/thresholds").header("Authorization", token).header("If-Match", "\"" + productId + "-0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get(api).header("Authorization", token)).andExpect(jsonPath("$.thresholds.maxNowPercent").value(50));
        assertThat(audit.recent(owner.workspaceId(), "health_thresholds", 10)).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("health thresholds"));
    }

    @Test
    void badThresholdsAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        String token = Fixtures.bearer(fixtures.token(owner));
        mvc.perform(put(api + "/thresholds").header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("""
                        {"featureSizeWeeks": -1, "maxFeatureSizedPercent": 120, "maxNowPercent": 0,
                         "antiGoalMatchPercent": 50, "version": 0}"""))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("featureSizeWeeks")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("maxFeatureSizedPercent")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("maxNowPercent")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("antiGoalMatchPercent"))));
        assertThat(jdbc.sql("select count(*) from health_thresholds where product_id = :p").param("p", productId)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/products/" + productId + "/health/thresholds").with(owner.session()).with(csrf())
                        .param("featureSizeWeeks", "two").param("maxFeatureSizedPercent", "20").param("nowCapacityWeeks", "")
                        .param("maxNowPercent", "40").param("antiGoalMatchPercent", "60").param("version", "0"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("must be a number of person-weeks")))
                .andExpect(content().string(containsString("value=\"two\"")));
        mvc.perform(post("/products/" + productId + "/health/thresholds").with(owner.session()).with(csrf())
                        .param("featureSizeWeeks", "1.5").param("maxFeatureSizedPercent", "20").param("nowCapacityWeeks", "")
                        .param("maxNowPercent", "40").param("antiGoalMatchPercent", "60").param("version", "0"))
                .andExpect(redirectedUrl("/products/" + productId + "/health"));
        assertThat(jdbc.sql("select feature_size_weeks from health_thresholds where product_id = :p").param("p", productId)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1.5");
    }

    @Test
    void viewersReadButCannotChangeAndOtherWorkspacesSeeNothing() throws Exception {
        var viewer = fixtures.member(owner, Role.VIEWER);
        mvc.perform(get("/products/" + productId + "/health").with(viewer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Save thresholds"))));
        mvc.perform(put(api + "/thresholds").header("Authorization", Fixtures.bearer(fixtures.token(viewer)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"featureSizeWeeks": 2, "maxFeatureSizedPercent": 20, "maxNowPercent": 40,
                         "antiGoalMatchPercent": 60, "version": 0}"""))
                .andExpect(status().isForbidden());
        var stranger = fixtures.owner();
        mvc.perform(get(api).header("Authorization", Fixtures.bearer(fixtures.token(stranger)))).andExpect(status().isNotFound());
        mvc.perform(get("/products/" + productId + "/health").with(stranger.session())).andExpect(status().isNotFound());
    }
}
