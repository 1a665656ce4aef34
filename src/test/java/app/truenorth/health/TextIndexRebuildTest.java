package app.truenorth.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilding the text index: an owner starts it on the Health page or over the API and follows the job to
 * its end; nobody else may start or see it.
 */
@IntegrationTest
class TextIndexRebuildTest {

    static final String API = "/api/v1/workspace/text-index/rebuild";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditLog audit;
    @Autowired
    JsonMapper json;

    JsonNode until(String token, String location) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = json.readTree(mvc.perform(get(location).header("Authorization", token)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            if (job.path("state").asString().equals("DONE") || job.path("state").asString().equals("FAILED")
                    || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void anOwnerRebuildsOverTheApiAndFollowsTheJobToItsEnd() throws Exception {
        var owner = fixtures.owner();
        String token = Fixtures.bearer(fixtures.token(owner));
        var started = mvc.perform(post(API).header("Authorization", token))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith(API + "/")))
                .andReturn();
        String location = started.getResponse().getHeader("Location");
        JsonNode done = until(token, location);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("step").asString()).startsWith("Rebuilt the text index:");
        assertThat(audit.recent(owner.workspaceId(), "text_index", 5)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("rebuild"));

        // the job is its starter's: another owner, even of the same workspace, does not see it
        var other = fixtures.member(owner, Role.OWNER);
        mvc.perform(get(location).header("Authorization", Fixtures.bearer(fixtures.token(other)))).andExpect(status().isNotFound());
        mvc.perform(get(location).header("Authorization", Fixtures.bearer(fixtures.token(fixtures.owner()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyOwnersSeeTheButtonAndMayStartARebuild() throws Exception {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        String page = "/products/" + productId + "/health";
        mvc.perform(get(page).with(owner.session()))
                .andExpect(content().string(containsString("Rebuild the text index")));
        for (Role role : new Role[] {Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER}) {
            var member = fixtures.member(owner, role);
            mvc.perform(get(page).with(member.session())).andExpect(content().string(not(containsString("Rebuild the text index"))));
            mvc.perform(post(page + "/text-index/rebuild").with(member.session()).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post(API).header("Authorization", Fixtures.bearer(fixtures.token(member)))).andExpect(status().isForbidden());
        }
        assertThat(audit.recent(owner.workspaceId(), "text_index", 5)).isEmpty();

        String progress = mvc.perform(post(page + "/text-index/rebuild").with(owner.session()).with(csrf()))
                .andExpect(redirectedUrlPattern(page + "/text-index/rebuild/*"))
                .andReturn().getResponse().getRedirectedUrl().replace("#text-index", "");
        mvc.perform(get(progress).with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"text-index-progress\"")))
                .andExpect(content().string(containsString("Roadmap health")));
        // the card's poll gets the fragment alone, until the rebuild has ended
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String fragment;
        do {
            fragment = mvc.perform(get(progress).with(owner.session()).header("HX-Request", "true"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Thread.sleep(200);
        } while (fragment.contains("hx-trigger=\"every 1s\"") && Instant.now().isBefore(deadline));
        assertThat(fragment).doesNotContain("Roadmap health").contains("Rebuilt the text index:");
    }
}
