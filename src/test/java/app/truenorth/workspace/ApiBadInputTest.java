package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import app.truenorth.support.Tenant;
import app.truenorth.support.WorkspaceSnapshot;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input on every endpoint of the workspace API: empty, too long, the wrong type, unknown fields,
 * malformed JSON, no body. Each gets a 4xx problem+json saying what is wrong (with the field when
 * there is one) and writes nothing; none gets a 500 or shows the server's internals.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG_101 = "n".repeat(101);

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

    Tenant tenant;
    String existingProductName;

    @BeforeAll
    void workspace() {
        // one workspace for every case: each case proves it wrote nothing, so they cannot disturb each other
        tenant = Tenant.create(fixtures, invitations, tokens);
        existingProductName = tenant.product().name();
    }

    /**
     * One bad request: {@code field} is the field the problem must name (null when the problem is the
     * body as a whole), {@code title} the problem's title.
     */
    record Case(String method, String path, String contentType, String body, int status, String title, String field) {

        static Case json(String method, String path, String body, String field) {
            return new Case(method, path, MediaType.APPLICATION_JSON_VALUE, body, 400, "Invalid input", field);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + (body == null ? "(no body)" : body.length() > 60 ? body.substring(0, 60) + "…" : body);
        }
    }

    Stream<Case> cases() {
        String products = "/api/v1/products";
        String product = "/api/v1/products/{productId}";
        String member = "/api/v1/members/{editorId}";
        String owner = "/api/v1/members/{ownerId}";
        return Stream.of(
                // creating a product
                Case.json("POST", products, "{}", "name"),
                Case.json("POST", products, "{\"name\":\"\"}", "name"),
                Case.json("POST", products, "{\"name\":\"   \"}", "name"),
                Case.json("POST", products, "{\"name\":\"" + LONG_101 + "\"}", "name"),
                Case.json("POST", products, "{\"name\":\"Ok\",\"description\":\"" + "d".repeat(2001) + "\"}", "description"),
                Case.json("POST", products, "{\"name\":{\"first\":\"A\"}}", "name"),
                Case.json("POST", products, "{\"name\":[\"A\"]}", "name"),
                Case.json("POST", products, "{\"name\":\"Ok\",\"colour\":\"red\"}", "colour"),
                Case.json("POST", products, "{\"name\":\"{existingNameUpper}\"}", "name"),
                Case.json("POST", products, "[]", null),
                Case.json("POST", products, "\"Atlas\"", null),
                Case.json("POST", products, "   ", null),
                new Case("POST", products, MediaType.APPLICATION_JSON_VALUE, "{\"name\":", 400, "Malformed JSON", null),
                new Case("POST", products, MediaType.APPLICATION_JSON_VALUE, "{name: 'Atlas'}", 400, "Malformed JSON", null),
                new Case("POST", products, MediaType.APPLICATION_JSON_VALUE, null, 400, "Missing body", null),
                new Case("POST", products, MediaType.TEXT_PLAIN_VALUE, "Atlas", 415, "Unsupported Media Type", null),
                // changing a product
                // neither If-Match nor a version field: the version is a precondition of every update (428)
                new Case("PUT", product, MediaType.APPLICATION_JSON_VALUE, "{\"name\":\"Renamed\"}", 428, "Precondition required", "version"),
                Case.json("PUT", product, "{\"name\":\"Renamed\",\"version\":\"abc\"}", "version"),
                Case.json("PUT", product, "{\"name\":\"Renamed\",\"version\":-1}", "version"),
                Case.json("PUT", product, "{\"name\":\"Renamed\",\"version\":99999999999}", "version"),
                Case.json("PUT", product, "{\"name\":\"\",\"version\":0}", "name"),
                Case.json("PUT", product, "{\"name\":\"" + LONG_101 + "\",\"version\":0}", "name"),
                Case.json("PUT", product, "{\"name\":\"Renamed\",\"version\":0,\"owner\":\"me\"}", "owner"),
                Case.json("PUT", "/api/v1/products/abc", "{\"name\":\"Renamed\",\"version\":0}", "productId"),
                new Case("PUT", product, MediaType.APPLICATION_JSON_VALUE, "{\"name\":\"Renamed\",\"version\":0", 400,
                        "Malformed JSON", null),
                new Case("PUT", product, MediaType.APPLICATION_JSON_VALUE, null, 400, "Missing body", null),
                new Case("GET", "/api/v1/products/abc", null, null, 400, "Invalid input", "productId"),
                new Case("GET", "/api/v1/products/99999999999999999999", null, null, 400, "Invalid input", "productId"),
                // roles
                Case.json("PATCH", member, "{\"role\":\"BOSS\"}", "role"),
                Case.json("PATCH", member, "{\"role\":\"\"}", "role"),
                Case.json("PATCH", member, "{\"role\":null}", "role"),
                Case.json("PATCH", member, "{}", "role"),
                Case.json("PATCH", member, "{\"role\":7}", "role"),
                Case.json("PATCH", member, "{\"role\":\"VIEWER\",\"admin\":true}", "admin"),
                Case.json("PATCH", owner, "{\"role\":\"VIEWER\"}", "role"),
                new Case("PATCH", member, MediaType.APPLICATION_JSON_VALUE, "{\"role\"", 400, "Malformed JSON", null),
                new Case("PATCH", member, MediaType.APPLICATION_JSON_VALUE, null, 400, "Missing body", null),
                new Case("DELETE", owner, null, null, 400, "Invalid input", "member"),
                new Case("DELETE", "/api/v1/members/abc", null, null, 400, "Invalid input", "userId"),
                // invitations
                Case.json("POST", "/api/v1/invitations", "{}", "role"),
                Case.json("POST", "/api/v1/invitations", "{\"role\":\"BOSS\"}", "role"),
                Case.json("POST", "/api/v1/invitations", "{\"role\":\"EDITOR\",\"note\":\"" + "x".repeat(201) + "\"}", "note"),
                Case.json("POST", "/api/v1/invitations", "{\"role\":\"EDITOR\",\"expires\":\"never\"}", "expires"),
                new Case("POST", "/api/v1/invitations", MediaType.APPLICATION_JSON_VALUE, null, 400, "Missing body", null),
                new Case("DELETE", "/api/v1/invitations/abc", null, null, 400, "Invalid input", "invitationId"),
                // tokens
                Case.json("POST", "/api/v1/tokens", "{}", "name"),
                Case.json("POST", "/api/v1/tokens", "{\"name\":\"" + LONG_101 + "\"}", "name"),
                Case.json("POST", "/api/v1/tokens", "{\"name\":\"CI\",\"workspaceId\":1}", "workspaceId"),
                new Case("POST", "/api/v1/tokens", MediaType.APPLICATION_JSON_VALUE, "{\"name\":}", 400, "Malformed JSON", null),
                new Case("DELETE", "/api/v1/tokens/abc", null, null, 400, "Invalid input", "tokenId"),
                // the audit log's parameters
                new Case("GET", "/api/v1/audit?limit=abc", null, null, 400, "Invalid input", "limit"),
                new Case("GET", "/api/v1/audit?limit=0", null, null, 400, "Invalid input", "limit"),
                new Case("GET", "/api/v1/audit?limit=501", null, null, 400, "Invalid input", "limit"),
                new Case("GET", "/api/v1/audit?type=" + "t".repeat(101), null, null, 400, "Invalid input", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAClearProblemAndWritesNothing(Case c) throws Exception {
        WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        Map<String, Long> counts = WorkspaceSnapshot.rowCounts(jdbc);
        String path = c.path().replace("{productId}", String.valueOf(tenant.product().id()))
                .replace("{editorId}", String.valueOf(tenant.editor().userId()))
                .replace("{ownerId}", String.valueOf(tenant.owner().userId()));
        var request = request(HttpMethod.valueOf(c.method()), path)
                .header("Authorization", Fixtures.bearer(tenant.ownerToken()));
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request.content(c.body().replace("{existingNameUpper}", existingProductName.toUpperCase()));
        }

        MvcResult result = mvc.perform(request).andReturn();

        assertThat(Responses.serverErrorOrLeak(result)).isNull();
        assertThat(result.getResponse().getStatus()).as(Responses.body(result)).isEqualTo(c.status());
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(Responses.body(result));
        assertThat(problem.path("title").asString()).isEqualTo(c.title());
        assertThat(problem.path("detail").asString()).isNotBlank();
        if (c.field() != null) {
            JsonNode errors = problem.path("errors");
            assertThat(errors.isArray()).as("errors in " + problem).isTrue();
            assertThat(errors.valueStream().map(e -> e.path("field").asString())).as(problem.toString()).contains(c.field());
            assertThat(errors.valueStream().map(e -> e.path("message").asString())).allSatisfy(m -> assertThat(m).isNotBlank());
        }
        WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
        assertThat(after).as(() -> "wrote:\n" + before.differences(after)).isEqualTo(before);
        assertThat(WorkspaceSnapshot.rowCounts(jdbc)).isEqualTo(counts);
    }
}
