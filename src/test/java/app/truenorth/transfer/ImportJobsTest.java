package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** Uploads waiting for their confirmation live in the job registry's table, and a backup never carries them. */
@IntegrationTest
class ImportJobsTest {

    @Autowired
    ImportJobs imports;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void anUploadIsKeptInTheDatabaseButNeverInABackup() throws Exception {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Backed up").id();
        String csv = "Summary,Issue key,Issue Type,Status\nSecret roadmap idea,AT-1,Story,To Do\n";
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.principal(), null,
                owner.principal().getAuthorities()));
        SecurityContextHolder.setContext(context);
        ImportJobs.Upload upload;
        try {
            upload = imports.preview(productId, ImportFormat.JIRA_CSV, "jira.csv", csv);
            assertThat(imports.find(productId, upload.id()).started()).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.queryForObject("select count(*) from background_job where id = ? and workspace_id = ? and input is not null",
                Integer.class, upload.id(), owner.workspaceId())).isEqualTo(1);

        String backup = json.writeValueAsString(WorkspaceBackup.export(jdbc, owner.workspaceId(), OffsetDateTime.now()));
        assertThat(backup).contains("Backed up").doesNotContain("background_job").doesNotContain("Secret roadmap idea")
                .doesNotContain(upload.id());
    }
}
