package app.truenorth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The strategy pages: full page vs htmx fragment, lock states, and errors beside the fields. */
@IntegrationTest
class SessionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStrategySectionStartsASessionAndShowsLockStates() throws Exception {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        mvc.perform(get("/products/" + productId + "/strategy").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Start a session")))
                .andExpect(content().string(not(containsString("is on its way"))));
        // a missing title is shown beside the field, with 422
        mvc.perform(post("/products/" + productId + "/strategy/sessions").with(owner.session()).with(csrf())
                        .param("title", "").param("startDate", "2026-03-02"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("must not be blank")));
        String location = mvc.perform(post("/products/" + productId + "/strategy/sessions").with(owner.session()).with(csrf())
                        .param("title", "Strategy 2026").param("startDate", "2026-03-02").param("currency", "EUR"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/products/*/strategy/sessions/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Plan vs actual")))
                .andExpect(content().string(containsString("status-open")))
                .andExpect(content().string(containsString("status-locked")));
        mvc.perform(get(location + "/market-sizing").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Opens when Problem statements is signed off")));
    }

    @Test
    void htmxGetsTheContentOnlyAndErrorsStayBesideTheFields() throws Exception {
        var owner = fixtures.owner();
        var ana = fixtures.member(owner, Role.EDITOR);
        long productId = fixtures.product(owner, "Atlas").id();
        String location = mvc.perform(post("/products/" + productId + "/strategy/sessions").with(owner.session()).with(csrf())
                        .param("title", "S").param("startDate", "2026-03-02"))
                .andReturn().getResponse().getRedirectedUrl();
        long sessionId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post(location + "/approvers").with(owner.session()).with(csrf()).param("phase", "positioning")
                        .param("userIds", String.valueOf(ana.userId())).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location + "/positioning").with(owner.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<!DOCTYPE html>"))))
                .andExpect(content().string(containsString("id=\"strategy-page\"")));
        // signing off too early lists what is missing, and nothing is written
        mvc.perform(post(location + "/positioning/sign-off").with(ana.session()).with(csrf()).header("HX-Request", "true")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Write the synthesis note")));
        long signOffs = jdbc.sql("select count(*) from session_sign_off where session_id = :id").param("id", sessionId)
                .query(Long.class).single();
        assertThat(signOffs).isZero();
        // a non-approver sees the refusal on the page (403 without htmx)
        mvc.perform(post(location + "/positioning/sign-off").with(owner.session()).with(csrf()).param("version", "1"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Only the named approvers of Positioning")));
    }

    @Test
    void aNegativeMarketInputIsShownBesideItsField() throws Exception {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas").id();
        String location = mvc.perform(post("/products/" + productId + "/strategy/sessions").with(owner.session()).with(csrf())
                        .param("title", "S").param("startDate", "2026-03-02"))
                .andReturn().getResponse().getRedirectedUrl();
        // market sizing is locked: the page says so, with 409, and nothing is written
        mvc.perform(post(location + "/market-sizing/model").with(owner.session()).with(csrf()).param("marketVersion", "0")
                        .param("currency", "EUR").param("topDown.marketFigure.value", "-5").param("topDown.marketFigure.source", "x"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("must be zero or more")));
        mvc.perform(post(location + "/market-sizing/model").with(owner.session()).with(csrf()).param("marketVersion", "0")
                        .param("currency", "EUR").param("topDown.marketFigure.value", "5").param("topDown.marketFigure.source", "x")
                        .param("topDown.segmentShare.value", "10").param("topDown.segmentShare.source", "x")
                        .param("topDown.reachableShare.value", "10").param("topDown.reachableShare.source", "x")
                        .param("topDown.achievableShare.value", "10").param("topDown.achievableShare.source", "x"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Market sizing is locked")));
    }

    @Test
    void aViewerReadsEveryPageOfAFreshSessionAndItsBrief() throws Exception {
        var owner = fixtures.owner();
        var viewer = fixtures.member(owner, Role.VIEWER);
        long productId = fixtures.product(owner, "Atlas").id();
        String location = mvc.perform(post("/products/" + productId + "/strategy/sessions").with(owner.session()).with(csrf())
                        .param("title", "Fresh <session>").param("startDate", "2026-03-02"))
                .andReturn().getResponse().getRedirectedUrl();
        for (String page : new String[] {"", "/positioning", "/problem-framing", "/problem-statements", "/market-sizing",
                "/roadmap-planning", "/brief"}) {
            mvc.perform(get(location + page).with(viewer.session()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Fresh &lt;session&gt;")))
                    .andExpect(content().string(not(containsString("Save positioning"))));
        }
        byte[] pdf = mvc.perform(get(location + "/brief.pdf").with(viewer.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
        mvc.perform(get(location + "/brief.md").with(viewer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("# Fresh \\<session\\>")));
        // a viewer cannot change anything, and is told so
        mvc.perform(post(location + "/problem-framing/canvas").with(viewer.session()).with(csrf()).param("version", "0")
                        .param("problem", "x"))
                .andExpect(status().isForbidden());
    }
}
