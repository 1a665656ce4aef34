package app.truenorth.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.NotFoundException;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.views.Views;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-size-fits-all rule on the server, fed by the views module's live share links: who each link
 * was handed to and whose view it shows. Links are made over the views API, health read over its own.
 */
@IntegrationTest
class ShareLinkHealthTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Views views;

    Fixtures.Person owner;
    String token;
    long productId;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        token = Fixtures.bearer(fixtures.token(owner));
        productId = fixtures.product(owner, "Atlas").id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long link(String view, String sharedWith, String label) throws Exception {
        String body = sharedWith == null
                ? "{\"audience\":\"" + view + "\",\"label\":\"" + label + "\"}"
                : "{\"audience\":\"" + view + "\",\"sharedWith\":\"" + sharedWith + "\",\"label\":\"" + label + "\"}";
        String answer = mvc.perform(post("/api/v1/products/" + productId + "/views/links").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(answer).path("link");
        assertThat(created.path("sharedWith").asString()).isEqualTo((sharedWith == null ? view : sharedWith).toLowerCase());
        return created.path("id").asLong();
    }

    /** The one-size-fits-all findings as the API reports them. */
    List<JsonNode> oneSizeFindings() throws Exception {
        JsonNode health = json.readTree(mvc.perform(get("/api/v1/products/" + productId + "/health").header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> found = new ArrayList<>();
        health.path("findings").forEach(f -> {
            if (f.path("rule").asString().equals("one-size-fits-all")) {
                found.add(f);
            }
        });
        return found;
    }

    static List<String> evidence(JsonNode finding) {
        List<String> labels = new ArrayList<>();
        finding.path("evidence").forEach(e -> labels.add(e.path("label").asString()));
        return labels;
    }

    @Test
    void oneViewHandedToSeveralAudiencesIsAWarningNamingTheLinks() throws Exception {
        link("ENGINEERING", "EXECUTIVE", "Board pack");
        link("ENGINEERING", "SALES", "Sales kick-off");
        link("ENGINEERING", null, "Platform guild");

        assertThat(oneSizeFindings()).singleElement().satisfies(f -> {
            assertThat(f.path("severity").asString()).isEqualTo("warning");
            assertThat(f.path("message").asString())
                    .isEqualTo("The view “Engineering” is shared with 3 audiences: Executives, Sales, Engineering.");
            assertThat(evidence(f)).containsExactly("Executives (“Board pack”)", "Sales (“Sales kick-off”)",
                    "Engineering (“Platform guild”)");
        });
        // the page shows the same finding
        mvc.perform(get("/products/" + productId + "/health").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is shared with 3 audiences")))
                .andExpect(content().string(containsString("Sales (“Sales kick-off”)")));
    }

    @Test
    void customersHoldingAViewThatIsNotCustomerSafeIsAnError() throws Exception {
        link("CUSTOMER", "CUSTOMER", "Customer advisory board");
        link("SALES", "CUSTOMER", "Partner webinar");
        assertThat(oneSizeFindings()).as("the default Sales view is customer-safe: external items, no internal field, quarters")
                .isEmpty();

        link("ENGINEERING", "CUSTOMER", "Acme pilot");
        assertThat(oneSizeFindings()).singleElement().satisfies(f -> {
            assertThat(f.path("severity").asString()).isEqualTo("error");
            assertThat(evidence(f)).containsExactly("Customers and partners: 1 link to Engineering (“Acme pilot”)");
        });

        // the Sales preset loosened to show effort: customers holding it now see internal estimates
        mvc.perform(put("/api/v1/products/" + productId + "/views/presets/sales").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"fields": ["DESCRIPTION", "THEMES", "STAGE", "EFFORT"], "externalOnly": true, "precision": "QUARTER",
                         "version": 0}"""))
                .andExpect(status().isOk());
        assertThat(oneSizeFindings()).singleElement().satisfies(f -> assertThat(evidence(f)).containsExactly(
                "Customers and partners: 1 link to Sales (“Partner webinar”)",
                "Customers and partners: 1 link to Engineering (“Acme pilot”)"));
    }

    @Test
    void customersWithLinksButNoCustomerSafeViewAtAll() throws Exception {
        link("EXECUTIVE", "CUSTOMER", "Key account review");
        assertThat(oneSizeFindings()).singleElement().satisfies(f -> {
            assertThat(f.path("severity").asString()).isEqualTo("error");
            assertThat(f.path("message").asString()).isEqualTo("Customers hold share links, but none of them shows the external view.");
            assertThat(evidence(f)).containsExactly("Customers and partners: 1 link to Executive one-pager (“Key account review”)");
        });
    }

    @Test
    void revokedAndExpiredLinksDoNotCount() throws Exception {
        link("ENGINEERING", "EXECUTIVE", "Board pack");
        long sales = link("ENGINEERING", "SALES", "Sales kick-off");
        long customers = link("ENGINEERING", "CUSTOMER", "Acme pilot");
        assertThat(oneSizeFindings()).as("the control: both findings while the links are live").hasSize(2);

        mvc.perform(delete("/api/v1/products/" + productId + "/views/links/" + customers).header("Authorization", token))
                .andExpect(status().isOk());
        assertThat(oneSizeFindings()).singleElement().satisfies(f -> assertThat(f.path("severity").asString()).isEqualTo("warning"));

        // the sales link's expiry passes (links cannot be made already expired, so its end is moved back)
        jdbc.sql("update share_link set expires_at = :past where id = :id")
                .param("past", OffsetDateTime.now().minusMinutes(1)).param("id", sales).update();
        assertThat(oneSizeFindings()).isEmpty();
    }

    @Test
    void eachAudienceWithItsOwnViewIsClean() throws Exception {
        link("EXECUTIVE", null, "Board pack");
        link("ENGINEERING", null, "Platform guild");
        link("SALES", null, "Sales kick-off");
        link("CUSTOMER", null, "Customer advisory board");
        link("CUSTOMER", "CUSTOMER", "Acme");
        assertThat(oneSizeFindings()).isEmpty();
        JsonNode health = json.readTree(mvc.perform(get("/api/v1/products/" + productId + "/health").header("Authorization", token))
                .andReturn().getResponse().getContentAsString());
        assertThat(health.path("shareLinks").size()).isEqualTo(4);
        assertThat(health.path("shareLinks").valueStream().mapToInt(a -> a.path("links").asInt()).sum()).isEqualTo(5);
    }

    @Test
    void theLookupIsScopedToTheCallersWorkspace() {
        var stranger = fixtures.owner();
        var user = stranger.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        assertThatThrownBy(() -> views.liveShares(productId)).isInstanceOf(NotFoundException.class);
    }
}
