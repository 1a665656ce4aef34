package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.truenorth.support.Endpoints;
import app.truenorth.support.Endpoints.Endpoint;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.Responses;
import app.truenorth.support.Tenant;
import app.truenorth.workspace.ApiTokens;
import app.truenorth.workspace.Invitations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * No request makes the server fail: every endpoint of the running application, called anonymously,
 * with ids that are not numbers or too large, without its parameters, with oversized values and with
 * broken JSON, answers below 500 and never shows a stack trace or a Java class name. The endpoints
 * come from the handler mappings, so later modules' endpoints are covered too.
 */
@IntegrationTest
class NoServerErrorTest {

    private static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "42", "{\"unknown\":1}",
            "{\"name\":{\"nested\":[1,2]},\"version\":\"x\",\"role\":\"BOSS\"}", "{\"version\":1e400}", "\u0000");

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

    @Test
    void noEndpointAnswersWithAServerErrorWhateverItIsSent() throws Exception {
        List<String> failures = new ArrayList<>();
        Tenant tenant = null;
        boolean consumed = true;
        for (Endpoint endpoint : Endpoints.all(context)) {
            // a write that went through may have used up what the ids point at (a removed member)
            if (consumed) {
                tenant = Tenant.create(fixtures, invitations, tokens, context);
                consumed = false;
            }
            Tenant current = tenant;
            Function<String, String> own = name -> name.equals("secret") ? "inv_not-a-real-link" : current.ids(endpoint).apply(name);
            List<MockHttpServletRequestBuilder> requests = new ArrayList<>();

            // nobody signed in
            requests.add(bare(endpoint, own));
            // ids that are not ids
            for (String id : List.of("abc", "-1", "0", "99999999999999999999", "%20", "1.5")) {
                requests.add(as(current, endpoint, bare(endpoint, name -> id)));
            }
            // the caller's own ids, but none of the parameters
            requests.add(as(current, endpoint, bare(endpoint, own)));
            // every parameter oversized, then every parameter not a number
            for (String value : List.of("x".repeat(20_000), "abc")) {
                var request = as(current, endpoint, bare(endpoint, own));
                Endpoints.parameterNames(endpoint).forEach(name -> request.param(name, value));
                requests.add(request);
            }
            if (Endpoints.takesBody(endpoint)) {
                for (String body : BAD_BODIES) {
                    requests.add(as(current, endpoint, bare(endpoint, own)).contentType(MediaType.APPLICATION_JSON).content(body));
                }
                requests.add(as(current, endpoint, bare(endpoint, own)).contentType(MediaType.APPLICATION_XML).content("<a/>"));
            }

            for (MockHttpServletRequestBuilder request : requests) {
                if (endpoint.pattern().equals("/setup") && endpoint.method().equals("POST")) {
                    // never a complete setup: that would change this shared database for the other tests
                    request.param("email", "");
                }
                MvcResult result = mvc.perform(request).andReturn();
                consumed |= endpoint.write() && result.getResponse().getStatus() < 400;
                String problem = Responses.serverErrorOrLeak(result);
                if (problem != null) {
                    failures.add(endpoint + " " + result.getRequest().getRequestURI() + " "
                            + result.getRequest().getParameterMap().keySet() + " " + problem);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static MockHttpServletRequestBuilder bare(Endpoint endpoint, Function<String, String> ids) {
        return MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()), Endpoints.uri(endpoint, ids));
    }

    private static MockHttpServletRequestBuilder as(Tenant tenant, Endpoint endpoint, MockHttpServletRequestBuilder request) {
        if (endpoint.api()) {
            return request.header("Authorization", Fixtures.bearer(tenant.ownerToken()));
        }
        return request.with(tenant.owner().session()).with(csrf());
    }
}
