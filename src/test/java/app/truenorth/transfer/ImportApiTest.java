package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ImportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    String token;
    long productId;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        token = Fixtures.bearer(fixtures.token(owner));
        productId = fixtures.product(owner, "Atlas").id();
    }

    ResultActions upload(String format, String query, String file) throws Exception {
        return mvc.perform(post("/api/v1/products/" + productId + "/imports?format=" + format + query)
                .header("Authorization", token).contentType(MediaType.TEXT_PLAIN).content(file));
    }

    long initiatives() {
        return jdbc.sql("select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    long themes() {
        return jdbc.sql("select count(*) from roadmap_theme t join roadmap r on r.id = t.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    long imports() {
        return jdbc.sql("select count(*) from audit_event where workspace_id = :w and action = 'imported'")
                .param("w", owner.workspaceId()).query(Long.class).single();
    }

    @Test
    void aDryRunReportsEveryRowAndWritesNothing() throws Exception {
        upload("jira-csv", "", ParsersTest.fixture("jira.csv")).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(false))
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.ready").value(4))
                .andExpect(jsonPath("$.skipped").value(2))
                .andExpect(jsonPath("$.newThemes.length()").value(2))
                .andExpect(jsonPath("$.preview[1].line").value(3))
                .andExpect(jsonPath("$.preview[1].theme").value("Self-serve onboarding"));
        assertThat(initiatives()).isZero();
        assertThat(themes()).isZero();
    }

    @Test
    void anImportWritesInitiativesAndThemesWithOneAuditRecord() throws Exception {
        upload("jira-csv", "&dryRun=false", ParsersTest.fixture("jira.csv")).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true));
        assertThat(initiatives()).isEqualTo(4);
        assertThat(themes()).isEqualTo(2);
        assertThat(imports()).isEqualTo(1);
        mvc.perform(get("/api/v1/products/" + productId + "/roadmap/initiatives").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .contains("Guided setup wizard, with templates"));
    }

    @Test
    void aBadRowInTheMiddleWritesNothingAndEveryRejectedRowIsReportedByLine() throws Exception {
        String file = ParsersTest.fixture("jira-bad-middle.csv");
        upload("jira-csv", "", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.rejectedRows[0].line").value(3))
                .andExpect(jsonPath("$.rejectedRows[0].problems[0].field").value("Due date"))
                .andExpect(jsonPath("$.rejectedRows[1].line").value(4))
                .andExpect(jsonPath("$.rejectedRows[1].problems[0].field").value("title"))
                .andExpect(jsonPath("$.rejectedRows[2].line").value(5));

        upload("jira-csv", "&dryRun=false", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'line 3: Due date')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'line 4: title')].message").value("must not be blank"));
        assertThat(initiatives()).isZero();
        assertThat(themes()).isZero();
        assertThat(imports()).isZero();

        upload("jira-csv", "&dryRun=false&skipRejected=true", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true))
                .andExpect(jsonPath("$.ready").value(2));
        assertThat(initiatives()).isEqualTo(2);
    }

    @Test
    void rowsTheRoadmapsOwnRulesRefuseBlockTheImportToo() throws Exception {
        upload("roadmunk-csv", "&dryRun=false", ParsersTest.fixture("roadmunk-bad.csv")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'line 4: endDate')].message")
                        .value("give both a start and an end date, or neither"));
        assertThat(initiatives()).isZero();
    }

    @Test
    void linearAndRoadmunkFilesImport() throws Exception {
        upload("linear-csv", "&dryRun=false", ParsersTest.fixture("linear.csv")).andExpect(jsonPath("$.written").value(true));
        upload("roadmunk-csv", "&dryRun=false", ParsersTest.fixture("roadmunk.csv")).andExpect(jsonPath("$.written").value(true));
        assertThat(initiatives()).isEqualTo(3 + 4);
    }

    @Test
    void theRoadmapFileRoundTripsThroughPullAndPush() throws Exception {
        String json = ParsersTest.fixture("roadmap.json").replace("\"SOMEDAY\"", "\"LATER\"").replace("\"effortHigh\": 4", "\"effortHigh\": 12");
        upload("truenorth-json", "&dryRun=false", json).andExpect(status().isOk()).andExpect(jsonPath("$.ready").value(3));
        String pulled = mvc.perform(get("/api/v1/products/" + productId + "/roadmap-file").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.format").value("truenorth-roadmap"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.initiatives[0].title").value("Scheduled reports"))
                .andExpect(jsonPath("$.initiatives[0].theme").value("Reporting"))
                .andExpect(jsonPath("$.initiatives[0].visibility").value("EXTERNAL"))
                .andReturn().getResponse().getContentAsString();

        long other = fixtures.product(owner, "Copy").id();
        mvc.perform(post("/api/v1/products/" + other + "/imports?format=truenorth-json&dryRun=false")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(pulled)).andExpect(status().isOk());
        String copy = mvc.perform(get("/api/v1/products/" + other + "/roadmap-file").header("Authorization", token))
                .andReturn().getResponse().getContentAsString();
        assertThat(copy).contains("\"description\":\"Answers for managers\"");
        assertThat(withoutProduct(copy)).isEqualTo(withoutProduct(pulled));
    }

    long decisions() {
        return jdbc.sql("select count(*) from roadmap_decision d join roadmap r on r.id = d.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    static final String WITH_DECISIONS = """
            {"format": "truenorth-roadmap", "version": 1, "product": "Atlas",
             "themes": [{"name": "Reporting", "description": "Answers for managers"}],
             "initiatives": [
               {"title": "Scheduled reports", "theme": "Reporting", "horizon": "NOW", "effortLow": 3, "effortHigh": 5,
                "confidence": 70},
               {"title": "Report builder", "theme": "Reporting", "horizon": "LATER", "effortLow": 8, "effortHigh": 13,
                "confidence": 30}
             ],
             "decisions": [
               {"title": "Email reports before a builder", "rationale": "Managers read email; nobody asked for a builder",
                "decidedOn": "2025-05-04", "decidedBy": "Leadership team", "keyDecision": true, "visibility": "EXTERNAL",
                "initiatives": ["Scheduled reports", "report builder"], "themes": ["Reporting"], "objectives": ["Happier managers"]},
               {"title": "%s", "rationale": "Too early", "decidedOn": "2025-05-04", "decidedBy": "Dana",
                "initiatives": ["%s"]}
             ]}""";

    @Test
    void decisionsImportWithTheInitiativesTheyNameOrTheWholeImportIsRefused() throws Exception {
        String bad = WITH_DECISIONS.formatted("No dashboards this year", "Dashboards");
        upload("truenorth-json", "", bad).andExpect(status().isOk())
                .andExpect(jsonPath("$.ready").value(2))
                .andExpect(jsonPath("$.decisions").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rejectedRows[0].line").value(13))
                .andExpect(jsonPath("$.rejectedRows[0].problems[0].field").value("initiatives"))
                .andExpect(jsonPath("$.rejectedRows[0].problems[0].message").value(containsString("“Dashboards”")))
                .andExpect(jsonPath("$.preview[2].note").value(containsString("not linked to objectives this roadmap does not have")));
        upload("truenorth-json", "&dryRun=false", bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'line 13: initiatives')]").exists());
        assertThat(initiatives()).isZero();
        assertThat(decisions()).isZero();

        upload("truenorth-json", "&dryRun=false&skipRejected=true", bad).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true)).andExpect(jsonPath("$.decisions").value(1));
        assertThat(initiatives()).isEqualTo(2);
        assertThat(decisions()).isEqualTo(1);
        // the title matched whatever its case, so the decision concerns both initiatives
        assertThat(jdbc.sql("""
                select count(*) from roadmap_decision_initiative l join roadmap_decision d on d.id = l.decision_id
                join roadmap r on r.id = d.roadmap_id where r.product_id = :p""").param("p", productId).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void decisionsRoundTripThroughPullAndPushInTheirOrder() throws Exception {
        upload("truenorth-json", "&dryRun=false", WITH_DECISIONS.formatted("Report builder waits", "Report builder"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decisions").value(2));
        String pulled = mvc.perform(get("/api/v1/products/" + productId + "/roadmap-file").header("Authorization", token))
                .andExpect(jsonPath("$.decisions[0].title").value("Email reports before a builder"))
                .andExpect(jsonPath("$.decisions[0].keyDecision").value(true))
                .andExpect(jsonPath("$.decisions[0].visibility").value("EXTERNAL"))
                .andExpect(jsonPath("$.decisions[0].initiatives[1]").value("Report builder"))
                .andExpect(jsonPath("$.decisions[0].themes[0]").value("Reporting"))
                .andExpect(jsonPath("$.decisions[1].title").value("Report builder waits"))
                .andExpect(jsonPath("$.decisions[1].visibility").value("INTERNAL"))
                .andReturn().getResponse().getContentAsString();
        long other = fixtures.product(owner, "Copy").id();
        mvc.perform(post("/api/v1/products/" + other + "/imports?format=truenorth-json&dryRun=false")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(pulled)).andExpect(status().isOk());
        String copy = mvc.perform(get("/api/v1/products/" + other + "/roadmap-file").header("Authorization", token))
                .andReturn().getResponse().getContentAsString();
        assertThat(withoutProduct(copy)).isEqualTo(withoutProduct(pulled));
    }

    static String withoutProduct(String document) {
        return document.replaceFirst("\"product\":\"[^\"]*\",", "");
    }

    @Test
    void viewersCannotImportAndOtherWorkspacesSeeNothing() throws Exception {
        var viewer = fixtures.member(owner, Role.VIEWER);
        mvc.perform(post("/api/v1/products/" + productId + "/imports?format=jira-csv")
                .header("Authorization", Fixtures.bearer(fixtures.token(viewer))).contentType(MediaType.TEXT_PLAIN)
                .content(ParsersTest.fixture("jira.csv"))).andExpect(status().isForbidden());
        var stranger = fixtures.owner();
        mvc.perform(post("/api/v1/products/" + productId + "/imports?format=jira-csv")
                .header("Authorization", Fixtures.bearer(fixtures.token(stranger))).contentType(MediaType.TEXT_PLAIN)
                .content("not even csv")).andExpect(status().isNotFound());
        upload("excel", "", "x").andExpect(status().isBadRequest()).andExpect(content().string(containsString("jira-csv")));
    }

    static org.springframework.test.web.servlet.result.ContentResultMatchers content() {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content();
    }
}
