package app.truenorth.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.api.Test;

/**
 * With {@code truenorth.base-url} set, every absolute link the application hands out (share links,
 * invitations, the API address on the tokens page) starts with it, whatever Host header the request that
 * makes the link carries. {@link AbsoluteLinksUnsetTest} shows the same requests following the Host header
 * when it is unset.
 */
@IntegrationTest
@TestPropertySource(properties = "truenorth.base-url=https://roadmaps.example.com/tn/")
class AbsoluteLinksTest {

    static final String FORGED = "evil.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aForgedHostHeaderDoesNotChangeAnyLink() throws Exception {
        List<String> links = AbsoluteLinksUnsetTest.linksMadeWithHost(mvc, fixtures, FORGED);
        assertThat(links).hasSize(5).allSatisfy(link -> assertThat(link).startsWith("https://roadmaps.example.com/tn/")
                .doesNotContain(FORGED));
    }

    /** The links found in an answer: http(s) addresses up to a quote, space or angle bracket. */
    static List<String> links(String body, String path) {
        Matcher m = Pattern.compile("https?://[^\"'\\s<>]+" + Pattern.quote(path) + "[^\"'\\s<>]*").matcher(body);
        assertThat(m.find()).as("a link to %s in %s", path, body.length() > 3000 ? body.substring(0, 3000) : body).isTrue();
        return List.of(m.group());
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(String url, String token, String body) {
        return post(url).header("Authorization", Fixtures.bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String url, Fixtures.Person person) {
        return post(url).with(person.session()).with(csrf());
    }
}
