package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API operation that takes If-Match, as the OpenAPI document lists them (fetched from
 * {@code /v3/api-docs}, not written down here): a stale If-Match is refused with 412, a request with
 * neither If-Match nor a version with 428, both as problem+json, and neither changes anything. Each
 * operation also documents those answers. The requests act as the owner of a populated workspace
 * ({@link Tenant}: a product with a strategy session, a roadmap, share links, anti-goals), so every path
 * names something that exists and the owner may change it; the bodies are made from the operation's
 * request schema in the same document, valid in shape, without a version.
 */
@IntegrationTest
class ConditionalWritesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("put", "post", "patch", "delete");
    private static final Pattern VARIABLE_REGEX = Pattern.compile("\\{([^}:]+):[^}]*}");
    private static final Pattern ETAG = Pattern.compile("^\"(-?\\d+)-(\\d+)\"$");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApplicationContext context;
    @Autowired
    Invitations invitations;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    JsonNode document;
    Tenant tenant;

    /** One operation of the document that declares an If-Match header parameter. */
    record Operation(String method, String path, JsonNode spec) {

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        document = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        tenant = Tenant.create(fixtures, invitations, tokens, context);
    }

    List<Operation> conditionalOperations() {
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode spec = path.getValue().path(method);
                if (spec.isMissingNode()) {
                    continue;
                }
                for (JsonNode parameter : spec.path("parameters")) {
                    if ("header".equals(parameter.path("in").asString()) && "if-match".equalsIgnoreCase(parameter.path("name").asString())) {
                        found.add(new Operation(method, path.getKey(), spec));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theDocumentListsTheConditionalWritesOfEveryModule() {
        // the control: if the enumeration found nothing (a renamed header, an empty document), every
        // other test here would pass without checking anything
        assertThat(conditionalOperations()).map(Operation::toString).contains(
                "PUT /api/v1/products/{productId}",
                "PUT /api/v1/products/{productId}/sessions/{sessionId}/positioning",
                "POST /api/v1/products/{productId}/sessions/{sessionId}/phases/{phase}/sign-off",
                "PUT /api/v1/products/{productId}/health/thresholds",
                "PUT /api/v1/products/{productId}/views/presets/{audience}");
    }

    @Test
    void everyConditionalWriteDocumentsItsAnswers() {
        List<String> failures = new ArrayList<>();
        for (Operation op : conditionalOperations()) {
            for (String status : List.of("412", "409", "428")) {
                if (op.spec().path("responses").path(status).isMissingNode()) {
                    failures.add(op + " does not document " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation op : conditionalOperations()) {
            Endpoint endpoint = endpoint(op);
            String uri = Endpoints.uri(endpoint, tenant.ids(endpoint));
            String stale = staleEtag(uri);
            WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
            MvcResult result = mvc.perform(request(op, endpoint).header("If-Match", stale)).andReturn();
            check(op, result, 412, "a stale If-Match " + stale, failures);
            WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
            if (!after.equals(before)) {
                failures.add(op + " with a stale If-Match changed:\n" + before.differences(after));
            }
        }
        assertThat(failures).as("operations that do not refuse a stale If-Match with 412").isEmpty();
    }

    @Test
    void neitherIfMatchNorVersionIsRefusedWith428AndChangesNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Operation op : conditionalOperations()) {
            Endpoint endpoint = endpoint(op);
            WorkspaceSnapshot before = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
            MvcResult result = mvc.perform(request(op, endpoint)).andReturn();
            check(op, result, 428, "neither If-Match nor a version", failures);
            if (result.getResponse().getStatus() == 428 && !Responses.body(result).contains("If-Match")) {
                failures.add(op + " answered 428 without saying to send If-Match or a version: " + Responses.body(result));
            }
            WorkspaceSnapshot after = WorkspaceSnapshot.of(jdbc, tenant.workspaceId());
            if (!after.equals(before)) {
                failures.add(op + " without any version changed:\n" + before.differences(after));
            }
        }
        assertThat(failures).as("operations that do not refuse a write without any version with 428").isEmpty();
    }

    private static void check(Operation op, MvcResult result, int expected, String what, List<String> failures) {
        int status = result.getResponse().getStatus();
        if (status != expected) {
            failures.add(op + " answered " + status + " to " + what + ", not " + expected + ": " + Responses.body(result));
        } else if (!String.valueOf(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            failures.add(op + " answered " + expected + " without problem+json");
        }
    }

    /** The handler that serves the operation: the document drops the regex of a path variable, the mapping keeps it. */
    private Endpoint endpoint(Operation op) {
        String method = op.method().toUpperCase(Locale.ROOT);
        return Endpoints.all(context).stream()
                .filter(e -> e.method().equals(method) && VARIABLE_REGEX.matcher(e.pattern()).replaceAll("{$1}").equals(op.path()))
                .findFirst().orElseThrow(() -> new AssertionError("no handler serves " + op));
    }

    /**
     * The request as the owner sends it: path and parameters filled with the tenant's ids, and a body made
     * from the operation's schema, without a version.
     */
    private MockHttpServletRequestBuilder request(Operation op, Endpoint endpoint) {
        MockHttpServletRequestBuilder request = Endpoints.request(endpoint, tenant.ids(endpoint))
                .header("Authorization", Fixtures.bearer(tenant.ownerToken()));
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(sample(schema, "body", 0)));
        }
        return request;
    }

    /**
     * An If-Match naming a version the resource does not have now: the ETag of the nearest resource on the
     * path that has one (the session of a sign-off, the product of a preset), its version moved by one;
     * "0-0" when none has an ETag.
     */
    private String staleEtag(String uri) throws Exception {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        while (path.lastIndexOf('/') > 0) {
            MvcResult read = mvc.perform(get(path).header("Authorization", Fixtures.bearer(tenant.ownerToken()))).andReturn();
            String etag = read.getResponse().getHeader("ETag");
            if (read.getResponse().getStatus() == 200 && etag != null) {
                Matcher m = ETAG.matcher(etag);
                if (m.matches()) {
                    int version = Integer.parseInt(m.group(2));
                    return "\"" + m.group(1) + "-" + (version > 0 ? version - 1 : version + 1) + "\"";
                }
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return "\"0-0\"";
    }

    /** A value of the schema, valid in shape (types, enums, lengths, list sizes, minimums); never a version. */
    private Object sample(JsonNode schema, String name, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString();
            return sample(document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1)), name, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        for (String combined : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combined)) {
                return sample(schema.path(combined).get(0), name, depth + 1);
            }
        }
        String type = schema.path("type").isArray() ? firstNonNull(schema.path("type")) : schema.path("type").asString("object");
        switch (type) {
            case "string" -> {
                String format = schema.path("format").asString("");
                if (format.equals("date")) {
                    return "2027-01-15";
                }
                if (format.equals("date-time")) {
                    return "2027-01-15T10:00:00Z";
                }
                return "Probe " + name + "x".repeat(Math.max(0, schema.path("minLength").asInt(0) - name.length() - 6));
            }
            case "integer", "number" -> {
                return schema.has("minimum") ? schema.path("minimum").asLong() : 1;
            }
            case "boolean" -> {
                return true;
            }
            case "array" -> {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < Math.max(1, schema.path("minItems").asInt(0)) && depth < 6; i++) {
                    items.add(sample(schema.path("items"), name, depth + 1));
                }
                return items;
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = it.next();
                        if (!property.getKey().equals("version")) {
                            object.put(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
                        }
                    }
                }
                return object;
            }
        }
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!"null".equals(t.asString())) {
                return t.asString();
            }
        }
        return "string";
    }
}
