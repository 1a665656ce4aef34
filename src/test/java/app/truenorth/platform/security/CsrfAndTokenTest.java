package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.WorkspaceSnapshot;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Role;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forged page posts are refused, a browser session can never drive the API, and API tokens stop
 * working the moment they are revoked or their owner leaves the workspace.
 */
@IntegrationTest
class CsrfAndTokenTest {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;
    @LocalServerPort
    int port;

    @Test
    void aPagePostWithoutOrWithAWrongCsrfTokenIsRefusedAndWritesNothing() throws Exception {
        var owner = fixtures.owner();
        var before = WorkspaceSnapshot.of(jdbc, owner.workspaceId());

        mvc.perform(post("/products").with(owner.session()).param("name", "Forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/products").with(owner.session()).with(csrf().useInvalidToken()).param("name", "Forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/products").with(owner.session()).with(csrf().asHeader().useInvalidToken()).param("name", "Forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workspace/invitations").with(owner.session()).param("role", "OWNER"))
                .andExpect(status().isForbidden());

        assertThat(WorkspaceSnapshot.of(jdbc, owner.workspaceId())).isEqualTo(before);
        // the same post with the token goes through, so the refusals above were about the token
        mvc.perform(post("/products").with(owner.session()).with(csrf()).param("name", "Genuine"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void signingOutNeedsTheCsrfTokenToo() throws Exception {
        var owner = fixtures.owner();
        // a forged sign-out (e.g. an image tag on another site) must not end the session
        mvc.perform(post("/logout").with(owner.session())).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/logout").with(owner.session()))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/login?signedOut"));
        mvc.perform(post("/logout").with(owner.session()).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?signedOut"));
    }

    @Test
    void aSignedInBrowserSessionCannotDriveTheApi() throws Exception {
        var owner = fixtures.owner();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // a real sign-in over HTTP: the browser now holds a session cookie and a CSRF token
        String csrfToken = csrfTokenFrom(browser, "/login");
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", owner.email(),
                        "password", Fixtures.PASSWORD, "_csrf", csrfToken))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/products")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the session works for pages").isEqualTo(200);
        // the shared session table holds who signed in, never their password hash
        List<byte[]> stored = jdbc.sql("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = :email""")
                .param("email", owner.email()).query(byte[].class).list();
        assertThat(stored).isNotEmpty();
        assertThat(stored.stream().map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)))
                .as("session attributes").noneMatch(text -> text.contains("{bcrypt}") || text.contains("$2a$"));
        String pageToken = matchCsrf(page.body());

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(uri("/api/v1/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> create = browser.send(HttpRequest.newBuilder(uri("/api/v1/products"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", pageToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Through the session\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(create.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from product where workspace_id = :ws").param("ws", owner.workspaceId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        var owner = fixtures.owner();
        String secret = fixtures.token(owner);
        String other = fixtures.token(owner);
        long id = tokens.list(owner.userId()).stream().filter(t -> secret.startsWith(t.prefix())).findFirst().orElseThrow().id();

        mvc.perform(get("/api/v1/me").header("Authorization", Fixtures.bearer(secret))).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", Fixtures.bearer(other)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", Fixtures.bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));

        // revoking on the page works the same way
        mvc.perform(get("/api/v1/me").header("Authorization", Fixtures.bearer(other))).andExpect(status().isOk());
        long otherId = tokens.list(owner.userId()).stream().filter(t -> other.startsWith(t.prefix())).findFirst().orElseThrow().id();
        mvc.perform(post("/account/tokens/" + otherId + "/revoke").with(owner.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/products").header("Authorization", Fixtures.bearer(other)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRemovedMembersTokenStopsWorking() throws Exception {
        var owner = fixtures.owner();
        var editor = fixtures.member(owner, Role.EDITOR);
        String editorToken = fixtures.token(editor);
        mvc.perform(get("/api/v1/products").header("Authorization", Fixtures.bearer(editorToken))).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/members/" + editor.userId()).header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/products").header("Authorization", Fixtures.bearer(editorToken)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tokens.list(editor.userId())).allSatisfy(t -> assertThat(t.active()).isFalse());
    }

    @Test
    void tokenAndInvitationSecretsAreStoredOnlyHashed() throws Exception {
        var owner = fixtures.owner();
        String auth = Fixtures.bearer(fixtures.token(owner));
        JsonMapper json = JsonMapper.builder().build();

        JsonNode token = json.readTree(mvc.perform(post("/api/v1/tokens").header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"CI\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String tokenSecret = token.get("secret").asString();
        assertThat(tokenSecret).startsWith("tn_").hasSizeGreaterThan(40);
        assertSecretInNoColumn("api_token", token.get("id").asLong(), tokenSecret);

        JsonNode invitation = json.readTree(mvc.perform(post("/api/v1/invitations").header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"EDITOR\",\"note\":\"for Kim\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String link = invitation.get("link").asString();
        String invitationSecret = link.substring(link.lastIndexOf('/') + 1);
        assertThat(invitationSecret).startsWith("inv_").hasSizeGreaterThan(40);
        assertSecretInNoColumn("invitation", invitation.get("id").asLong(), invitationSecret);

        // and neither secret is ever shown again
        mvc.perform(get("/api/v1/tokens").header("Authorization", auth))
                .andExpect(jsonPath("$[*].secret").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
        mvc.perform(get("/api/v1/invitations").header("Authorization", auth))
                .andExpect(jsonPath("$[*].link").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
        for (String secret : java.util.List.of(tokenSecret, invitationSecret)) {
            assertThat(jdbc.sql("select count(*) from audit_event where after_json like :s or before_json like :s or summary like :s")
                    .param("s", "%" + secret.substring(10) + "%").query(Long.class).single()).as("secret in the audit trail").isZero();
        }
    }

    /** Neither the secret nor its part beyond the short display prefix is in any column of the row. */
    private void assertSecretInNoColumn(String table, long id, String secret) {
        String hidden = secret.substring(9);
        List<Map<String, Object>> rows = jdbc.sql("select * from " + table + " where id = :id").param("id", id)
                .query().listOfRows();
        assertThat(rows).hasSize(1);
        rows.getFirst().forEach((column, value) -> assertThat(String.valueOf(value)).as(table + "." + column)
                .doesNotContain(secret).doesNotContain(hidden));
        assertThat(rows.getFirst().get("token_hash")).asString().hasSize(64).matches("[0-9a-f]+");
    }

    private String csrfTokenFrom(HttpClient browser, String path) throws Exception {
        String location = path;
        for (int hop = 0; hop < 3; hop++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(location)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return matchCsrf(response.body());
            }
            location = URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
        }
        throw new AssertionError("no page with a CSRF token at " + path);
    }

    private static String matchCsrf(String html) {
        Matcher m = CSRF_INPUT.matcher(html);
        assertThat(m.find()).as("page has a CSRF token").isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
