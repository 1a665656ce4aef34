package app.truenorth.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.ServerProcess;
import app.truenorth.support.ServerProcesses;
import app.truenorth.support.TestDatabases;
import app.truenorth.transfer.bench.JiraImportBench;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background jobs across two server processes on one PostgreSQL database: started on node A, followed
 * and downloaded through node B, and failed through B with nothing applied when A is killed mid-import.
 * The silence allowed before a node's jobs fail is shortened to 3 s here (30 s by default).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsAcrossNodesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static ServerProcesses cluster;

    @BeforeAll
    static void startTwoNodes() {
        ServerProcesses.assumePostgres();
        cluster = ServerProcesses.start(2, "truenorth.jobs.silence=3s", "truenorth.jobs.sweep-interval=1s");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void anExportStartedOnOneNodeIsFollowedAndDownloadedThroughTheOther() throws Exception {
        var a = cluster.node("A");
        var b = cluster.node("B");
        JsonNode owner = JSON.readTree(a.post("/probe/jobs/owner", "").body());
        String token = owner.get("token").asString();
        long productId = owner.get("productId").asLong();

        var started = send(HttpRequest.newBuilder(a.uri("/api/v1/products/" + productId + "/views/customer/export-jobs/md"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> status = eventually(() -> send(HttpRequest.newBuilder(b.uri(location))
                .header("Authorization", "Bearer " + token).GET()), r -> r.body().contains("\"DONE\""));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"percent\":100", "\"step\":\"Ready\"");
        var file = send(HttpRequest.newBuilder(b.uri(location + "/file")).header("Authorization", "Bearer " + token).GET());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(file.body()).contains("Jobs product");
        assertThat(cluster.jdbc().sql("select node_id from background_job where state = 'DONE'").query(String.class).list())
                .containsExactly("A");
    }

    @Test
    @Order(2)
    void anImportWhoseNodeIsKilledFailsThroughTheOtherNodeAndWritesNothing() throws Exception {
        var a = cluster.node("A");
        var b = cluster.node("B");
        JsonNode owner = JSON.readTree(a.post("/probe/jobs/owner", "").body());
        long productId = owner.get("productId").asLong();
        String base = "/products/" + productId + "/roadmap/import";
        var browser = new Browser();
        browser.signIn(a, owner.get("email").asString(), owner.get("password").asString());

        // the file is previewed on B and kept in the database; A takes the confirmation and runs the import
        String page = browser.get(b, base).body();
        String csv = JiraImportBench.generate(2_000, new Random(7));
        var preview = browser.upload(b, base, csrf(page), "jira-csv", "big.csv", csv);
        assertThat(preview.statusCode()).isEqualTo(200);
        String uploadId = match(preview.body(), "name=\"uploadId\" value=\"([0-9a-f]{32})\"");

        // the import stores every initiative, then waits to write its audit record: held here, so A stays mid-job
        try (Connection holder = DriverManager.getConnection(cluster.jdbcUrl(), TestDatabases.user(), TestDatabases.password())) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table audit_event in exclusive mode");
            var confirm = browser.post(a, base + "/confirm", Map.of("uploadId", uploadId, "skipRejected", "true", "_csrf",
                    csrf(preview.body())));
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("import-progress");

            // B shows the progress A writes
            String progress = base + "/progress?uploadId=" + uploadId;
            String fragment = eventually(() -> browser.fragment(b, progress), r -> r.body().contains("value=\"99\"")).body();
            assertThat(fragment).containsPattern("Storing initiatives: (\\d+) of \\1").contains("hx-trigger=\"every 1s\"");
            assertThat(initiatives(productId)).as("nothing is visible before the import commits").isZero();

            a.kill();
            long killedAt = System.nanoTime();
            fragment = eventually(() -> browser.fragment(b, progress), r -> r.body().contains("alert error")).body();
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(30));
            assertThat(fragment).contains(Jobs.SILENT).doesNotContain("hx-trigger");
            holder.rollback();
        }
        // the killed node's transaction can never commit: the roadmap is as it was
        Thread.sleep(1_000);
        assertThat(initiatives(productId)).isZero();
        assertThat(cluster.jdbc().sql("select count(*) from roadmap_theme t join roadmap r on r.id = t.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single()).isZero();
        assertThat(cluster.jdbc().sql("select state, node_id, input is null from background_job where id = :id").param("id", uploadId)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3)).single())
                .isEqualTo("FAILED A true");
    }

    static long initiatives(long productId) {
        return cluster.jdbc().sql("select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id where r.product_id = :p")
                .param("p", productId).query(Long.class).single();
    }

    static String csrf(String html) {
        return match(html, "name=\"_csrf\" value=\"([^\"]+)\"");
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text.length() > 2000 ? text.substring(0, 2000) : text).isTrue();
        return m.group(1);
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    static HttpResponse<String> eventually(Call call, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = call.call();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as("still waiting; last answer %s: %s", last.statusCode(), last.body()).isLessThan(deadline);
            Thread.sleep(100);
            last = call.call();
        }
        return last;
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One person's browser: its session cookie goes to whichever node it asks. */
    static final class Browser {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        void signIn(ServerProcess node, String email, String password) throws Exception {
            String login = get(node, "/login").body();
            var signedIn = post(node, "/login", Map.of("username", email, "password", password, "_csrf", csrf(login)));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(ServerProcess node, String path) throws Exception {
            return send(node, HttpRequest.newBuilder(node.uri(path)).GET());
        }

        HttpResponse<String> fragment(ServerProcess node, String path) throws Exception {
            return send(node, HttpRequest.newBuilder(node.uri(path)).header("HX-Request", "true").GET());
        }

        HttpResponse<String> post(ServerProcess node, String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(node, HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        HttpResponse<String> upload(ServerProcess node, String path, String csrf, String format, String fileName, String content)
                throws Exception {
            String boundary = "----jobs" + System.nanoTime();
            var body = new ByteArrayOutputStream();
            for (var field : Map.of("_csrf", csrf, "format", format).entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(node, HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpResponse<String> send(ServerProcess node, HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            var response = JobsAcrossNodesTest.send(request);
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return response;
        }
    }
}
