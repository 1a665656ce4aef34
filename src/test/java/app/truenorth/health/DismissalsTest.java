package app.truenorth.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An anti-goal finding dismissed for one initiative, with a reason: it leaves the findings (and the score)
 * while both texts read as they did, comes back when either changes, and is kept, changed and withdrawn
 * with versions, by editors only, audited, over the API and on the page.
 */
@IntegrationTest
class DismissalsTest {

    static final String GOAL = "Build a custom integration for every large customer";

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
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Fixtures.Person owner;
    Fixtures.Person editor;
    String token;
    long productId;
    long goalId;
    long globex;
    String api;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        editor = fixtures.member(owner, Role.EDITOR);
        token = Fixtures.bearer(fixtures.token(editor));
        productId = fixtures.product(owner, "Harbor").id();
        api = "/api/v1/products/" + productId + "/health";
        actAs(owner);
        try {
            globex = initiatives.create(productId, input("Custom integration for Globex",
                    "Build a custom integration for our largest customer, Globex.")).value().id();
            initiatives.create(productId, input("Self-serve onboarding", "Fleets start without talking to sales."));
            goalId = antiGoals.add(productId, GOAL).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
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

    static RoadmapInputs.InitiativeInput input(String title, String description) {
        return new RoadmapInputs.InitiativeInput(title, description, null, List.of(), Horizon.NEXT, Stage.IDEA, "Core",
                new BigDecimal("3"), new BigDecimal("5"), 60, null, null, null, Visibility.INTERNAL, null, null, null, null);
    }

    JsonNode health() throws Exception {
        return json.readTree(mvc.perform(get(api).header("Authorization", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    static List<JsonNode> antiGoalFindings(JsonNode health) {
        return health.path("findings").valueStream().filter(f -> f.path("rule").asString().equals("anti-goal")).toList();
    }

    JsonNode dismiss(String reason) throws Exception {
        String answer = mvc.perform(post(api + "/dismissals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("antiGoalId", goalId, "initiativeId", globex, "reason", reason))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(api + "/dismissals/")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    long rows() {
        return jdbc.sql("select count(*) from health_anti_goal_dismissal where product_id = :p").param("p", productId)
                .query(Long.class).single();
    }

    @Test
    void aDismissedFindingLeavesTheFindingsUntilTheInitiativesTextChanges() throws Exception {
        JsonNode before = health();
        assertThat(antiGoalFindings(before)).singleElement().satisfies(f -> {
            JsonNode evidence = f.path("evidence").get(0);
            assertThat(evidence.path("initiativeId").asLong()).isEqualTo(globex);
            // why it matched travels with the finding
            assertThat(evidence.path("match").path("percent").asInt()).isBetween(1, 100);
            assertThat(evidence.path("match").path("explanation").asString()).contains("% alike");
        });

        JsonNode dismissal = dismiss("Globex pays for it as a one-off; it is not a pattern we repeat");
        assertThat(dismissal.path("holds").asBoolean()).isTrue();
        assertThat(dismissal.path("version").asInt()).isEqualTo(1);
        assertThat(dismissal.path("dismissedBy").asString()).isEqualTo(editor.displayName());

        JsonNode after = health();
        assertThat(antiGoalFindings(after)).isEmpty();
        assertThat(after.path("score").asInt()).isGreaterThan(before.path("score").asInt());
        assertThat(after.path("dismissed")).singleElement().satisfies(d -> {
            assertThat(d.path("antiGoal").asString()).isEqualTo(GOAL);
            assertThat(d.path("antiGoalId").asLong()).isEqualTo(goalId);
            assertThat(d.path("initiativeId").asLong()).isEqualTo(globex);
            assertThat(d.path("reason").asString()).startsWith("Globex pays for it");
            assertThat(d.path("dismissalId").asLong()).isEqualTo(dismissal.path("id").asLong());
            assertThat(d.path("match").path("percent").asInt()).isPositive();
        });
        // dismissing it again while it holds is a conflict, and nothing changes
        mvc.perform(post(api + "/dismissals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("antiGoalId", goalId, "initiativeId", globex, "reason", "again"))))
                .andExpect(status().isConflict());

        // a re-save with the same words (white space aside) does not lift it
        actAs(owner);
        var stored = roadmaps.load(productId).initiative(globex).orElseThrow();
        initiatives.update(productId, globex, input("Custom integration for Globex",
                "Build a custom integration  for our largest customer, Globex.  "), stored.version());
        SecurityContextHolder.clearContext();
        assertThat(antiGoalFindings(health())).isEmpty();

        // a changed description brings the finding back, and the dismissal says it no longer holds
        actAs(owner);
        stored = roadmaps.load(productId).initiative(globex).orElseThrow();
        initiatives.update(productId, globex, input("Custom integration for Globex",
                "Build a custom integration for our largest customer, Globex, and then for Initech."), stored.version());
        SecurityContextHolder.clearContext();
        JsonNode changed = health();
        assertThat(antiGoalFindings(changed)).singleElement()
                .satisfies(f -> assertThat(f.path("evidence").get(0).path("initiativeId").asLong()).isEqualTo(globex));
        assertThat(changed.path("dismissed").isEmpty()).isTrue();
        mvc.perform(get(api + "/dismissals").header("Authorization", token))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].holds").value(false));
        mvc.perform(get("/products/" + productId + "/health").with(editor.session()))
                .andExpect(content().string(containsString("but a text has changed since")));

        // dismissed again for the new wording: the lapsed dismissal is replaced, not duplicated
        JsonNode again = dismiss("Two customers, both paying; still not a product line");
        assertThat(again.path("id").asLong()).isEqualTo(dismissal.path("id").asLong());
        assertThat(again.path("version").asInt()).isEqualTo(2);
        assertThat(again.path("holds").asBoolean()).isTrue();
        assertThat(antiGoalFindings(health())).isEmpty();
        assertThat(rows()).isOne();
        assertThat(audit.recent(owner.workspaceId(), "health_anti_goal_dismissal", 10)).extracting(e -> e.action())
                .containsExactly("dismissed", "dismissed");
    }

    @Test
    void removingTheAntiGoalOrTheInitiativeRemovesItsDismissals() throws Exception {
        dismiss("A one-off for Globex");
        assertThat(rows()).isOne();
        mvc.perform(delete(api + "/anti-goals/" + goalId).header("Authorization", token)).andExpect(status().isNoContent());
        assertThat(rows()).isZero();

        actAs(owner);
        goalId = antiGoals.add(productId, GOAL).id();
        SecurityContextHolder.clearContext();
        // the same wording added anew is a new anti-goal: the finding shows until dismissed again
        assertThat(antiGoalFindings(health())).hasSize(1);
        dismiss("A one-off for Globex");
        actAs(owner);
        initiatives.delete(productId, globex, roadmaps.load(productId).initiative(globex).orElseThrow().version());
        SecurityContextHolder.clearContext();
        assertThat(rows()).isZero();
    }

    @Test
    void theReasonChangesWithTheVersionReadAndWithdrawingBringsTheFindingBack() throws Exception {
        JsonNode d = dismiss("A one-off for Globex");
        String one = api + "/dismissals/" + d.path("id").asLong();
        mvc.perform(get(one).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + d.path("id").asLong() + "-1\""));
        mvc.perform(put(one).header("Authorization", token).header("If-Match", "\"" + d.path("id").asLong() + "-1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Paid for by Globex, kept out of the product\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.reason").value("Paid for by Globex, kept out of the product"));
        // stale: 412 with If-Match, 409 with a body version; missing: refused; nothing changes
        mvc.perform(put(one).header("Authorization", token).header("If-Match", "\"" + d.path("id").asLong() + "-1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"stale\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put(one).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"stale\",\"version\":1}"))
                .andExpect(status().isConflict());
        mvc.perform(put(one).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"no version\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().string(containsString("If-Match")));
        mvc.perform(put(one).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \",\"version\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get(one).header("Authorization", token)).andExpect(jsonPath("$.reason").value("Paid for by Globex, kept out of the product"));

        mvc.perform(delete(one).header("Authorization", token).header("If-Match", "\"" + d.path("id").asLong() + "-1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete(one).header("Authorization", token).header("If-Match", "\"" + d.path("id").asLong() + "-2\""))
                .andExpect(status().isNoContent());
        mvc.perform(delete(one).header("Authorization", token)).andExpect(status().isNotFound());
        assertThat(antiGoalFindings(health())).hasSize(1);
        assertThat(audit.recent(owner.workspaceId(), "health_anti_goal_dismissal", 10)).extracting(e -> e.action())
                .containsExactly("withdrawn", "updated", "dismissed");
    }

    @Test
    void badDismissalsAreRefusedAndNothingIsWritten() throws Exception {
        mvc.perform(post(api + "/dismissals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("antiGoalId", goalId, "initiativeId", globex, "reason", "   "))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post(api + "/dismissals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("antiGoalId", goalId, "initiativeId", globex, "reason", "x".repeat(501)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("at most 500")));
        mvc.perform(post(api + "/dismissals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"no ids\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("antiGoalId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("initiativeId")));
        // an initiative of another product of the same workspace is not on this roadmap, nor is an unknown anti-goal
        actAs(owner);
        long other = fixtures.product(owner, "Beacon").id();
        long elsewhere = initiatives.create(other, input("Custom integration for Initech", "")).value().id();
        SecurityContextHolder.clearContext();
        mvc.perform(post(api + "/dismissals").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("antiGoalId", goalId + 1000, "initiativeId", elsewhere, "reason", "x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("antiGoalId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("initiativeId")));
        // the page shows the message beside the reason of that finding
        mvc.perform(post("/products/" + productId + "/health/dismissals").with(editor.session()).with(csrf())
                        .param("antiGoalId", String.valueOf(goalId)).param("initiativeId", String.valueOf(globex)).param("reason", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-reason-" + goalId + "-" + globex + "\"")))
                .andExpect(content().string(containsString("is required")));
        assertThat(rows()).isZero();
    }

    @Test
    void editorsDismissAndWithdrawOnThePageWhileOthersOnlyReadAndOtherWorkspacesSeeNothing() throws Exception {
        String page = "/products/" + productId + "/health";
        mvc.perform(get(page).with(editor.session()))
                .andExpect(content().string(containsString("Dismiss for this initiative")))
                .andExpect(content().string(containsString("id=\"f-reason-" + goalId + "-" + globex + "\"")))
                .andExpect(content().string(containsString("% alike")));
        mvc.perform(post(page + "/dismissals").with(editor.session()).with(csrf())
                        .param("antiGoalId", String.valueOf(goalId)).param("initiativeId", String.valueOf(globex))
                        .param("reason", "Globex pays for it as a one-off"))
                .andExpect(redirectedUrl(page + "#findings-heading"));
        long id = jdbc.sql("select id from health_anti_goal_dismissal where product_id = :p").param("p", productId).query(Long.class).single();
        mvc.perform(get(page).with(editor.session()))
                .andExpect(content().string(containsString("Dismissed anti-goal matches (1)")))
                .andExpect(content().string(containsString("Globex pays for it as a one-off")))
                .andExpect(content().string(containsString("/health/dismissals/" + id + "/withdraw")))
                .andExpect(content().string(not(containsString("id=\"f-reason-" + goalId + "-" + globex + "\""))));

        for (Role role : List.of(Role.VIEWER, Role.CONTRIBUTOR)) {
            var person = fixtures.member(owner, role);
            mvc.perform(get(page).with(person.session()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Globex pays for it as a one-off")))
                    .andExpect(content().string(not(containsString("/withdraw"))));
            mvc.perform(post(page + "/dismissals/" + id + "/withdraw").with(person.session()).with(csrf()).param("version", "1"))
                    .andExpect(status().isForbidden());
            mvc.perform(delete(api + "/dismissals/" + id).header("Authorization", Fixtures.bearer(fixtures.token(person))))
                    .andExpect(status().isForbidden());
            mvc.perform(post(api + "/dismissals").header("Authorization", Fixtures.bearer(fixtures.token(person)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("antiGoalId", goalId, "initiativeId", globex, "reason", "x"))))
                    .andExpect(status().isForbidden());
        }
        var stranger = fixtures.owner();
        String theirs = Fixtures.bearer(fixtures.token(stranger));
        mvc.perform(get(api + "/dismissals").header("Authorization", theirs)).andExpect(status().isNotFound());
        mvc.perform(get(api + "/dismissals/" + id).header("Authorization", theirs)).andExpect(status().isNotFound());
        mvc.perform(delete(api + "/dismissals/" + id).header("Authorization", theirs)).andExpect(status().isNotFound());
        long theirProduct = fixtures.product(stranger, "Theirs").id();
        mvc.perform(delete("/api/v1/products/" + theirProduct + "/health/dismissals/" + id).header("Authorization", theirs))
                .andExpect(status().isNotFound());

        // a stale withdraw on the page is a conflict; the current version withdraws it
        mvc.perform(post(page + "/dismissals/" + id + "/withdraw").with(editor.session()).with(csrf()).param("version", "7"))
                .andExpect(status().isConflict());
        mvc.perform(post(page + "/dismissals/" + id + "/withdraw").with(editor.session()).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl(page + "#findings-heading"));
        assertThat(rows()).isZero();
    }
}
