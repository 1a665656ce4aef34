package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class RoadmapApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    Fixtures.Person owner;
    String token;
    long productId;
    String base;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        token = Fixtures.bearer(fixtures.token(owner));
        productId = fixtures.product(owner, "Atlas").id();
        base = "/api/v1/products/" + productId + "/roadmap";
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long create(String path, String json) throws Exception {
        String body = send(post(base + path), json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " t join roadmap r on r.id = t.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    private static String initiative(String title, String horizon, Long themeId, String effortLow, String effortHigh) {
        return """
                {"title":"%s","horizon":"%s","themeId":%s,"effortLow":%s,"effortHigh":%s,"confidence":80,
                 "scores":{"reach":500,"impact":2}}""".formatted(title, horizon, themeId, effortLow, effortHigh);
    }

    @Test
    void buildsARoadmapAndReadsItsRankingAnalysisTraceabilityAndDiff() throws Exception {
        long theme = create("/themes", "{\"name\":\"Self-serve\",\"description\":\"Customers onboard alone\"}");
        long objective = create("/objectives", """
                {"title":"Activation","metric":"Trial conversion","unit":"%","direction":"INCREASE",
                 "baseline":10,"target":20,"current":14,"due":"2026-09-30"}""");
        mvc.perform(get(base + "/objectives").header("Authorization", token))
                .andExpect(jsonPath("$[0].progressText").value("from 10 % to 20 %, now 14 % (40 % of the way)"));

        long a = create("/initiatives", """
                {"title":"Guided setup","horizon":"NOW","themeId":%d,"objectiveIds":[%d],"effortLow":3,"effortHigh":5,
                 "confidence":80,"quarter":"2026-Q2","linkKind":"DIFFERENTIATOR","linkRef":7,"linkLabel":"Set up in minutes",
                 "scores":{"reach":500,"impact":2}}""".formatted(theme, objective));
        long b = create("/initiatives", initiative("Usage billing", "LATER", null, "2", "2"));
        create("/dependencies", "{\"dependentId\":%d,\"requiredId\":%d}".formatted(a, b));
        create("/dependencies", "{\"dependentId\":%d,\"externalKind\":\"TEAM\",\"externalName\":\"Payments\"}".formatted(b));

        mvc.perform(get(base + "/ranking").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.method").value("RICE"))
                .andExpect(jsonPath("$.ranked[0].title").value("Usage billing"))
                .andExpect(jsonPath("$.ranked[0].explanation").value(
                        "reach 500 × impact 2 (high) × confidence 80 % ÷ effort 2 person-weeks = 400.00"))
                .andExpect(jsonPath("$.ranked[1].score").value(200.00));
        mvc.perform(get(base + "/analysis").header("Authorization", token))
                .andExpect(jsonPath("$.cycles", hasSize(0)))
                .andExpect(jsonPath("$.flags[0].kind").value("HORIZON_ORDER"))
                .andExpect(jsonPath("$.flags[0].message").value(containsString("“Guided setup” is in Now but depends on “Usage billing” in Later")))
                .andExpect(jsonPath("$.criticalPath.titles[0]").value("Usage billing"))
                .andExpect(jsonPath("$.criticalPath.length").value(6.00))
                .andExpect(jsonPath("$.external[0].externalName").value("Payments"));
        mvc.perform(get(base + "/traceability").header("Authorization", token))
                .andExpect(jsonPath("$.chains[0].theme").value("Self-serve"))
                .andExpect(jsonPath("$.orphans", hasSize(1)))
                .andExpect(jsonPath("$.orphans[0].title").value("Usage billing"));

        long snapshot = create("/snapshots", "{\"name\":\"Board, March\"}");
        String etag = mvc.perform(get(base + "/initiatives/" + b).header("Authorization", token))
                .andReturn().getResponse().getHeader("ETag");
        send(patch(base + "/initiatives/" + b + "/horizon").header("If-Match", etag), "{\"horizon\":\"NOW\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.horizon").value("NOW")).andExpect(jsonPath("$.version").value(1));
        create("/initiatives", initiative("Team spaces", "NEXT", theme, "1", "3"));
        mvc.perform(get(base + "/diff").param("from", String.valueOf(snapshot)).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added[0].title").value("Team spaces"))
                .andExpect(jsonPath("$.moved[0].from").value("LATER"))
                .andExpect(jsonPath("$.moved[0].to").value("NOW"))
                .andExpect(jsonPath("$.removed", hasSize(0)));
        assertThat(audit.recent(owner.workspaceId(), "roadmap_initiative", 10)).extracting(e -> e.summary())
                .contains("Moved Usage billing to Now", "Added initiative Guided setup in Now");
    }

    @Test
    void aDependencyCycleIsRefusedWithTheCycleNamedAndNothingWritten() throws Exception {
        long a = create("/initiatives", initiative("Data model", "NOW", null, "1", "2"));
        long b = create("/initiatives", initiative("Reports", "NOW", null, "1", "2"));
        long c = create("/initiatives", initiative("Exports", "NEXT", null, "1", "2"));
        create("/dependencies", "{\"dependentId\":%d,\"requiredId\":%d}".formatted(b, a));
        create("/dependencies", "{\"dependentId\":%d,\"requiredId\":%d}".formatted(c, b));
        send(post(base + "/dependencies"), "{\"dependentId\":%d,\"requiredId\":%d}".formatted(a, c))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[0].field").value("requiredId"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "This would make a dependency cycle: “Data model” → “Exports” → “Reports” → “Data model”. "
                                + "Remove one of those dependencies first."));
        send(post(base + "/dependencies"), "{\"dependentId\":%d,\"requiredId\":%d}".formatted(a, a))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("An initiative cannot depend on itself."));
        assertThat(count("roadmap_dependency")).isEqualTo(2);
    }

    @Test
    void anInitiativeOnADeletedThemeIsRefused() throws Exception {
        long theme = create("/themes", "{\"name\":\"Mobile\"}");
        mvc.perform(delete(base + "/themes/" + theme).param("version", "0").header("Authorization", token))
                .andExpect(status().isNoContent());
        send(post(base + "/initiatives"), initiative("Offline mode", "NOW", theme, "1", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("themeId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("no longer exists")));
        assertThat(count("roadmap_initiative")).isZero();
    }

    @Test
    void aNegativeEffortIsRefused() throws Exception {
        send(post(base + "/initiatives"), initiative("Offline mode", "NOW", null, "-2", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effortLow"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be negative"));
        assertThat(count("roadmap_initiative")).isZero();
    }

    @Test
    void offScaleScoresAndBadQuartersAreRefusedFieldByField() throws Exception {
        send(post(base + "/initiatives"), """
                {"title":"X","horizon":"NOW","effortLow":1,"effortHigh":2,"confidence":120,"quarter":"Q9",
                 "scores":{"impact":4,"jobSize":7}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='confidence')].message").value("must be a percentage from 0 to 100"))
                .andExpect(jsonPath("$.errors[?(@.field=='quarter')].message").value("must look like 2026-Q3"))
                .andExpect(jsonPath("$.errors[?(@.field=='impact')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field=='jobSize')].message").value("must be on the Fibonacci scale 1, 2, 3, 5, 8, 13, 20"));
        send(post(base + "/initiatives"), "{\"title\":\"X\",\"horizon\":\"SOON\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("horizon"));
        assertThat(count("roadmap_initiative")).isZero();
    }

    @Test
    void aTargetInTheImpossibleDirectionIsRefused() throws Exception {
        send(post(base + "/objectives"), """
                {"title":"Churn","metric":"Monthly churn","unit":"%","direction":"DECREASE","baseline":5,"target":8}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("target"))
                .andExpect(jsonPath("$.errors[0].message").value("must be below the baseline (5) for a metric that should decrease"));
        assertThat(count("roadmap_objective")).isZero();
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsOverwritten() throws Exception {
        long id = create("/initiatives", initiative("Guided setup", "NEXT", null, "1", "2"));
        String etag = mvc.perform(get(base + "/initiatives/" + id).header("Authorization", token))
                .andReturn().getResponse().getHeader("ETag");
        send(patch(base + "/initiatives/" + id + "/horizon"), "{\"horizon\":\"NOW\",\"version\":0}").andExpect(status().isOk());
        // someone still holding version 0 tries to move it elsewhere
        send(patch(base + "/initiatives/" + id + "/horizon").header("If-Match", etag), "{\"horizon\":\"LATER\"}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("changed by someone else")));
        send(put(base + "/initiatives/" + id), initiative("Overwritten", "LATER", null, "1", "2").replace("}}", "},\"version\":0}"))
                .andExpect(status().isConflict());
        send(patch(base + "/initiatives/" + id + "/stage"), "{\"stage\":\"BUILDING\",\"version\":0}").andExpect(status().isConflict());
        mvc.perform(delete(base + "/initiatives/" + id).param("version", "0").header("Authorization", token))
                .andExpect(status().isConflict());
        mvc.perform(get(base + "/initiatives/" + id).header("Authorization", token))
                .andExpect(jsonPath("$.title").value("Guided setup"))
                .andExpect(jsonPath("$.horizon").value("NOW"))
                .andExpect(jsonPath("$.stage").value("IDEA"))
                .andExpect(jsonPath("$.version").value(1));
        // neither If-Match nor a version: the write names no version it read, so it is refused before anything is changed
        send(put(base + "/initiatives/" + id), initiative("Guided setup", "NOW", null, "1", "2").replace("}}", "}}"))
                .andExpect(status().isPreconditionRequired()).andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void viewersReadButCannotChangeAndOtherWorkspacesSeeNothing() throws Exception {
        create("/themes", "{\"name\":\"Reliability\"}");
        var viewer = fixtures.member(owner, Role.VIEWER);
        String viewerToken = Fixtures.bearer(fixtures.token(viewer));
        mvc.perform(get(base + "/themes").header("Authorization", viewerToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("Reliability"));
        mvc.perform(post(base + "/themes").header("Authorization", viewerToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Sneaky\"}")).andExpect(status().isForbidden());
        var contributor = fixtures.member(owner, Role.CONTRIBUTOR);
        mvc.perform(post(base + "/initiatives").header("Authorization", Fixtures.bearer(fixtures.token(contributor)))
                .contentType(MediaType.APPLICATION_JSON).content(initiative("Sneaky", "NOW", null, "1", "2")))
                .andExpect(status().isForbidden());

        var stranger = fixtures.owner();
        mvc.perform(get(base + "/themes").header("Authorization", Fixtures.bearer(fixtures.token(stranger))))
                .andExpect(status().isNotFound());
        assertThat(count("roadmap_theme")).isEqualTo(1);
        assertThat(count("roadmap_initiative")).isZero();
    }

    @Test
    void settingsChooseTheScoringMethodAndRecordReviews() throws Exception {
        send(put(base), "{\"scoringMethod\":\"WSJF\",\"reviewCadenceDays\":14,\"version\":0}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.scoringMethod").value("WSJF"));
        send(post(base + "/reviews"), "{\"version\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.lastReviewedOn").isNotEmpty())
                .andExpect(jsonPath("$.nextReviewDue").isNotEmpty());
        send(put(base), "{\"scoringMethod\":\"ICE\",\"reviewCadenceDays\":0,\"version\":2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reviewCadenceDays"));
        mvc.perform(get(base + "/ranking").header("Authorization", token)).andExpect(jsonPath("$.method").value("WSJF"));
    }
}
