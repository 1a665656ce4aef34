package app.truenorth.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import app.truenorth.roadmap.RoadmapInputs.DependencyInput;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ObjectiveInput;
import app.truenorth.roadmap.RoadmapInputs.RiskInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.ExternalKind;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.MovableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Share links end to end: what a stranger with the link sees (for every audience, in the page's bytes
 * and in every export), revocation, expiry, passwords with throttling, view counting, and the
 * management API's rules. Uses its own movable clock, so it has a context of its own.
 */
@IntegrationTest
class ShareLinksTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2030-11-20T09:00:00Z"));

    @TestBean(name = "clock")
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    record World(Fixtures.Person owner, String token, long productId) {
    }

    /** A product whose roadmap holds the planted internal things (see {@link Planted}). */
    World plantedWorld() {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        Planted.plant(context, owner, productId);
        return new World(owner, fixtures.token(owner), productId);
    }

    String createLink(World w, String audience, String expiresOn, String password) throws Exception {
        String body = json.writeValueAsString(Map.of("audience", audience.toUpperCase(), "label", "For " + audience,
                "password", password == null ? "" : password));
        if (expiresOn != null) {
            var withExpiry = new java.util.HashMap<String, Object>(json.readValue(body, Map.class));
            withExpiry.put("expiresOn", expiresOn);
            body = json.writeValueAsString(withExpiry);
        }
        MvcResult r = mvc.perform(post("/api/v1/products/" + w.productId() + "/views/links").header("Authorization", Fixtures.bearer(w.token()))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        String url = json.readTree(r.getResponse().getContentAsString()).get("link") == null ? null
                : json.readTree(r.getResponse().getContentAsString()).get("url").asString();
        return url.substring(url.indexOf("/share/"));
    }

    @ParameterizedTest
    @EnumSource(Audience.class)
    void aSharedPageAndEveryExportHoldOnlyWhatTheAudienceMaySee(Audience audience) throws Exception {
        World w = plantedWorld();
        String path = createLink(w, audience.slug(), null, null);
        MvcResult page = mvc.perform(get(path)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).contains(Planted.PUBLIC_ITEM);
        assertThat(html).doesNotContain("/products/" + w.productId());
        StringBuilder everything = new StringBuilder(html);
        for (String format : List.of("md", "csv", "json", "svg", "pdf", "png")) {
            MvcResult export = mvc.perform(get(path + "/export/" + format)).andReturn();
            assertThat(export.getResponse().getStatus()).as(format).isEqualTo(200);
            byte[] bytes = export.getResponse().getContentAsByteArray();
            switch (format) {
                case "pdf" -> everything.append(pdfText(bytes)).append(new String(bytes, StandardCharsets.ISO_8859_1));
                case "png" -> assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                default -> everything.append(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        assertThat(everything.toString()).contains(Planted.PUBLIC_ITEM);
        for (String secret : Planted.FORBIDDEN.get(audience)) {
            assertThat(everything.toString()).as("%s share leaks", audience).doesNotContain(secret);
        }
        if (audience == Audience.ENGINEERING) {
            assertThat(everything.toString()).contains(Planted.SECRET_DESCRIPTION, Planted.RISK_OWNER, Planted.DEP_NOTE,
                    Planted.MINOR_DECISION, Planted.SECRET_RATIONALE);
        }
        if (audience == Audience.EXECUTIVE) {
            // the key decisions, internal ones and the strategy session's go decision included
            assertThat(everything.toString()).contains("Key decisions", Planted.SECRET_DECISION, Planted.PUBLIC_DECISION,
                    Planted.GATE_RATIONALE, "2025-Q4");
        }
        if (audience == Audience.SALES) {
            assertThat(everything.toString()).contains(Planted.PUBLIC_DECISION, Planted.PUBLIC_RATIONALE);
        }
    }

    @Test
    void viewsAreCountedAndARevokedLinkAnswersGone() throws Exception {
        World w = plantedWorld();
        String path = createLink(w, "customer", null, null);
        mvc.perform(get(path));
        mvc.perform(get(path));
        JsonNode links = json.readTree(mvc.perform(get("/api/v1/products/" + w.productId() + "/views/links")
                .header("Authorization", Fixtures.bearer(w.token()))).andReturn().getResponse().getContentAsString());
        assertThat(links.get(0).get("viewCount").asInt()).isEqualTo(2);
        assertThat(links.get(0).get("lastViewedAt").isNull()).isFalse();
        long id = links.get(0).get("id").asLong();
        // only the token's hash is stored
        String token = path.substring("/share/".length());
        assertThat(jdbc.sql("select count(*) from share_link where token_hash = :t").param("t", token).query(Integer.class).single()).isZero();
        assertThat(token.length()).isGreaterThanOrEqualTo(43); // 256 random bits, base64url

        var revoked = mvc.perform(delete("/api/v1/products/" + w.productId() + "/views/links/" + id)
                .header("Authorization", Fixtures.bearer(w.token()))).andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(410);
        assertThat(mvc.perform(get(path + "/export/pdf")).andReturn().getResponse().getStatus()).isEqualTo(410);
        assertThat(mvc.perform(get("/share/" + "x".repeat(43))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'share_link' and action = 'revoke' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLinkExpiresAtTheEndOfItsDay() throws Exception {
        World w = plantedWorld();
        String expires = LocalDate.now(CLOCK).plusDays(1).toString();
        String path = createLink(w, "sales", expires, null);
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
        CLOCK.advance(Duration.ofDays(2));
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(410);
    }

    @Test
    void aPasswordIsAskedForAndWrongGuessesAreThrottled() throws Exception {
        World w = plantedWorld();
        String path = createLink(w, "customer", null, "open-sesame-2030");
        String ask = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
        assertThat(ask).contains("This roadmap is protected").doesNotContain(Planted.PUBLIC_ITEM);
        assertThat(mvc.perform(get(path + "/export/md")).andReturn().getResponse().getStatus()).isEqualTo(401);

        MockHttpSession session = new MockHttpSession();
        MvcResult wrong = mvc.perform(post(path).session(session).with(csrf()).param("password", "nope-nope")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(wrong.getResponse().getContentAsString()).contains("That password is not right").doesNotContain(Planted.PUBLIC_ITEM);

        MvcResult right = mvc.perform(post(path).session(session).with(csrf()).param("password", "open-sesame-2030")).andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo(path);
        // sessions live in the database (Spring Session): the browser carries the opened one by its cookie
        var cookies = right.getResponse().getCookies();
        assertThat(cookies).isNotEmpty();
        assertThat(mvc.perform(get(path).cookie(cookies)).andReturn().getResponse().getContentAsString()).contains(Planted.PUBLIC_ITEM);
        assertThat(mvc.perform(get(path + "/export/md").cookie(cookies)).andReturn().getResponse().getStatus()).isEqualTo(200);
        // another browser still has to ask
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).doesNotContain(Planted.PUBLIC_ITEM);

        // five wrong guesses lock the link: even the right password is refused until the lock ends
        MockHttpSession guesser = new MockHttpSession();
        int last = 0;
        for (int i = 0; i < Views.MAX_FAILED_ATTEMPTS; i++) {
            last = mvc.perform(post(path).session(guesser).with(csrf()).param("password", "guess-" + i)).andReturn().getResponse().getStatus();
        }
        assertThat(last).isEqualTo(429);
        assertThat(mvc.perform(post(path).session(guesser).with(csrf()).param("password", "open-sesame-2030")).andReturn()
                .getResponse().getStatus()).isEqualTo(429);
        CLOCK.advance(Duration.ofMinutes(Views.LOCK_MINUTES + 1));
        assertThat(mvc.perform(post(path).session(guesser).with(csrf()).param("password", "open-sesame-2030")).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo(path);
    }

    @Test
    void presetsAreVersionedAndTheCustomerPresetCannotBeLoosened() throws Exception {
        World w = plantedWorld();
        String base = "/api/v1/products/" + w.productId() + "/views/presets/";
        String loose = json.writeValueAsString(Map.of("fields", List.of("TEAM", "RISKS"), "externalOnly", false,
                "horizons", List.of("NOW"), "maxItems", 0, "maxRisks", 0, "precision", "EXACT", "version", 0));
        MvcResult refused = mvc.perform(put(base + "customer").header("Authorization", Fixtures.bearer(w.token()))
                .contentType(MediaType.APPLICATION_JSON).content(loose)).andReturn();
        assertThat(refused.getResponse().getStatus()).isIn(400, 422);
        assertThat(refused.getResponse().getContentType()).contains("problem+json");
        assertThat(refused.getResponse().getContentAsString()).contains("fields", "externalOnly", "precision");

        String narrow = json.writeValueAsString(Map.of("fields", List.of("THEMES"), "externalOnly", true,
                "horizons", List.of("NOW"), "maxItems", 0, "maxRisks", 0, "precision", "QUARTER", "version", 0));
        MvcResult saved = mvc.perform(put(base + "customer").header("Authorization", Fixtures.bearer(w.token()))
                .contentType(MediaType.APPLICATION_JSON).content(narrow)).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(saved.getResponse().getContentAsString()).get("version").asInt()).isEqualTo(1);
        // the same stale version again is a conflict, not a silent overwrite
        MvcResult stale = mvc.perform(put(base + "customer").header("Authorization", Fixtures.bearer(w.token()))
                .contentType(MediaType.APPLICATION_JSON).content(narrow)).andReturn();
        assertThat(stale.getResponse().getStatus()).isIn(409, 412);

        // the shared page follows the edited preset: descriptions are gone now
        String path = createLink(w, "customer", null, null);
        String html = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(Planted.PUBLIC_ITEM).doesNotContain(Planted.PUBLIC_DESCRIPTION).doesNotContain(Planted.PUBLIC_DECISION);

        // customers see decisions once their preset shows them: the external ones, never an internal one
        String decisions = json.writeValueAsString(Map.of("fields", List.of("THEMES", "DECISIONS"), "externalOnly", true,
                "horizons", List.of("NOW", "NEXT", "LATER"), "maxItems", 0, "maxRisks", 0, "precision", "HORIZON",
                "keyDecisionsOnly", false, "maxDecisions", 0, "version", 1));
        MvcResult shown = mvc.perform(put(base + "customer").header("Authorization", Fixtures.bearer(w.token()))
                .contentType(MediaType.APPLICATION_JSON).content(decisions)).andReturn();
        assertThat(shown.getResponse().getStatus()).as(shown.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(shown.getResponse().getContentAsString()).get("keyDecisionsOnly").asBoolean()).isFalse();
        StringBuilder customer = new StringBuilder(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
        for (String format : List.of("md", "csv", "json")) {
            customer.append(mvc.perform(get(path + "/export/" + format)).andReturn().getResponse().getContentAsString());
        }
        customer.append(pdfText(mvc.perform(get(path + "/export/pdf")).andReturn().getResponse().getContentAsByteArray()));
        assertThat(customer.toString()).contains(Planted.PUBLIC_DECISION, Planted.PUBLIC_RATIONALE, Planted.MINOR_DECISION);
        for (String secret : Planted.FORBIDDEN.get(Audience.CUSTOMER).stream().filter(s -> !s.equals(Planted.MINOR_DECISION)
                && !s.equals("Sassafras")).toList()) {
            assertThat(customer.toString()).as("customer view with decisions leaks").doesNotContain(secret);
        }
    }

    @Test
    void editorsChooseOnTheViewsPageWhichDecisionsAnAudienceSees() throws Exception {
        World w = plantedWorld();
        String views = "/products/" + w.productId() + "/views";
        String page = mvc.perform(get(views).with(w.owner().session())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"keyDecisionsOnly\"", "id=\"f-maxDecisions-executive\"", "key decisions (latest 5)");
        // every decision, not only the key ones, and at most three of them
        MvcResult saved = mvc.perform(post(views + "/executive/preset").with(w.owner().session()).with(csrf())
                .param("fields", "THEMES", "DECISIONS", "OWNERS").param("horizons", "NOW", "NEXT").param("maxItems", "8")
                .param("maxRisks", "5").param("maxDecisions", "3").param("precision", "EXACT").param("version", "0")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(views);
        String executive = mvc.perform(get(views + "/executive").with(w.owner().session())).andReturn().getResponse()
                .getContentAsString();
        assertThat(executive).contains(">Decisions<", Planted.PUBLIC_DECISION, Planted.SECRET_DECISION, Planted.MINOR_DECISION,
                "Decided " + Planted.DECIDED_EXACT + " by " + Planted.DECIDER).doesNotContain(Planted.GATE_RATIONALE); // the fourth latest
        MvcResult refused = mvc.perform(post(views + "/executive/preset").with(w.owner().session()).with(csrf())
                .param("fields", "DECISIONS").param("horizons", "NOW").param("maxDecisions", "many").param("precision", "EXACT")
                .param("version", "1")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString()).contains("must be a whole number");
    }

    @Test
    void theApiExportsEveryFormatTheAudienceHasAndRefusesTheOthers() throws Exception {
        World w = plantedWorld();
        String base = "/api/v1/products/" + w.productId() + "/views/";
        MvcResult goal = mvc.perform(get(base + "engineering/export/md?layout=goal").header("Authorization", Fixtures.bearer(w.token())))
                .andReturn();
        assertThat(goal.getResponse().getStatus()).isEqualTo(200);
        assertThat(goal.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("## Initiatives by goal", "### " + Planted.OBJECTIVE);

        MvcResult kanban = mvc.perform(get(base + "sales/export/pdf?layout=kanban").header("Authorization", Fixtures.bearer(w.token())))
                .andReturn();
        assertThat(kanban.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdfText(kanban.getResponse().getContentAsByteArray())).contains("Initiatives by stage", Planted.PUBLIC_ITEM)
                .doesNotContain(Planted.SECRET_ITEM);

        for (String refused : List.of("customer/export/md?layout=goal", "customer/export/pdf?layout=kanban", "engineering/export/svg?layout=theme",
                "engineering/export/md?layout=gantt")) {
            MvcResult r = mvc.perform(get(base + refused).header("Authorization", Fixtures.bearer(w.token()))).andReturn();
            assertThat(r.getResponse().getStatus()).as(refused).isIn(400, 422);
            assertThat(r.getResponse().getContentType()).contains("problem+json");
            assertThat(r.getResponse().getContentAsString()).contains("layout");
        }
    }

    @Test
    void aViewerSeesTheViewsPageButCannotShareOrEdit() throws Exception {
        World w = plantedWorld();
        var viewer = fixtures.member(w.owner(), app.truenorth.workspace.Role.VIEWER);
        MvcResult page = mvc.perform(get("/products/" + w.productId() + "/views").with(viewer.session())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).contains("Views &amp; sharing").doesNotContain("Create link");
        MvcResult create = mvc.perform(post("/products/" + w.productId() + "/views/links").with(viewer.session()).with(csrf())
                .param("audience", "CUSTOMER").param("label", "sneaky")).andReturn();
        assertThat(create.getResponse().getStatus()).isEqualTo(403);
        MvcResult ownerPage = mvc.perform(get("/products/" + w.productId() + "/views").with(w.owner().session())).andReturn();
        assertThat(ownerPage.getResponse().getContentAsString()).contains("Create link", "Edit presets");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
