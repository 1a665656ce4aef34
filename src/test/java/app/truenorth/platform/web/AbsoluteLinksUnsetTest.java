package app.truenorth.platform.web;

import static app.truenorth.platform.web.AbsoluteLinksTest.form;
import static app.truenorth.platform.web.AbsoluteLinksTest.json;
import static app.truenorth.platform.web.AbsoluteLinksTest.links;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without {@code truenorth.base-url}, links follow the Host header of the request that makes them (the documented fallback). */
@IntegrationTest
class AbsoluteLinksUnsetTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void unsetLinksFollowTheHostHeader() throws Exception {
        List<String> links = linksMadeWithHost(mvc, fixtures, "team.example.org");
        assertThat(links).hasSize(5).allSatisfy(link -> assertThat(link).startsWith("http://team.example.org/"));
    }

    /** Makes a share link and an invitation through the API and the pages, and an API token on its page, all with {@code host}. */
    static List<String> linksMadeWithHost(MockMvc mvc, Fixtures fixtures, String host) throws Exception {
        var owner = fixtures.owner();
        long productId = fixtures.product(owner, "Linked").id();
        String token = fixtures.token(owner);
        List<String> found = new ArrayList<>();

        var apiLink = mvc.perform(json("/api/v1/products/" + productId + "/views/links", token,
                "{\"audience\":\"CUSTOMER\",\"label\":\"Advisory board\"}").header("Host", host)).andReturn().getResponse();
        assertThat(apiLink.getStatus()).as(apiLink.getContentAsString()).isEqualTo(201);
        found.addAll(links(apiLink.getContentAsString(), "/share/"));

        var pageLink = mvc.perform(form("/products/" + productId + "/views/links", owner).header("Host", host)
                .param("audience", "customer").param("label", "Board")).andReturn().getResponse();
        assertThat(pageLink.getStatus()).isEqualTo(200);
        found.addAll(links(pageLink.getContentAsString(), "/share/"));

        var apiInvite = mvc.perform(json("/api/v1/invitations", token, "{\"role\":\"VIEWER\"}").header("Host", host))
                .andReturn().getResponse();
        assertThat(apiInvite.getStatus()).as(apiInvite.getContentAsString()).isEqualTo(201);
        found.addAll(links(apiInvite.getContentAsString(), "/invite/"));

        var pageInvite = mvc.perform(form("/workspace/invitations", owner).header("Host", host).param("role", "VIEWER"))
                .andReturn().getResponse();
        assertThat(pageInvite.getStatus()).isEqualTo(200);
        found.addAll(links(pageInvite.getContentAsString(), "/invite/"));

        var tokens = mvc.perform(form("/account/tokens", owner).header("Host", host).param("name", "CLI")).andReturn().getResponse();
        assertThat(tokens.getStatus()).isEqualTo(200);
        found.addAll(links(tokens.getContentAsString(), "/api/v1"));
        return found;
    }
}
