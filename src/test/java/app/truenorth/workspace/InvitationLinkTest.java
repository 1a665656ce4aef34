package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** An invitation link, as the invitee uses it: once, and not after it was revoked (expiry: ThrottlingAndExpiryTest). */
@IntegrationTest
class InvitationLinkTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Invitations invitations;
    @Autowired
    Accounts accounts;
    @Autowired
    Workspaces workspaces;

    @Test
    void aLinkWorksOnce() throws Exception {
        var owner = fixtures.owner();
        String secret = invitations.create(owner.workspaceId(), owner.userId(), Role.VIEWER, "").secret();
        mvc.perform(get("/invite/" + secret)).andExpect(status().isOk());
        mvc.perform(join(secret, "once-" + System.nanoTime() + "@example.com")).andExpect(redirectedUrl("/login?joined"));

        mvc.perform(get("/invite/" + secret)).andExpect(status().isNotFound());
        String again = "twice-" + System.nanoTime() + "@example.com";
        MvcResult second = mvc.perform(join(secret, again)).andExpect(status().isNotFound()).andReturn();
        assertThat(Responses.body(second)).contains("expired, was revoked or was already used");
        assertThat(accounts.findByEmail(again)).isEmpty();
        assertThat(workspaces.members(owner.workspaceId())).hasSize(2);
    }

    @Test
    void aRevokedLinkStopsWorking() throws Exception {
        var owner = fixtures.owner();
        var created = invitations.create(owner.workspaceId(), owner.userId(), Role.EDITOR, "");
        mvc.perform(delete("/api/v1/invitations/" + created.invitation().id())
                        .header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(status().isNoContent());

        mvc.perform(get("/invite/" + created.secret())).andExpect(status().isNotFound());
        String email = "revoked-" + System.nanoTime() + "@example.com";
        mvc.perform(join(created.secret(), email)).andExpect(status().isNotFound());
        assertThat(accounts.findByEmail(email)).isEmpty();

        // a signed-in person cannot join with it either
        var someone = fixtures.owner();
        mvc.perform(post("/invite/" + created.secret() + "/join").with(someone.session()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(workspaces.members(owner.workspaceId())).hasSize(1);
    }

    @Test
    void madeUpLinksAreNotFound() throws Exception {
        mvc.perform(get("/invite/inv_made-up")).andExpect(status().isNotFound());
        mvc.perform(get("/invite/" + "x".repeat(5000))).andExpect(status().isNotFound());
        MvcResult result = mvc.perform(join("inv_made-up", "made-up@example.com")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(Responses.serverErrorOrLeak(result)).isNull();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder join(String secret, String email) {
        return post("/invite/" + secret).with(csrf()).param("email", email).param("displayName", "Invitee")
                .param("password", Fixtures.PASSWORD);
    }
}
