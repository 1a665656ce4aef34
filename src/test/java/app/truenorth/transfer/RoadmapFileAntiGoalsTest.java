package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A roadmap's declared anti-goals travel in the TrueNorth roadmap file: pulled with it, added by a push, checked like its rows. */
@IntegrationTest
class RoadmapFileAntiGoalsTest {

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

    ResultActions push(String query, String file) throws Exception {
        return mvc.perform(post("/api/v1/products/" + productId + "/imports?format=truenorth-json" + query)
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(file));
    }

    List<String> antiGoals() {
        return jdbc.sql("select wording from health_anti_goal where product_id = :p order by id").param("p", productId)
                .query(String.class).list();
    }

    long initiatives() {
        return jdbc.sql("select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    static final String FILE = """
            {"format": "truenorth-roadmap", "version": 1,
             "antiGoals": ["Build a custom integration for every large customer",
                           "Our own tracking box in every van"],
             "themes": [],
             "initiatives": [
               {"title": "Guided setup", "horizon": "NOW", "effortLow": 2, "effortHigh": 4, "confidence": 60}
             ]}
            """;

    @Test
    void pushAddsTheFilesAntiGoalsAndPullWritesThem() throws Exception {
        push("", FILE).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(false))
                .andExpect(jsonPath("$.newAntiGoals.length()").value(2));
        assertThat(antiGoals()).isEmpty();

        push("&dryRun=false", FILE).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true))
                .andExpect(jsonPath("$.newAntiGoals[1]").value("Our own tracking box in every van"));
        assertThat(antiGoals()).containsExactly("Build a custom integration for every large customer", "Our own tracking box in every van");

        mvc.perform(get("/api/v1/products/" + productId + "/roadmap-file").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.antiGoals.length()").value(2))
                .andExpect(jsonPath("$.antiGoals[0]").value("Build a custom integration for every large customer"));

        // pushed again (a pulled file pushed back): the anti-goals are there already, so none is added twice
        push("&dryRun=false", FILE.replace("Our own tracking box", "our own  tracking box")).andExpect(status().isOk())
                .andExpect(jsonPath("$.newAntiGoals.length()").value(0));
        assertThat(antiGoals()).hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = :w and entity_type = 'health_anti_goal'")
                .param("w", owner.workspaceId()).query(Long.class).single()).isOne();
    }

    @Test
    void aRefusedAntiGoalBlocksThePushByLineUnlessRefusalsAreSkipped() throws Exception {
        String file = """
                {"format": "truenorth-roadmap", "version": 1,
                 "antiGoals": [
                   "No, not a",
                   42,
                   "Build a custom integration for every large customer"
                 ],
                 "initiatives": [
                   {"title": "Guided setup", "horizon": "NOW", "effortLow": 2, "effortHigh": 4, "confidence": 60}
                 ]}
                """;
        push("", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.rejectedRows[0].line").value(3))
                .andExpect(jsonPath("$.rejectedRows[0].problems[0].field").value("antiGoals"))
                .andExpect(jsonPath("$.rejectedRows[1].line").value(4))
                .andExpect(jsonPath("$.rejectedRows[1].problems[0].message").value("must be text"));

        push("&dryRun=false", file).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'line 3: antiGoals')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'line 4: antiGoals')]").exists());
        assertThat(antiGoals()).isEmpty();
        assertThat(initiatives()).as("all or nothing: the initiatives wait for the anti-goals").isZero();

        push("&dryRun=false&skipRejected=true", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true));
        assertThat(antiGoals()).containsExactly("Build a custom integration for every large customer");
        assertThat(initiatives()).isOne();
    }

    @Test
    void aRefusedInitiativeKeepsTheAntiGoalsOutToo() throws Exception {
        push("&dryRun=false", FILE.replace("\"effortLow\": 2, \"effortHigh\": 4", "\"effortLow\": 5, \"effortHigh\": 4"))
                .andExpect(status().isBadRequest());
        assertThat(antiGoals()).isEmpty();
    }

    @Test
    void aFileOfAntiGoalsAloneIsPushed() throws Exception {
        push("&dryRun=false", """
                {"format": "truenorth-roadmap", "version": 1, "antiGoals": ["Our own tracking box in every van"], "initiatives": []}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.written").value(true));
        assertThat(antiGoals()).containsExactly("Our own tracking box in every van");
        push("&dryRun=false", """
                {"format": "truenorth-roadmap", "version": 1, "initiatives": []}
                """).andExpect(status().isBadRequest());
    }
}
