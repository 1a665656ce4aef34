package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ObjectiveInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The roadmap's decision log over the API and on its page: versions, audit, roles, workspaces, errors beside fields. */
@IntegrationTest
class DecisionLogTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Themes themes;
    @Autowired
    Objectives objectives;
    @Autowired
    Initiatives initiatives;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    String token;
    long productId;
    String api;
    String page;
    long adapter;
    long billing;
    long theme;
    long objective;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        token = Fixtures.bearer(fixtures.token(owner));
        productId = fixtures.product(owner, "Atlas").id();
        api = "/api/v1/products/" + productId + "/roadmap/decisions";
        page = "/products/" + productId + "/roadmap/decisions";
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            theme = themes.create(productId, new ThemeInput("Dispatch visibility", "")).value().id();
            objective = objectives.create(productId, new ObjectiveInput("Cut idle time", "Idle hours", "h", Direction.DECREASE,
                    new BigDecimal("6.5"), new BigDecimal("5"), null, null)).value().id();
            adapter = initiative("Universal telematics adapter");
            billing = initiative("Per-vehicle billing");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long initiative(String title) {
        return initiatives.create(productId, new InitiativeInput(title, "", theme, List.of(), Horizon.NOW, Stage.IDEA, "",
                BigDecimal.ONE, BigDecimal.TWO, 70, "", null, null, null, null, null, null, null)).value().id();
    }

    private String body(String title, Integer version) {
        return """
                {"title":"%s","rationale":"Every pilot fleet runs two makes of box","decidedOn":"%s","decidedBy":"Leadership team",
                 "keyDecision":true,"visibility":"EXTERNAL","initiativeIds":[%d],"themeIds":[%d],"objectiveIds":[%d]%s}"""
                .formatted(title, LocalDate.now().minusDays(2), adapter, theme, objective, version == null ? "" : ",\"version\":" + version);
    }

    private List<Long> decisionIds() {
        return jdbc.sql("select d.id from roadmap_decision d join roadmap r on r.id = d.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).list();
    }

    private MvcResult send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    @Test
    void decisionsAreRecordedChangedWithTheirVersionAndDeletedWithAnAuditTrail() throws Exception {
        MvcResult created = send(post(api), body("Build our own adapter", null));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        String json = created.getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/roadmap/decisions/" + id);
        assertThat((Boolean) JsonPath.read(json, "$.keyDecision")).isTrue();
        assertThat((String) JsonPath.read(json, "$.visibility")).isEqualTo("EXTERNAL");
        assertThat((List<Integer>) JsonPath.read(json, "$.initiativeIds")).containsExactly((int) adapter);

        // an older decision and a member's: the log is latest first, the member's name comes from the member
        send(post(api), """
                {"title":"Bill per van","rationale":"The price follows the fleet","decidedOn":"%s","decidedByUserId":%d,
                 "initiativeIds":[%d]}""".formatted(LocalDate.now().minusDays(30), owner.userId(), billing));
        mvc.perform(get(api).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].title").value("Build our own adapter"))
                .andExpect(jsonPath("$[1].decidedBy").value(owner.displayName()))
                .andExpect(jsonPath("$[1].keyDecision").value(false))
                .andExpect(jsonPath("$[1].visibility").value("INTERNAL"));
        mvc.perform(get(api).param("keyDecision", "true").header("Authorization", token)).andExpect(jsonPath("$", hasSize(1)));

        mvc.perform(get(api + "/" + id).header("Authorization", token))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"" + id + "-0\""));
        MvcResult updated = send(put(api + "/" + id), body("Build our own telematics adapter", 0));
        assertThat(updated.getResponse().getStatus()).isEqualTo(200);
        // the same version again is stale: 409 with a version field, 412 with If-Match; nothing changes
        assertThat(send(put(api + "/" + id), body("Overwrite", 0)).getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(put(api + "/" + id).header("Authorization", token).header("If-Match", "\"" + id + "-0\"")
                .contentType(MediaType.APPLICATION_JSON).content(body("Overwrite", null))).andReturn().getResponse().getStatus())
                .isEqualTo(412);
        mvc.perform(get(api + "/" + id).header("Authorization", token)).andExpect(jsonPath("$.title").value("Build our own telematics adapter"));

        assertThat(mvc.perform(delete(api + "/" + id).param("version", "0").header("Authorization", token)).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(delete(api + "/" + id).param("version", "1").header("Authorization", token)).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
        mvc.perform(get(api + "/" + id).header("Authorization", token)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'roadmap_decision' and entity_id = :id order by id")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("created", "updated", "deleted");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        long otherProduct = fixtures.product(owner, "Beacon").id();
        MvcResult refused = send(post(api), """
                {"title":" ","rationale":"","decidedOn":"%s","decidedByUserId":999999,"initiativeIds":[123456789]}"""
                .formatted(LocalDate.now().plusDays(3)));
        assertThat(refused.getResponse().getStatus()).isIn(400, 422);
        assertThat(refused.getResponse().getContentType()).contains("problem+json");
        String problem = refused.getResponse().getContentAsString();
        for (String field : List.of("title", "rationale", "decidedOn", "decidedByUserId", "initiativeIds")) {
            assertThat(problem).as(problem).contains("\"" + field + "\"");
        }
        MvcResult nobody = send(post(api), """
                {"title":"x","rationale":"y","decidedOn":"2026-01-01"}""");
        assertThat(nobody.getResponse().getContentAsString()).contains("decidedBy", "who decided");
        // a theme of another product's roadmap is not this roadmap's
        long foreignTheme;
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            foreignTheme = themes.create(otherProduct, new ThemeInput("Elsewhere", "")).value().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(send(post(api), """
                {"title":"x","rationale":"y","decidedOn":"2026-01-01","decidedBy":"Me","themeIds":[%d]}""".formatted(foreignTheme))
                .getResponse().getContentAsString()).contains("themeIds");
        assertThat(send(post(api), "{\"title\":\"x\",\"unknownField\":1}").getResponse().getStatus()).isIn(400, 422);
        assertThat(decisionIds()).isEmpty();
    }

    @Test
    void viewersReadEditorsWriteAndOtherWorkspacesSeeNothing() throws Exception {
        long id = ((Number) JsonPath.read(send(post(api), body("Build our own adapter", null)).getResponse().getContentAsString(),
                "$.id")).longValue();
        var viewer = fixtures.member(owner, Role.VIEWER);
        String viewerToken = Fixtures.bearer(fixtures.token(viewer));
        mvc.perform(get(api).header("Authorization", viewerToken)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(post(api).header("Authorization", viewerToken).contentType(MediaType.APPLICATION_JSON)
                .content(body("Sneaky", null))).andExpect(status().isForbidden());
        mvc.perform(delete(api + "/" + id).param("version", "0").header("Authorization", viewerToken)).andExpect(status().isForbidden());
        mvc.perform(get(page).with(viewer.session())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Build our own adapter")))
                .andExpect(content().string(not(containsString("Record a decision"))));
        mvc.perform(post(page).with(viewer.session()).with(csrf()).param("title", "Sneaky")).andExpect(status().isForbidden());

        var stranger = fixtures.owner();
        String strangerToken = Fixtures.bearer(fixtures.token(stranger));
        mvc.perform(get(api + "/" + id).header("Authorization", strangerToken)).andExpect(status().isNotFound());
        mvc.perform(get(page).with(stranger.session())).andExpect(status().isNotFound());
        // a decision id of this product under the stranger's own product is not found either
        long theirs = fixtures.product(stranger, "Theirs").id();
        mvc.perform(get("/api/v1/products/" + theirs + "/roadmap/decisions/" + id).header("Authorization", strangerToken))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageExplainsTheLogRecordsWithErrorsBesideTheFieldsAndLinksFromTheRoadmap() throws Exception {
        mvc.perform(get("/products/" + productId + "/roadmap/horizon").with(owner.session()))
                .andExpect(content().string(containsString("href=\"/products/" + productId + "/roadmap/decisions\"")));
        mvc.perform(get(page).with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No decisions recorded yet")))
                .andExpect(content().string(containsString("Record a decision")));

        MvcResult refused = mvc.perform(post(page).with(owner.session()).with(csrf())
                .param("title", "Build our own adapter").param("rationale", "").param("decidedOn", "not a date")
                .param("decidedByUserId", "").param("decidedBy", "").param("visibility", "INTERNAL")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("id=\"e-decidedOn\"", "must be a date", "value=\"Build our own adapter\"");

        MvcResult missing = mvc.perform(post(page).with(owner.session()).with(csrf())
                .param("title", "Build our own adapter").param("rationale", "").param("decidedOn", LocalDate.now().toString())
                .param("decidedByUserId", "").param("decidedBy", "").param("visibility", "INTERNAL")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(422);
        assertThat(missing.getResponse().getContentAsString()).contains("id=\"e-rationale\"", "id=\"e-decidedBy\"");

        MvcResult saved = mvc.perform(post(page).with(owner.session()).with(csrf())
                .param("title", "Build our own adapter").param("rationale", "Two makes of box per fleet")
                .param("decidedOn", LocalDate.now().toString()).param("decidedByUserId", String.valueOf(owner.userId()))
                .param("decidedBy", "").param("keyDecision", "true").param("visibility", "INTERNAL")
                .param("initiativeIds", String.valueOf(adapter)).param("objectiveIds", String.valueOf(objective))).andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
        String list = mvc.perform(get(page).with(owner.session())).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Build our own adapter", "Two makes of box per fleet", "key decision", owner.displayName(),
                "Universal telematics adapter", "objective Cut idle time");
        long id = decisionIds().getFirst();

        // a stale edit says so and keeps what was typed
        mvc.perform(post(page + "/" + id).with(owner.session()).with(csrf()).param("version", "0")
                .param("title", "Edited once").param("rationale", "r").param("decidedOn", LocalDate.now().toString())
                .param("decidedBy", "Leadership team").param("visibility", "EXTERNAL").param("initiativeIds", String.valueOf(adapter)))
                .andExpect(status().isFound());
        MvcResult stale = mvc.perform(post(page + "/" + id).with(owner.session()).with(csrf()).param("version", "0")
                .param("title", "Edited twice").param("rationale", "r").param("decidedOn", LocalDate.now().toString())
                .param("decidedBy", "Leadership team").param("visibility", "EXTERNAL")).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(stale.getResponse().getContentAsString()).contains("Edited twice", "changed");

        // the initiative's page lists the decisions about it
        mvc.perform(get("/products/" + productId + "/roadmap/initiatives/" + adapter).with(owner.session()))
                .andExpect(content().string(containsString("Edited once")));
    }
}
