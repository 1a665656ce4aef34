package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import app.truenorth.support.Tenant;
import app.truenorth.support.WorkspaceSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bad input on every form of the workspace pages: the page comes back (422) with the message beside
 * the field, or above the form when the input is not a field the person typed, and nothing is
 * written. First-run setup is covered in ThrottlingAndExpiryTest, which has a database of its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBadInputTest {

    private static final String LONG_101 = "n".repeat(101);
    /** 25 three-byte characters: 25 letters, but 75 bytes, more than bcrypt reads. */
    private static final String TOO_MANY_BYTES = "€".repeat(25);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Invitations invitations;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Accounts accounts;

    Tenant tenant;
    String inviteSecret;

    @BeforeAll
    void workspace() {
        tenant = Tenant.create(fixtures, invitations, tokens);
        inviteSecret = invitations.create(tenant.workspaceId(), tenant.owner().userId(), Role.EDITOR, "").secret();
    }

    /**
     * One bad form post. {@code field} is where the message must show (null: above the form, checked
     * by {@code message} appearing in the page); {@code anonymous} posts without a session.
     */
    record Case(String path, Map<String, String> params, int status, String field, String message, boolean anonymous) {

        static Case field(String path, String field, String message, String... params) {
            return new Case(path, map(params), 422, field, message, false);
        }

        static Case page(String path, int status, String message, String... params) {
            return new Case(path, map(params), status, null, message, false);
        }

        static Case join(String field, String message, String... params) {
            return new Case("/invite/{secret}", map(params), 422, field, message, true);
        }

        private static Map<String, String> map(String... pairs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(pairs[i], pairs[i + 1]);
            }
            return map;
        }

        @Override
        public String toString() {
            String shown = params.toString();
            return path + " " + (shown.length() > 70 ? shown.substring(0, 70) + "…" : shown);
        }
    }

    Stream<Case> cases() {
        String settings = "/products/{productId}/settings";
        String pw = Fixtures.PASSWORD;
        return Stream.of(
                Case.field("/products", "name", "Give the product a name.", "name", ""),
                Case.field("/products", "name", "Give the product a name.", "name", "   "),
                Case.field("/products", "name", "Give the product a name."),
                Case.field("/products", "name", "Use at most 100 characters.", "name", LONG_101),
                Case.field("/products", "description", "Use at most 2,000 characters.", "name", "Ok", "description", "d".repeat(2001)),
                Case.field("/products", "name", "A product named \"{EXISTING}\" already exists in this workspace.", "name", "{EXISTING}"),

                Case.field(settings, "name", "Give the product a name.", "name", "", "version", "0"),
                Case.field(settings, "name", "Use at most 100 characters.", "name", LONG_101, "version", "0"),
                Case.field(settings, "description", "Use at most 2,000 characters.", "name", "Ok", "description", "d".repeat(2001), "version", "0"),
                Case.field(settings, "name", "The form is missing its version; reload the page.", "name", "Renamed"),
                Case.field(settings, "name", "The form is missing its version; reload the page.", "name", "Renamed", "version", "abc"),
                Case.page(settings, 409, "was changed by someone else since you loaded it", "name", "Renamed", "version", "7"),
                Case.page("/products/abc/settings", 404, "We can't find that page", "name", "Renamed", "version", "0"),

                Case.field("/workspace/invitations", "role", "Choose the role the new member gets.", "role", ""),
                Case.field("/workspace/invitations", "role", "Choose the role the new member gets."),
                Case.field("/workspace/invitations", "role", "Choose one of the offered options.", "role", "BOSS"),
                Case.field("/workspace/invitations", "note", "Use at most 200 characters.", "role", "EDITOR", "note", "x".repeat(201)),

                Case.page("/workspace/members/{editorId}/role", 422, "Choose one of the offered options.", "role", "BOSS"),
                Case.page("/workspace/members/{editorId}/role", 422, "Choose one of the roles"),
                Case.page("/workspace/members/{ownerId}/role", 422, "A workspace needs at least one owner.", "role", "VIEWER"),
                Case.page("/workspace/members/{ownerId}/remove", 422, "A workspace needs at least one owner."),
                Case.page("/workspace/members/abc/remove", 404, "We can't find that page"),

                Case.field("/workspaces", "name", "Name the workspace.", "name", ""),
                Case.field("/workspaces", "name", "Use at most 100 characters.", "name", LONG_101),
                Case.page("/workspace/switch", 404, "We can't find that page", "workspaceId", "abc"),
                Case.page("/workspace/switch", 400, "A required value is missing"),

                Case.field("/account/password", "currentPassword", "Enter your current password.", "currentPassword", "", "newPassword", "a-new-password-1"),
                Case.field("/account/password", "newPassword", "Choose a new password.", "currentPassword", pw, "newPassword", ""),
                Case.field("/account/password", "currentPassword", "This is not your current password.", "currentPassword", "wrong-password-1", "newPassword", "a-new-password-1"),
                Case.field("/account/password", "currentPassword", "This is not your current password.", "currentPassword", "p".repeat(200), "newPassword", "a-new-password-1"),
                Case.field("/account/password", "newPassword", "Use at least 10 characters.", "currentPassword", pw, "newPassword", "short"),
                Case.field("/account/password", "newPassword", "Use at most 72 bytes (about 72 letters).", "currentPassword", pw, "newPassword", TOO_MANY_BYTES),
                Case.field("/account/password", "newPassword", "Choose a password different from the current one.", "currentPassword", pw, "newPassword", pw),

                Case.field("/account/tokens", "name", "Name the token after where you will use it, e.g. \"CI pipeline\".", "name", ""),
                Case.field("/account/tokens", "name", "Use at most 100 characters.", "name", LONG_101),
                Case.page("/account/tokens/abc/revoke", 404, "We can't find that page"),

                Case.join("email", "Enter your email address.", "email", "", "displayName", "Kim", "password", pw),
                Case.join("email", "Enter a valid email address.", "email", "not-an-email", "displayName", "Kim", "password", pw),
                Case.join("email", "An account with this email already exists. Sign in instead.", "email", "{OWNER_EMAIL}", "displayName", "Kim", "password", pw),
                Case.join("displayName", "Enter your name.", "email", "kim@example.com", "displayName", "", "password", pw),
                Case.join("displayName", "Use at most 100 characters.", "email", "kim@example.com", "displayName", LONG_101, "password", pw),
                Case.join("password", "Choose a password.", "email", "kim@example.com", "displayName", "Kim", "password", ""),
                Case.join("password", "Use at least 10 characters.", "email", "kim@example.com", "displayName", "Kim", "password", "short"),
                Case.join("password", "Use at most 72 bytes (about 72 letters).", "email", "kim@example.com", "displayName", "Kim", "password", TOO_MANY_BYTES));
    }

    @org.junit.jupiter.api.Test
    void aViewerCreatingAWorkspaceSeesTheMessageBesideTheFieldToo() throws Exception {
        MvcResult result = mvc.perform(post("/workspaces").with(csrf()).with(tenant.viewer().session()).param("name", ""))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(Responses.fieldError(result, "name")).isEqualTo("Name the workspace.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void showsTheMessageBesideTheFieldAndWritesNothing(Case c) throws Exception {
        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        Map<String, Long> counts = WorkspaceSnapshot.rowCounts(jdbc);
        String existing = tenant.product().name().toUpperCase();
        String path = c.path().replace("{productId}", String.valueOf(tenant.product().id()))
                .replace("{editorId}", String.valueOf(tenant.editor().userId()))
                .replace("{ownerId}", String.valueOf(tenant.owner().userId()))
                .replace("{secret}", inviteSecret);
        var request = post(path).with(csrf());
        if (!c.anonymous()) {
            request.with(tenant.owner().session());
        }
        c.params().forEach((k, v) -> request.param(k, v.replace("{EXISTING}", existing)
                .replace("{OWNER_EMAIL}", tenant.owner().email())));

        MvcResult result = mvc.perform(request).andReturn();

        assertThat(Responses.serverErrorOrLeak(result)).isNull();
        assertThat(result.getResponse().getStatus()).isEqualTo(c.status());
        String message = c.message().replace("{EXISTING}", existing);
        if (c.field() != null) {
            assertThat(Responses.fieldError(result, c.field())).as("message beside " + c.field()).isEqualTo(message);
        } else {
            assertThat(Responses.unescape(Responses.body(result))).contains(message);
        }
        WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        assertThat(after).as(() -> "wrote:\n" + before.differences(after)).isEqualTo(before);
        assertThat(WorkspaceSnapshot.rowCounts(jdbc)).isEqualTo(counts);
        if (c.anonymous()) {
            assertThat(invitations.preview(inviteSecret)).as("the invitation is still usable").isPresent();
        }
    }
}
