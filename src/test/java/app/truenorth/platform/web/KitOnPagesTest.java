package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The kit on the application's own pages and API, against the database the suite runs on: the submit
 * helper (success with a confirmation, 422 beside the field, 409 with what is saved now), the form binder's
 * messages, the checked product argument, and the versioned write of the API (412, 409, 428).
 */
@IntegrationTest
class KitOnPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Products products;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    Products.Product product;
    long productId;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        product = fixtures.product(owner, "Atlas");
        productId = product.id();
    }

    private MvcResult thresholds(String featureSize, String version) throws Exception {
        var request = post("/products/" + productId + "/health/thresholds").with(owner.session()).with(csrf())
                .param("featureSizeWeeks", featureSize).param("maxFeatureSizedPercent", "40").param("nowCapacityWeeks", "")
                .param("maxNowPercent", "40").param("antiGoalSimilarityPercent", "60");
        if (version != null) {
            request.param("version", version);
        }
        return mvc.perform(request).andReturn();
    }

    private int thresholdVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from health_thresholds where product_id = :p").param("p", productId)
                .query(Integer.class).single();
    }

    @Test
    void aPageFormSucceedsIsRefusedBesideTheFieldOrShowsWhatIsSavedNow() throws Exception {
        // success: redirect with a confirmation on the next page
        MvcResult saved = thresholds("3", "0");
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/products/" + productId + "/health");
        assertThat(saved.getFlashMap().get(Pages.FLASH)).isEqualTo("Saved the health thresholds.");
        assertThat(thresholdVersion()).isEqualTo(1);

        // refused input: 422, the message beside its field, the value as typed, nothing written
        MvcResult refused = thresholds("three", "1");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(Responses.fieldError(refused, "featureSizeWeeks")).isEqualTo("must be a number of person-weeks, such as 2 or 2.5");
        assertThat(Responses.body(refused)).contains("value=\"three\"");
        MvcResult outOfRange = thresholds("99", "1");
        assertThat(outOfRange.getResponse().getStatus()).isEqualTo(422);
        assertThat(Responses.fieldError(outOfRange, "featureSizeWeeks")).isEqualTo("must be from 0 to 52 person-weeks");
        assertThat(thresholdVersion()).isEqualTo(1);

        // a stale version: 409, someone else's change named, and the form shows what is saved now
        MvcResult stale = thresholds("5", "0");
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(Responses.unescape(Responses.body(stale))).contains("was changed by someone else since you loaded it")
                .contains("name=\"version\" value=\"1\"");
        assertThat(thresholdVersion()).isEqualTo(1);

        // a form that lost its version: refused, at the top of the form
        MvcResult versionless = thresholds("5", null);
        assertThat(versionless.getResponse().getStatus()).isEqualTo(422);
        assertThat(Responses.body(versionless)).contains(FormBinder.MISSING_VERSION);
        assertThat(thresholdVersion()).isEqualTo(1);
    }

    @Test
    void aStaleProductFormShowsTheSavedProductBesideTheTypedOne() throws Exception {
        String settings = "/products/" + productId + "/settings";
        mvc.perform(post(settings).with(owner.session()).with(csrf()).param("name", "Atlas Pro").param("version", "0"));
        MvcResult stale = mvc.perform(post(settings).with(owner.session()).with(csrf()).param("name", "Atlas Go")
                .param("description", "mine").param("version", "0")).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(Responses.body(stale)).contains("Saved now: <strong>Atlas Pro</strong>").contains("value=\"Atlas Go\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(products.get(productId).name()).isEqualTo("Atlas Pro");
    }

    @Test
    void theProductArgumentIsCheckedBeforeTheHandlerRuns() throws Exception {
        var viewer = fixtures.member(owner, Role.VIEWER);
        var contributor = fixtures.member(owner, Role.CONTRIBUTOR);
        var stranger = fixtures.owner();
        // reading needs a member; the settings need an editor (@Needs), checked before the form is bound
        assertThat(mvc.perform(get("/products/" + productId).with(viewer.session())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/products/" + productId + "/settings").with(viewer.session())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/products/" + productId + "/settings").with(contributor.session()).with(csrf())
                .param("name", "").param("version", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
        // another workspace's product does not exist for the caller; neither does a malformed id
        assertThat(mvc.perform(get("/products/" + productId).with(stranger.session())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/products/abc").with(owner.session())).andReturn().getResponse().getStatus()).isEqualTo(404);
        MvcResult api = mvc.perform(get("/api/v1/products/abc").header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(Responses.body(api)).contains("\"field\":\"productId\"");
        assertThat(products.get(productId)).isEqualTo(product);
    }

    @Test
    void theApiRefusesAStaleIfMatchWith412AStaleFieldWith409AndNoVersionWith428() throws Exception {
        String token = Fixtures.bearer(fixtures.token(owner));
        String presets = "/api/v1/products/" + productId + "/views/presets/executive";
        String body = "{\"fields\":[\"THEMES\"],\"horizons\":[\"NOW\"],\"precision\":\"QUARTER\"}";
        MvcResult saved = mvc.perform(put(presets).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("}", ",\"version\":0}"))).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        String etag = saved.getResponse().getHeader("ETag");
        MvcResult again = mvc.perform(put(presets).header("Authorization", token).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        // the ETag read before that change is stale now: 412 (it used to be 409 for presets)
        MvcResult stale = mvc.perform(put(presets).header("Authorization", token).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        assertThat(stale.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        MvcResult staleField = mvc.perform(put(presets).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("}", ",\"version\":1}"))).andReturn();
        assertThat(staleField.getResponse().getStatus()).isEqualTo(409);
        MvcResult none = mvc.perform(put(presets).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(428);
        assertThat(Responses.body(none)).contains("If-Match").contains("'version'");
        int version = jdbc.sql("select version from view_preset where product_id = :p and audience = 'EXECUTIVE'")
                .param("p", productId).query(Integer.class).single();
        assertThat(version).isEqualTo(2);
    }
}
