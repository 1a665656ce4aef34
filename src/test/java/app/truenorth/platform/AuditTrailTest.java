package app.truenorth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every change leaves who, what, when, before and after, readable on a page and over the API. */
@IntegrationTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditLog audit;

    @Test
    void aRenameRecordsWhoAndTheStateBeforeAndAfter() throws Exception {
        var owner = fixtures.owner();
        var product = fixtures.product(owner, "Compass");

        mvc.perform(post("/products/" + product.id() + "/settings").with(owner.session()).with(csrf())
                        .param("name", "Compass Next").param("description", "New focus").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        var entry = audit.recent(owner.workspaceId(), "product", 10).getFirst();
        assertThat(entry.action()).isEqualTo("updated");
        assertThat(entry.actor()).isEqualTo(owner.displayName());
        assertThat(entry.summary()).isEqualTo("Renamed product " + product.name() + " to Compass Next");
        assertThat(entry.beforeJson()).contains("\"name\":\"" + product.name() + "\"");
        assertThat(entry.afterJson()).contains("\"name\":\"Compass Next\"").contains("\"version\":1");

        mvc.perform(get("/workspace/audit").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Renamed product " + product.name() + " to Compass Next")));
        mvc.perform(get("/api/v1/audit").param("type", "product").header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].summary").value("Renamed product " + product.name() + " to Compass Next"));
    }

    @Test
    void theTrailIsForOwnersAndEditorsOfThatWorkspaceOnly() throws Exception {
        var owner = fixtures.owner();
        var viewer = fixtures.member(owner, Role.VIEWER);
        var stranger = fixtures.owner();
        fixtures.product(owner, "Secret");

        mvc.perform(get("/workspace/audit").with(viewer.session())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").header("Authorization", Fixtures.bearer(fixtures.token(viewer))))
                .andExpect(status().isForbidden());
        // a member of another workspace reads their own trail, which does not contain this one's changes
        mvc.perform(get("/workspace/audit").with(stranger.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Secret"))));
    }
}
