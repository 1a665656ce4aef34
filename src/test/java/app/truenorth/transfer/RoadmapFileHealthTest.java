package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Dismissals;
import app.truenorth.health.Health;
import app.truenorth.health.rules.Thresholds;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The roadmap file carries what the health checks judge the roadmap by — the thresholds and the dismissed
 * anti-goal findings — so the offline linter can judge it the same way; a push leaves the roadmap's own as
 * they are, and a retired word-overlap threshold in a pushed file is reported, never read on the new scale.
 */
@IntegrationTest
class RoadmapFileHealthTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    Initiatives initiatives;
    @Autowired
    AntiGoals antiGoals;
    @Autowired
    Dismissals dismissals;
    @Autowired
    Health health;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    String token;
    long productId;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        token = Fixtures.bearer(fixtures.token(owner));
        productId = fixtures.product(owner, "Harbor").id();
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void pullWritesTheThresholdsAndTheDismissalsThatHold() throws Exception {
        long globex = initiatives.create(productId, new RoadmapInputs.InitiativeInput("Globex integration",
                "A custom integration for Globex, our largest customer.", null, List.of(), Horizon.NEXT, Stage.IDEA, "Core",
                new BigDecimal("3"), new BigDecimal("5"), 40, null, null, null, Visibility.INTERNAL, null, null, null, null)).value().id();
        long goal = antiGoals.add(productId, "Build a custom integration for every large customer").id();
        health.updateThresholds(productId, new Health.ThresholdsInput(new BigDecimal("2.5"), 20, new BigDecimal("12"), 40, 64), 0);
        var dismissal = dismissals.dismiss(productId, goal, globex, "Globex pays for it; a one-off");
        SecurityContextHolder.clearContext();

        mvc.perform(get("/api/v1/products/" + productId + "/roadmap-file").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thresholds.featureSizeWeeks").value(2.5))
                .andExpect(jsonPath("$.thresholds.nowCapacityWeeks").value(12))
                .andExpect(jsonPath("$.thresholds.antiGoalMatchPercent").value(64))
                .andExpect(jsonPath("$.dismissals[0].antiGoal").value("Build a custom integration for every large customer"))
                .andExpect(jsonPath("$.dismissals[0].initiative").value("Globex integration"))
                .andExpect(jsonPath("$.dismissals[0].reason").value("Globex pays for it; a one-off"))
                .andExpect(jsonPath("$.dismissals[0].textsFingerprint").value(dismissal.textsFingerprint()));
    }

    @Test
    void aPushedFileWithTheRetiredThresholdIsReportedAndChangesNoThreshold() throws Exception {
        String file = """
                {"format": "truenorth-roadmap", "version": 1,
                 "thresholds": {"featureSizeWeeks": 2, "maxFeatureSizedPercent": 20, "maxNowPercent": 40,
                                "antiGoalSimilarityPercent": 80},
                 "initiatives": [
                   {"title": "Guided setup", "horizon": "NOW", "effortLow": 2, "effortHigh": 4, "confidence": 60}
                 ]}
                """;
        mvc.perform(post("/api/v1/products/" + productId + "/imports?format=truenorth-json&dryRun=false")
                        .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true))
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0]", containsString("line 3: thresholds.antiGoalSimilarityPercent (80) is retired")))
                .andExpect(jsonPath("$.warnings[0]", containsString(
                        "antiGoalMatchPercent " + Thresholds.matchPercentFromWordOverlap(80))));
        assertThat(jdbc.sql("select count(*) from health_thresholds where product_id = :p").param("p", productId)
                .query(Long.class).single()).as("a push changes no threshold").isZero();

        // a file as pulled today, with the new field, warns of nothing
        mvc.perform(post("/api/v1/products/" + productId + "/imports?format=truenorth-json")
                        .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(file.replace("antiGoalSimilarityPercent", "antiGoalMatchPercent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings.length()").value(0));
    }
}
