package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.inbox.Inbox;
import app.truenorth.support.Endpoints;
import app.truenorth.support.Endpoints.Endpoint;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import app.truenorth.support.Tenant;
import app.truenorth.support.WorkspaceSnapshot;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import app.truenorth.workspace.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Roles are enforced on every write: a viewer is refused (403) every POST, PUT, PATCH and DELETE of
 * the application, pages and API alike, on their own workspace's things, except the self-service
 * writes every member may do. The list of writes comes from the handler mappings, so writes that
 * modules add later are covered without being listed here.
 */
@IntegrationTest
class RoleAccessTest {

    /** Writes any signed-in member may make, whatever their role, each with the reason. */
    static final Map<String, String> SELF_SERVICE = Map.ofEntries(
            Map.entry("POST /account/password", "changing one's own password"),
            Map.entry("POST /account/tokens", "creating one's own API token (it carries the member's role, no more)"),
            Map.entry("POST /account/tokens/{tokenId}/revoke", "revoking one's own API token"),
            Map.entry("POST /api/v1/tokens", "creating one's own API token over the API"),
            Map.entry("DELETE /api/v1/tokens/{tokenId}", "revoking one's own API token over the API"),
            Map.entry("POST /workspace/switch", "switching to another workspace one belongs to"),
            Map.entry("POST /inbox/{notificationId}/read", "opening one's own notification (another person's is not found)"),
            Map.entry("POST /inbox/read-all", "marking one's own notifications read"),
            Map.entry("POST /workspaces", "creating a new workspace, which the creator then owns"),
            Map.entry("POST /invite/{secret}", "accepting an invitation as a new account"),
            Map.entry("POST /invite/{secret}/join", "accepting an invitation with one's account"),
            Map.entry("POST /setup", "first-run setup: public, and refused once done"),
            Map.entry("POST /share/{token}", "entering a share link's password: public, it opens a read-only view"),
            Map.entry("POST /products/{productId}/views/{audience:executive|engineering|sales|customer}/export/{format:md|csv|json|pdf|svg|png}/job",
                    "starting a background export: a viewer may export what they may read, and it changes no data"),
            Map.entry("POST /api/v1/products/{productId}/views/{audience:executive|engineering|sales|customer}/export-jobs/{format:md|csv|json|pdf|svg|png}",
                    "starting a background export over the API: reading, not writing"));

    /** Mappings that accept any method but write nothing. */
    static final List<String> NOT_WRITES = List.of("/error");

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

