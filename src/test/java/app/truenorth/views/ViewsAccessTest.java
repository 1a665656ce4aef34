package app.truenorth.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.truenorth.support.Endpoints;
import app.truenorth.support.Endpoints.Endpoint;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import app.truenorth.support.Tenant;
import app.truenorth.support.WorkspaceSnapshot;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The platform's tenant and role sweeps, applied to this module's endpoints on their own: another
 * workspace's ids answer 404 and change nothing, the workspace's own ids work, and a viewer is refused
 * every write with 403.
 */
@IntegrationTest
class ViewsAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Invitations invitations;
    @Autowired
    ApiTokens tokens;

    private List<Endpoint> endpoints() {
        List<Endpoint> mine = Endpoints.all(context).stream().filter(e -> e.pattern().contains("/views")).toList();
        assertThat(mine).map(Endpoint::toString).contains("GET /products/{productId}/views", "POST /api/v1/products/{productId}/views/links",
                "DELETE /api/v1/products/{productId}/views/links/{linkId}", "POST /products/{productId}/views/links/{linkId}/revoke");
        return mine;
    }

    @Test
    void anotherWorkspacesIdsAnswer404AndChangeNothing() throws Exception {
        Tenant a = Tenant.create(fixtures, invitations, tokens);
        Tenant b = Tenant.create(fixtures, invitations, tokens);
        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, b.workspaceId());
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            MvcResult result = mvc.perform(as(a.owner(), a.ownerToken(), endpoint, Endpoints.request(endpoint, b::id))).andReturn();
            if (result.getResponse().getStatus() != 404) {
                failures.add(endpoint + " with B's ids answered " + result.getResponse().getStatus());
            }
            String problem = Responses.serverErrorOrLeak(result);
            if (problem != null) {
                failures.add(endpoint + " " + problem);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(WorkspaceSnapshot.of(jdbc, b.workspaceId())).isEqualTo(before);
    }

    @Test
    void theOwnersOwnIdsWork() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Tenant own = Tenant.create(fixtures, invitations, tokens);
            MvcResult result = mvc.perform(as(own.owner(), own.ownerToken(), endpoint, Endpoints.request(endpoint, own::id))).andReturn();
            int status = result.getResponse().getStatus();
            // reached: anything but a refusal of the caller (401, 403, 404) or a failure (5xx). A request sent
            // without its form fields may be refused as input (400, 409, 412, 422), as in TenantIsolationTest
            boolean refusedAsInput = status == 400 || status == 409 || status == 412 || status == 422;
            if ((status < 200 || status >= 400) && !refusedAsInput) {
                failures.add(endpoint + " answered " + status + ": " + Responses.body(result));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aViewerIsRefusedEveryWrite() throws Exception {
        Tenant tenant = Tenant.create(fixtures, invitations, tokens);
        String viewerToken = fixtures.token(tenant.viewer());
        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        List<String> failures = new ArrayList<>();
        // starting a background export is reading, whatever the method: a viewer may (see exportsRunInTheBackground)
        for (Endpoint endpoint : endpoints().stream().filter(Endpoint::write).filter(e -> !e.pattern().contains("job")).toList()) {
            MvcResult result = mvc.perform(as(tenant.viewer(), viewerToken, endpoint, Endpoints.request(endpoint, tenant::id))).andReturn();
            if (result.getResponse().getStatus() != 403) {
                failures.add(endpoint + " answered " + result.getResponse().getStatus() + " to a viewer");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(WorkspaceSnapshot.of(jdbc, tenant.workspaceId())).isEqualTo(before);
    }

    @Test
    void exportsRunInTheBackgroundForTheMemberWhoStartedThem() throws Exception {
        Tenant tenant = Tenant.create(fixtures, invitations, tokens);
        String viewerToken = fixtures.token(tenant.viewer());
        String base = "/api/v1/products/" + tenant.product().id() + "/views";
        MvcResult started = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base + "/customer/export-jobs/pdf")
                .header("Authorization", Fixtures.bearer(viewerToken))).andReturn();
        assertThat(started.getResponse().getStatus()).isEqualTo(202);
        String location = started.getResponse().getHeader("Location");
        assertThat(location).startsWith(base + "/export-jobs/");
        String status = "";
        for (int i = 0; i < 200 && !status.contains("\"DONE\""); i++) {
            Thread.sleep(25);
            status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location)
                    .header("Authorization", Fixtures.bearer(viewerToken))).andReturn().getResponse().getContentAsString();
        }
        assertThat(status).contains("\"percent\":100", "\"DONE\"");
        MvcResult file = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location + "/file")
                .header("Authorization", Fixtures.bearer(viewerToken))).andReturn();
        assertThat(file.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(file.getResponse().getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // the job is the viewer's: the owner of the same workspace does not see it
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location)
                .header("Authorization", Fixtures.bearer(tenant.ownerToken()))).andReturn().getResponse().getStatus()).isEqualTo(404);
        // and the page shows its progress, polling until it is ready
        String jobId = location.substring(location.lastIndexOf('/') + 1);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/products/" + tenant.product().id() + "/views/jobs/" + jobId).with(tenant.viewer().session())).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Download", "100 %");
    }

    private static MockHttpServletRequestBuilder as(Fixtures.Person person, String token, Endpoint endpoint,
            MockHttpServletRequestBuilder request) {
        if (endpoint.api()) {
            return request.header("Authorization", Fixtures.bearer(token));
        }
        return request.with(person.session()).with(csrf());
    }
}
