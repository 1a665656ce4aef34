package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class BackupDownloadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ownersDownloadTheirOwnWorkspaceOnlyAndTheDownloadIsAudited() throws Exception {
        var owner = fixtures.owner();
        var product = fixtures.product(owner, "Mine");
        var stranger = fixtures.owner();
        fixtures.product(stranger, "Theirs");

        String body = mvc.perform(get("/workspace/backup.json").with(owner.session())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(jsonPath("$.format").value("truenorth-backup"))
                .andExpect(jsonPath("$.workspaceId").value(owner.workspaceId()))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(product.name()).doesNotContain("Theirs").doesNotContain(stranger.email());

        mvc.perform(get("/api/v1/workspace/backup").header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tables.product.rows.length()").value(1));
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = :w and action = 'backed up'")
                .param("w", owner.workspaceId()).query(Long.class).single()).isEqualTo(2);

        var editor = fixtures.member(owner, Role.EDITOR);
        mvc.perform(get("/workspace/backup.json").with(editor.session())).andExpect(status().isForbidden());
    }
}
