package app.truenorth.platform.security;

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
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Workspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A member of workspace A reaches nothing of workspace B: every endpoint of the running application
 * that names something by id (a path variable or an id parameter), called by an owner of A with the
 * ids of B's things, answers 404 and changes nothing in B. The endpoints come from the handler
 * mappings, so endpoints that modules add later are covered automatically; a new kind of id makes
 * {@link Tenant#id} fail until someone says which thing of a workspace it names.
 */
@IntegrationTest
class TenantIsolationTest {

    /**
     * Endpoints that name something without being scoped to a workspace, each with the reason it is
     * safe and where it is tested. Keep this list short and explicit.
     */
    private static final Set<String> NOT_WORKSPACE_SCOPED = Set.of(
            // an invitation link is itself the capability to join B: whoever holds it may use it once
            // (InvitationAndTokenTest covers single use, revocation and expiry)
            "/invite/{secret}", "/invite/{secret}/join",
            // a share link is the capability to read one audience's view, and nothing else, anonymously
            // (ShareLinksTest covers revocation, expiry, passwords and what each audience may see)
            "/share/{token}", "/share/{token}/export/{format:md|csv|json|pdf|svg|png}");

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
    @Autowired
    Products products;
    @Autowired
    Workspaces workspaces;

    static List<Endpoint> scopedEndpoints(ApplicationContext context) {
        return Endpoints.all(context).stream()
                .filter(e -> !e.identifyingPathVariables().isEmpty() || !e.idParameters().isEmpty())
                .filter(e -> !NOT_WORKSPACE_SCOPED.contains(e.pattern()))
                .toList();
    }

    @Test
    void everyEndpointThatTakesAnIdAnswers404ForAnotherWorkspacesThingsAndChangesNothing() throws Exception {
        Tenant a = Tenant.create(fixtures, invitations, tokens, context);
        Tenant b = Tenant.create(fixtures, invitations, tokens, context);
        List<Endpoint> endpoints = scopedEndpoints(context);
        assertThat(Endpoints.all(context)).map(Endpoint::pattern).as("every exception names an existing endpoint")
                .containsAll(NOT_WORKSPACE_SCOPED);
        // the foundation's own id-taking pages and API must be among them, or the enumeration is broken
        assertThat(endpoints).map(Endpoint::toString).contains(
                "GET /products/{productId}", "POST /products/{productId}/settings", "PUT /api/v1/products/{productId}",
                "PATCH /api/v1/members/{userId}", "DELETE /api/v1/invitations/{invitationId}",
                "DELETE /api/v1/tokens/{tokenId}", "POST /workspace/members/{userId}/remove",
                "POST /account/tokens/{tokenId}/revoke", "POST /workspace/switch");

        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, b.workspaceId());
        int auditBefore = auditRows(b.workspaceId());
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            MvcResult result = mvc.perform(as(a, endpoint, Endpoints.request(endpoint, b.ids(endpoint)))).andReturn();
            int status = result.getResponse().getStatus();
            if (status != 404) {
                failures.add(endpoint + " with workspace B's ids answered " + status + " to an owner of A, not 404");
            }
            String problem = Responses.serverErrorOrLeak(result);
            if (problem != null) {
                failures.add(endpoint + " " + problem);
            }
        }
        assertThat(failures).isEmpty();

        WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, b.workspaceId());
        assertThat(after).as(() -> "workspace B changed:\n" + before.differences(after)).isEqualTo(before);
        assertThat(auditRows(b.workspaceId())).isEqualTo(auditBefore);
        assertThat(products.get(b.product().id())).isEqualTo(b.product());
        assertThat(workspaces.members(b.workspaceId())).hasSize(4);
        assertThat(invitations.pending(b.workspaceId())).extracting(Invitations.Invitation::id).contains(b.invitationId());
        assertThat(tokens.get(b.owner().userId(), b.ownerTokenId()).active()).isTrue();
    }

    /**
     * The control: the very same requests with a workspace's own ids succeed for its owner. Without it,
     * a 404 above could come from a malformed request rather than from the scope check.
     */
    @Test
    void theSameRequestsSucceedWithTheCallersOwnIds() throws Exception {
        List<String> failures = new ArrayList<>();
        Tenant forReads = Tenant.create(fixtures, invitations, tokens, context);
        for (Endpoint endpoint : scopedEndpoints(context)) {
            // a fresh workspace per write: these requests really change things (remove a member, revoke a token)
            Tenant own = endpoint.write() ? Tenant.create(fixtures, invitations, tokens, context) : forReads;
            MvcResult result = mvc.perform(as(own, endpoint, Endpoints.request(endpoint, own.ids(endpoint)))).andReturn();
            int status = result.getResponse().getStatus();
            // a domain refusal (400, 409, 412, 422: e.g. signing off a phase whose content is missing) comes
            // after the scope check passed, which is what this control must show; 401, 403, 404 and 5xx do not
            if (status == 401 || status == 403 || status == 404 || status >= 500) {
                failures.add(endpoint + " with the owner's own ids answered " + status + ": " + Responses.body(result));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static MockHttpServletRequestBuilder as(Tenant tenant, Endpoint endpoint, MockHttpServletRequestBuilder request) {
        if (endpoint.api()) {
            return request.header("Authorization", Fixtures.bearer(tenant.ownerToken()));
        }
        return request.with(tenant.owner().session()).with(csrf());
    }

    private int auditRows(long workspaceId) {
        return jdbc.sql("select count(*) from audit_event where workspace_id = :ws").param("ws", workspaceId)
                .query(Integer.class).single();
    }
}