    @Test
    void aViewerIsRefusedEveryWriteExceptSelfServiceAndNothingChanges() throws Exception {
        List<Endpoint> all = Endpoints.all(context);
        assertThat(all).map(Endpoint::toString).as("every self-service entry names an existing endpoint")
                .containsAll(SELF_SERVICE.keySet());
        List<Endpoint> writes = all.stream()
                .filter(Endpoint::write)
                .filter(e -> !NOT_WRITES.contains(e.pattern()))
                .filter(e -> !SELF_SERVICE.containsKey(e.toString()))
                .toList();
        assertThat(writes).map(Endpoint::toString).contains("POST /products", "POST /api/v1/products",
                "PUT /api/v1/products/{productId}", "POST /workspace/invitations", "DELETE /api/v1/members/{userId}");

        Tenant tenant = Tenant.create(fixtures, invitations, tokens, context);
        String viewerToken = fixtures.token(tenant.viewer());
        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : writes) {
            MvcResult result = mvc.perform(as(tenant.viewer(), viewerToken, endpoint,
                    Endpoints.request(endpoint, tenant.ids(endpoint)))).andReturn();
            if (result.getResponse().getStatus() != 403) {
                failures.add(endpoint + " answered " + result.getResponse().getStatus() + " to a viewer, not 403");
            } else if (endpoint.api() && !String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                failures.add(endpoint + " refused a viewer without problem+json");
            }
            String problem = Responses.serverErrorOrLeak(result);
            if (problem != null) {
                failures.add(endpoint + " " + problem);
            }
        }
        assertThat(failures).isEmpty();
        WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        assertThat(after).as(() -> "a viewer's refused writes changed:\n" + before.differences(after)).isEqualTo(before);
    }

    /** The self-service writes really are open to a viewer: each one works. */
    @Test
    void aViewerMayStillLookAfterTheirOwnAccount() throws Exception {
        Tenant tenant = Tenant.create(fixtures, invitations, tokens, context);
        var viewer = tenant.viewer();
        String token = fixtures.token(viewer);

        mvc.perform(post("/account/password").with(viewer.session()).with(csrf())
                        .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "a-brand-new-password"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/account/tokens").with(viewer.session()).with(csrf()).param("name", "laptop"))
                .andExpect(status().isOk());
        long pageToken = tokens.list(viewer.userId()).stream().filter(t -> t.name().equals("laptop")).findFirst().orElseThrow().id();
        mvc.perform(post("/account/tokens/" + pageToken + "/revoke").with(viewer.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String created = mvc.perform(post("/api/v1/tokens").header("Authorization", Fixtures.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"CI\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long apiToken = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(delete("/api/v1/tokens/" + apiToken).header("Authorization", Fixtures.bearer(token)))
                .andExpect(status().isNoContent());
        mvc.perform(post("/workspaces").with(viewer.session()).with(csrf()).param("name", "My own"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workspace/switch").with(viewer.session()).with(csrf())
                        .param("workspaceId", String.valueOf(tenant.workspaceId())))
                .andExpect(status().is3xxRedirection());
        var elsewhere = fixtures.owner();
        String invite = invitations.create(elsewhere.workspaceId(), elsewhere.userId(), Role.EDITOR, "").secret();
        mvc.perform(post("/invite/" + invite + "/join").with(viewer.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tokens.list(viewer.userId())).filteredOn(ApiTokens.Token::active).hasSize(1);

        var inbox = context.getBean(Inbox.class);
        long notification = inbox.notify(viewer.userId(), "note", "For the viewer", null, null);
        inbox.notify(viewer.userId(), "note", "Another one", null, null);
        mvc.perform(post("/inbox/" + notification + "/read").with(viewer.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/inbox/read-all").with(viewer.session()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(inbox.unread(viewer.userId())).isZero();
    }

    /** The least role each workspace endpoint needs: members and invitations need an owner, products an editor. */
    static Stream<Arguments> workspaceEndpoints() {
        return Stream.of(
                Arguments.of("GET /products/{productId}", Role.VIEWER),
                Arguments.of("GET /api/v1/products/{productId}", Role.VIEWER),
                Arguments.of("GET /api/v1/members", Role.VIEWER),
                Arguments.of("POST /products", Role.EDITOR),
                Arguments.of("GET /products/{productId}/settings", Role.EDITOR),
                Arguments.of("POST /products/{productId}/settings", Role.EDITOR),
                Arguments.of("POST /api/v1/products", Role.EDITOR),
                Arguments.of("PUT /api/v1/products/{productId}", Role.EDITOR),
                Arguments.of("GET /workspace/audit", Role.EDITOR),
                Arguments.of("GET /api/v1/audit", Role.EDITOR),
                Arguments.of("POST /workspace/invitations", Role.OWNER),
                Arguments.of("POST /workspace/invitations/{invitationId}/revoke", Role.OWNER),
                Arguments.of("POST /workspace/members/{userId}/role", Role.OWNER),
                Arguments.of("POST /workspace/members/{userId}/remove", Role.OWNER),
                Arguments.of("GET /api/v1/invitations", Role.OWNER),
                Arguments.of("POST /api/v1/invitations", Role.OWNER),
                Arguments.of("DELETE /api/v1/invitations/{invitationId}", Role.OWNER),
                Arguments.of("PATCH /api/v1/members/{userId}", Role.OWNER),
                Arguments.of("DELETE /api/v1/members/{userId}", Role.OWNER));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("workspaceEndpoints")
    void eachWorkspaceEndpointNeedsItsRole(String name, Role least) throws Exception {
        Endpoint endpoint = Endpoints.all(context).stream().filter(e -> e.toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no endpoint " + name));
        Tenant tenant = Tenant.create(fixtures, invitations, tokens, context);
        Map<Role, String> apiTokens = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            apiTokens.put(role, fixtures.token(tenant.as(role)));
        }
        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        // from the weakest role up: refused below the least role, allowed from it on
        for (Role role : List.of(Role.VIEWER, Role.CONTRIBUTOR, Role.EDITOR, Role.OWNER)) {
            Fixtures.Person person = tenant.as(role);
            MvcResult result = mvc.perform(as(person, apiTokens.get(role), endpoint,
                    Endpoints.request(endpoint, tenant.ids(endpoint)))).andReturn();
            int status = result.getResponse().getStatus();
            assertThat(Responses.serverErrorOrLeak(result)).as(name + " as " + role).isNull();
            if (role.ordinal() > least.ordinal()) {
                assertThat(status).as(name + " as " + role).isEqualTo(403);
                WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
                assertThat(after).as(() -> name + " as " + role + " changed:\n" + before.differences(after)).isEqualTo(before);
            } else {
                assertThat(status).as(name + " as " + role + ": " + Responses.body(result)).isBetween(200, 399);
                return; // an allowed write changed the workspace; stronger roles include every weaker role's rights
            }
        }
    }

    private static MockHttpServletRequestBuilder as(Fixtures.Person person, String token, Endpoint endpoint,
            MockHttpServletRequestBuilder request) {
        if (endpoint.api()) {
            return request.header("Authorization", Fixtures.bearer(token));
        }
        return request.with(person.session()).with(csrf());
    }
}
