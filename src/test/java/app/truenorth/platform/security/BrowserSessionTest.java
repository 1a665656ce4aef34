package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import app.truenorth.workspace.Workspaces;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * A real browser session over HTTP, through the session filter and the shared session table: the
 * session is written only when it changes and read only when this node has not heard of a change,
 * yet a removed member loses access with their next request and signing out ends the session at once.
 */
@IntegrationTest
class BrowserSessionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Workspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FindByIndexNameSessionRepository<?> sessionStore;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void signedInPagesLeaveTheSessionRowAloneUntilSomethingChanges() throws Exception {
        var owner = fixtures.owner();
        var product = fixtures.product(owner, "Quiet");
        signIn(owner.email());
        String sessionId = sessionOf(owner.email());
        // the first page after sign-in stores a fresh CSRF token (the old one is dropped on sign-in)
        assertThat(get("/products").statusCode()).isEqualTo(200);
        long accessWritten = lastAccess(sessionId);

        Thread.sleep(20);
        assertThat(get("/products/" + product.id()).statusCode()).isEqualTo(200);
        assertThat(get("/products").statusCode()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).as("a page view does not rewrite the session").isEqualTo(accessWritten);

        // a one-time confirmation is kept in the session until the next page shows it: both are written
        int attributes = attributeCount(sessionId);
        var created = post("/products", "name=Flashy&description=&_csrf=" + enc(csrf(get("/products").body())));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(attributeCount(sessionId)).isEqualTo(attributes + 1);
        var shown = get(URI.create(created.headers().firstValue("Location").orElseThrow()).getPath());
        assertThat(shown.body()).contains("Created Flashy.");
        assertThat(attributeCount(sessionId)).isEqualTo(attributes);
    }

    @Test
    void aRemovedMemberLosesAccessWithTheirNextRequest() throws Exception {
        var owner = fixtures.owner();
        var product = fixtures.product(owner, "Guarded");
        var member = fixtures.member(owner, Role.EDITOR);
        signIn(member.email());
        assertThat(get("/products/" + product.id()).statusCode()).isEqualTo(200);

        workspaces.removeMember(owner.workspaceId(), member.userId());

        assertThat(get("/products/" + product.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSessionAtOnce() throws Exception {
        var owner = fixtures.owner();
        signIn(owner.email());
        String sessionId = sessionOf(owner.email());
        var page = get("/products");
        assertThat(page.statusCode()).isEqualTo(200);

        var out = post("/logout", "_csrf=" + enc(csrf(page.body())));
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", sessionId)
                .query(Long.class).single()).isZero();
        var after = get("/products");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    @Test
    void aSessionEndedThroughTheSessionStoreEndsHereWithTheNextRequest() throws Exception {
        // pages after the first are answered from what this node knows of the session; ending it through
        // the store (as sign-out does on any node) announces the change, so the next request is refused
        var owner = fixtures.owner();
        signIn(owner.email());
        String sessionId = sessionOf(owner.email());
        assertThat(get("/products").statusCode()).isEqualTo(200);
        assertThat(get("/products").statusCode()).isEqualTo(200);

        sessionStore.deleteById(sessionId);

        var after = get("/products");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    @Test
    void signedInPagesAreServedWithoutReadingTheSessionRowEachTime() throws Exception {
        var owner = fixtures.owner();
        signIn(owner.email());
        String sessionId = sessionOf(owner.email());
        assertThat(get("/products").statusCode()).isEqualTo(200); // writes the fresh CSRF token
        assertThat(get("/products").statusCode()).isEqualTo(200); // read once more, and kept

        // a row removed by hand in SQL is not announced: this node still answers from what it knows
        // (for at most QuietSessionRepository.MAX_AGE), which shows the row is not read per request
        jdbc.sql("delete from spring_session where session_id = :id").param("id", sessionId).update();
        assertThat(get("/products").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesArriveWholeAsEscapedUtf8() throws Exception {
        var owner = fixtures.owner();
        fixtures.product(owner, "Café Ünïcode <b>loud</b> — ✓");
        signIn(owner.email());

        var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Café Ünïcode &lt;b&gt;loud&lt;/b&gt; — ✓").doesNotContain("<b>loud</b>");
        assertThat(html.strip()).startsWith("<!DOCTYPE html>").endsWith("</html>");
    }

    private void signIn(String email) throws Exception {
        // before first-run setup the sign-in page sends people to /setup; either page carries the token
        var login = get("/login");
        String token = csrf(login.statusCode() == 200 ? login.body() : get("/setup").body());
        var response = post("/login", "username=" + enc(email) + "&password=" + enc(Fixtures.PASSWORD) + "&_csrf=" + enc(token));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private String sessionOf(String email) {
        return jdbc.sql("select session_id from spring_session where principal_name = :email order by creation_time desc")
                .param("email", email).query(String.class).list().getFirst();
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", sessionId)
                .query(Long.class).single();
    }

    private int attributeCount(String sessionId) {
        return jdbc.sql("""
                select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                where s.session_id = :id""").param("id", sessionId).query(Integer.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
