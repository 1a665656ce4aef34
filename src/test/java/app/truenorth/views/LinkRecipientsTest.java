package app.truenorth.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A share link records who it was handed to, which may differ from the audience whose view it shows. */
@IntegrationTest
class LinkRecipientsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    long productId;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        productId = fixtures.product(owner, "Atlas").id();
    }

    long links() {
        return jdbc.sql("select count(*) from share_link where product_id = :p").param("p", productId).query(Long.class).single();
    }

    @Test
    void theFormRecordsWhoReceivesTheLinkAndTheListShowsIt() throws Exception {
        mvc.perform(post("/products/" + productId + "/views/links").with(owner.session()).with(csrf())
                        .param("audience", "ENGINEERING").param("sharedWith", "SALES").param("label", "Sales kick-off"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/share/")));
        mvc.perform(post("/products/" + productId + "/views/links").with(owner.session()).with(csrf())
                        .param("audience", "CUSTOMER").param("sharedWith", "").param("label", "Advisory board"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select audience || '>' || shared_with from share_link where product_id = :p order by id")
                .param("p", productId).query(String.class).list()).containsExactly("ENGINEERING>SALES", "CUSTOMER>CUSTOMER");
        mvc.perform(get("/products/" + productId + "/views").with(owner.session()))
                .andExpect(content().string(containsString("<th>Shared with</th>")))
                .andExpect(content().string(containsString("not their own view")))
                .andExpect(content().string(containsString("Customers and partners")));
        assertThat(jdbc.sql("select summary from audit_event where workspace_id = :w and entity_type = 'share_link' order by id")
                .param("w", owner.workspaceId()).query(String.class).list())
                .containsExactly("Shared the Engineering view of " + name() + " as \"Sales kick-off\" with Sales",
                        "Shared the Customer-facing view of " + name() + " as \"Advisory board\"");
    }

    @Test
    void anUnknownRecipientIsRefusedBesideTheFieldAndNothingIsCreated() throws Exception {
        mvc.perform(post("/products/" + productId + "/views/links").with(owner.session()).with(csrf())
                        .param("audience", "ENGINEERING").param("sharedWith", "BOARD").param("label", "Board"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("choose who receives the link")));
        mvc.perform(post("/api/v1/products/" + productId + "/views/links").header("Authorization", Fixtures.bearer(fixtures.token(owner)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"audience\":\"ENGINEERING\",\"sharedWith\":\"BOARD\",\"label\":\"Board\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sharedWith"));
        assertThat(links()).isZero();
    }

    @Test
    void theApiShowsWhoHoldsEachLink() throws Exception {
        String token = Fixtures.bearer(fixtures.token(owner));
        mvc.perform(post("/api/v1/products/" + productId + "/views/links").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"audience\":\"SALES\",\"sharedWith\":\"CUSTOMER\",\"label\":\"Partner webinar\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.link.audience").value("sales"))
                .andExpect(jsonPath("$.link.sharedWith").value("customer"));
        mvc.perform(get("/api/v1/products/" + productId + "/views/links").header("Authorization", token))
                .andExpect(jsonPath("$[0].sharedWith").value("customer"));
    }

    @Test
    void aLinkMadeBeforeRecipientsWereRecordedCountsAsHandedToItsOwnAudience() throws Exception {
        fixtures.shareLink(owner, productId);
        jdbc.sql("update share_link set shared_with = null where product_id = :p").param("p", productId).update();
        mvc.perform(get("/api/v1/products/" + productId + "/views/links").header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(jsonPath("$[0].audience").value("customer"))
                .andExpect(jsonPath("$[0].sharedWith").value("customer"));
    }

    @Test
    void customerSafeMeansExternalItemsNoInternalFieldAndNoExactDates() {
        for (Audience a : Audience.values()) {
            assertThat(Preset.defaults(a).customerSafe()).as(a.name()).isEqualTo(a == Audience.CUSTOMER || a == Audience.SALES);
        }
        Preset sales = Preset.defaults(Audience.SALES);
        assertThat(new Preset(Audience.SALES, EnumSet.of(ViewField.THEMES, ViewField.TEAM), true, EnumSet.allOf(Horizon.class), 0, 0,
                DatePrecision.QUARTER).customerSafe()).isFalse();
        assertThat(new Preset(Audience.SALES, sales.fields(), false, sales.horizons(), 0, 0, DatePrecision.QUARTER).customerSafe())
                .isFalse();
        assertThat(new Preset(Audience.SALES, sales.fields(), true, sales.horizons(), 0, 0, DatePrecision.EXACT).customerSafe()).isFalse();
    }

    private String name() {
        return jdbc.sql("select name from product where id = :p").param("p", productId).query(String.class).single();
    }
}
