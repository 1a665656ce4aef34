package app.truenorth.health;

import app.truenorth.roadmap.Initiatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A roadmap's declared anti-goals: kept per product, edited by editors on the Health page and over the API, fed to the rule. */
@IntegrationTest
class AntiGoalsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Initiatives initiatives;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Fixtures.Person owner;
    String token;
    long productId;
    String api;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        token = Fixtures.bearer(fixtures.token(owner));
        productId = fixtures.product(owner, "Atlas").id();
        api = "/api/v1/products/" + productId + "/health/anti-goals";
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long initiative(String title, String description) {
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return initiatives.create(productId, new RoadmapInputs.InitiativeInput(title, description, null, List.of(),
                    Horizon.NEXT, Stage.IDEA, "Core", new BigDecimal("3"), new BigDecimal("5"), 60, null, null, null,
                    Visibility.INTERNAL, null, null, null, null)).value().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    long add(String text) throws Exception {
        String answer = mvc.perform(post(api).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("text", text))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(api + "/")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer).path("id").asLong();
    }

    long count() {
        return jdbc.sql("select count(*) from health_anti_goal where product_id = :p").param("p", productId).query(Long.class).single();
    }

    @Test
    void anInitiativeResemblingADeclaredAntiGoalIsFlaggedOnThePageAndInTheApi() throws Exception {
        long custom = initiative("Custom integration for Globex", "Build a custom integration for our largest customer, Globex.");
        initiative("Self-serve onboarding", "Fleets start without talking to sales.");
        mvc.perform(get("/api/v1/products/" + productId + "/health").header("Authorization", token))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("anti-goal"))))
                .andExpect(jsonPath("$.antiGoals.length()").value(0));

        long id = add("  Build a custom integration for every   large customer ");
        mvc.perform(get(api + "/" + id).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("Build a custom integration for every large customer"));
        mvc.perform(get("/api/v1/products/" + productId + "/health").header("Authorization", token))
                .andExpect(jsonPath("$.antiGoals[0].text").value("Build a custom integration for every large customer"))
                .andExpect(jsonPath("$.findings[?(@.rule == 'anti-goal')].severity").value("error"))
                .andExpect(jsonPath("$.findings[?(@.rule == 'anti-goal')].evidence[0].initiativeId").value((int) custom))
                .andExpect(jsonPath("$.findings[?(@.rule == 'anti-goal')].evidence.length()").value(1));
        mvc.perform(get("/products/" + productId + "/health").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("resembles the anti-goal “Build a custom integration for every large customer”")))
                .andExpect(content().string(containsString("Add anti-goal")));

        mvc.perform(delete(api + "/" + id).header("Authorization", token)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/products/" + productId + "/health").header("Authorization", token))
                .andExpect(jsonPath("$.findings[*].rule", not(hasItem("anti-goal"))));
        // removed already: nothing to remove, and the list does not change
        mvc.perform(delete(api + "/" + id).header("Authorization", token)).andExpect(status().isNotFound());
        assertThat(count()).isZero();
        assertThat(audit.recent(owner.workspaceId(), "health_anti_goal", 10)).extracting(e -> e.action())
                .containsExactly("removed", "created");
    }

    static Stream<Arguments> badAntiGoals() {
        return Stream.of(
                Arguments.of("", "is required"),
                Arguments.of("   ", "is required"),
                Arguments.of("No, not a", "at least one significant word"),
                Arguments.of("the and of every", "at least one significant word"),
                Arguments.of("Build " + "very ".repeat(50) + "much", "at most 200 characters"),
                Arguments.of("build a CUSTOM integration for every large customer", "already on the list"),
                Arguments.of("Custom integration: build for every large customer!", "says the same as"));
    }

    @ParameterizedTest
    @MethodSource("badAntiGoals")
    void badAntiGoalsAreRefusedBesideTheFieldAndNothingIsWritten(String text, String message) throws Exception {
        add("Build a custom integration for every large customer");
        mvc.perform(post(api).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("text", text))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message", containsString(message)));
        mvc.perform(post("/products/" + productId + "/health/anti-goals").with(owner.session()).with(csrf()).param("text", text))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("class=\"field-error\" id=\"e-text\"")))
                .andExpect(content().string(containsString(message)));
        assertThat(count()).isOne();
    }

    @Test
    void oneSignificantWordIsEnoughSinceInitiativesAreMatchedByMeaning() throws Exception {
        add("We are not a CRM");
        assertThat(count()).isOne();
    }

    @Test
    void theApiRefusesBodiesThatAreNotAnAntiGoal() throws Exception {
        for (String body : List.of("{}", "{\"text\":null}", "{\"text\":\"Build our own maps\",\"extra\":1}", "{\"text\":[\"a b\"]}")) {
            mvc.perform(post(api).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors").isArray());
        }
        mvc.perform(post(api).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("{\"text\":"))
                .andExpect(status().isBadRequest());
        mvc.perform(delete(api + "/abc").header("Authorization", token)).andExpect(status().isBadRequest());
        assertThat(count()).isZero();
    }

    @Test
    void editorsAddAndRemoveOnThePageWhileViewersOnlyRead() throws Exception {
        var editor = fixtures.member(owner, Role.EDITOR);
        mvc.perform(post("/products/" + productId + "/health/anti-goals").with(editor.session()).with(csrf())
                        .param("text", "Per-seat pricing for dispatch teams"))
                .andExpect(redirectedUrl("/products/" + productId + "/health#anti-goals"));
        long id = jdbc.sql("select id from health_anti_goal where product_id = :p").param("p", productId).query(Long.class).single();
        mvc.perform(get("/products/" + productId + "/health").with(editor.session()))
                .andExpect(content().string(containsString("Per-seat pricing for dispatch teams")))
                .andExpect(content().string(containsString("/health/anti-goals/" + id + "/remove")));

        var viewer = fixtures.member(owner, Role.VIEWER);
        mvc.perform(get("/products/" + productId + "/health").with(viewer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Per-seat pricing for dispatch teams")))
                .andExpect(content().string(not(containsString("Add anti-goal"))))
                .andExpect(content().string(not(containsString("/remove"))));
        mvc.perform(post("/products/" + productId + "/health/anti-goals/" + id + "/remove").with(viewer.session()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(api).header("Authorization", Fixtures.bearer(fixtures.token(viewer))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Build our own maps\"}"))
                .andExpect(status().isForbidden());
        var contributor = fixtures.member(owner, Role.CONTRIBUTOR);
        mvc.perform(post("/products/" + productId + "/health/anti-goals").with(contributor.session()).with(csrf())
                        .param("text", "Build our own maps"))
                .andExpect(status().isForbidden());
        assertThat(count()).isOne();

        mvc.perform(post("/products/" + productId + "/health/anti-goals/" + id + "/remove").with(editor.session()).with(csrf()))
                .andExpect(redirectedUrl("/products/" + productId + "/health#anti-goals"));
        assertThat(count()).isZero();
        assertThat(audit.recent(owner.workspaceId(), "health_anti_goal", 10)).extracting(e -> e.summary())
                .anySatisfy(s -> assertThat(s).contains("Removed the anti-goal “Per-seat pricing for dispatch teams”"))
                .anySatisfy(s -> assertThat(s).contains("Added the anti-goal “Per-seat pricing for dispatch teams”"));
    }

    @Test
    void twoEditorsAddingAtOnceNeitherLoseTheOthersNorListOneTwice() throws Exception {
        var editor = fixtures.member(owner, Role.EDITOR);
        String other = Fixtures.bearer(fixtures.token(editor));
        add("Build a custom integration for every large customer");
        mvc.perform(post(api).header("Authorization", other).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Our own tracking hardware in every van\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post(api).header("Authorization", other).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Build a custom integration for every large customer\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(api).header("Authorization", token))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].text").value("Build a custom integration for every large customer"))
                .andExpect(jsonPath("$[1].text").value("Our own tracking hardware in every van"));
    }

    @Test
    void otherWorkspacesSeeNothing() throws Exception {
        long id = add("Build a custom integration for every large customer");
        var stranger = fixtures.owner();
        String theirs = Fixtures.bearer(fixtures.token(stranger));
        mvc.perform(get(api).header("Authorization", theirs)).andExpect(status().isNotFound());
        mvc.perform(get(api + "/" + id).header("Authorization", theirs)).andExpect(status().isNotFound());
        mvc.perform(delete(api + "/" + id).header("Authorization", theirs)).andExpect(status().isNotFound());
        // an anti-goal of another product of the same workspace is not found under this one
        long other = fixtures.product(owner, "Beacon").id();
        mvc.perform(delete("/api/v1/products/" + other + "/health/anti-goals/" + id).header("Authorization", token))
                .andExpect(status().isNotFound());
        assertThat(count()).isOne();
    }
}
