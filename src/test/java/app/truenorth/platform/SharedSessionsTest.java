package app.truenorth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.TrueNorthApplication;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.TestDatabases;
import app.truenorth.workspace.Products;
import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions live in the database, so a person signed in on one node is signed in on every node:
 * a second application instance on the same database serves the first one's session cookie. What a
 * node keeps of sessions and products is dropped when another node announces a change to them.
 */
@IntegrationTest
class SharedSessionsTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionStartedOnOneNodeIsServedByAnother() throws Exception {
        var owner = fixtures.owner();
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        String loginPage = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(owner.email(), StandardCharsets.UTF_8) + "&password="
                + Fixtures.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :p").param("p", owner.email())
                .query(Long.class).single()).isEqualTo(1);

        var hikari = (HikariDataSource) dataSource;
        // command-line arguments, so they win over application.properties like a real node's settings would
        try (var secondNode = new SpringApplicationBuilder(TrueNorthApplication.class).run(
                "--server.port=0",
                "--" + TestDatabases.SHARE_DATABASE + "=true",
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()))) {
            int otherPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
            var first = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/products")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // the cookie was set for localhost, so the same cookie jar sends it to the second node
            var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/products")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(owner.displayName()).contains("Products");

            // both nodes now answer from what they know; a change written on one reaches the other
            // (embedded H2: in this JVM at commit; PostgreSQL: NOTIFY at commit, heard within moments)
            for (int i = 0; i < 3; i++) {
                assertThat(send(http, port, "/products").statusCode()).isEqualTo(200);
                assertThat(send(http, otherPort, "/products").statusCode()).isEqualTo(200);
            }
            secondNode.getBean(Products.class).create(owner.workspaceId(), "Made on the second node", "");
            assertThat(eventually(() -> send(http, port, "/products").body().contains("Made on the second node")))
                    .as("a product created on the second node is listed by the first").isTrue();

            String token = csrfOf(send(http, otherPort, "/products").body());
            var out = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(302);
            assertThat(eventually(() -> send(http, port, "/products").statusCode() == 302))
                    .as("signing out on the second node ends the session on the first").isTrue();
        }
    }

    private static HttpResponse<String> send(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String html) {
        var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Whether the check holds within two seconds: a PostgreSQL notification arrives asynchronously. */
    private static boolean eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
