package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.session.Participant;
import app.truenorth.session.Phase;
import app.truenorth.session.Positioning;
import app.truenorth.session.StrategyArtifacts;
import app.truenorth.session.StrategyDemo;
import app.truenorth.session.StrategySessions;
import app.truenorth.support.Fixtures;
import app.truenorth.support.Fixtures.Person;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Initiatives link to the product's real differentiators and problem statements, and show their current wording. */
@IntegrationTest
class StrategyLinksTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    StrategyDemo demo;
    @Autowired
    StrategySessions sessions;
    @Autowired
    StrategyArtifacts artifacts;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    Initiatives initiatives;

    Person owner;
    long productId;
    long sessionId;
    String base;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        Person ana = fixtures.member(owner, Role.EDITOR);
        Person ben = fixtures.member(owner, Role.CONTRIBUTOR);
        productId = fixtures.product(owner, "Atlas Fleet").id();
        sessionId = demo.seed(owner.workspaceId(), productId, participant(owner), participant(ana), participant(ben),
                LocalDate.now().minusWeeks(3));
        base = "/products/" + productId + "/roadmap";
    }

    @Test
    void theLinkPickerOffersTheSessionsDifferentiatorsAndProblemStatements() throws Exception {
        var differentiator = artifacts.differentiators(owner.workspaceId(), productId).get(1);
        var statement = artifacts.problemStatements(owner.workspaceId(), productId).getFirst();
        mvc.perform(get(base + "/initiatives/new").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"DIFFERENTIATOR:" + differentiator.id() + "\"")))
                .andExpect(content().string(containsString("is live in a day, without an IT project (Fleet visibility strategy)")))
                .andExpect(content().string(containsString("<option value=\"PROBLEM_STATEMENT:" + statement.id() + "\"")))
                .andExpect(content().string(containsString("I am a dispatcher, I am trying to assign the next job")));

        mvc.perform(post(base + "/initiatives").with(owner.session()).with(csrf())
                        .param("title", "Self-serve box pairing").param("horizon", "NEXT").param("stage", "IDEA")
                        .param("effortLow", "3").param("effortHigh", "5").param("confidence", "60").param("visibility", "INTERNAL")
                        .param("link", "DIFFERENTIATOR:" + differentiator.id()))
                .andExpect(status().is3xxRedirection());
        Initiative made = find("Self-serve box pairing");
        assertThat(made.link().kind()).isEqualTo(LinkKind.DIFFERENTIATOR);
        assertThat(made.link().referenceId()).isEqualTo(differentiator.id());
        assertThat(made.link().label()).as("the wording at link time, kept as the fallback").isEqualTo(differentiator.text());

        // a choice that is not one of this product's: the message sits beside the picker, nothing is saved
        mvc.perform(post(base + "/initiatives").with(owner.session()).with(csrf())
                        .param("title", "Ghost link").param("horizon", "NEXT").param("stage", "IDEA")
                        .param("effortLow", "1").param("effortHigh", "2").param("confidence", "60").param("visibility", "INTERNAL")
                        .param("link", "DIFFERENTIATOR:987654321"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"e-link\"")));
        assertThat(as(owner, () -> roadmaps.load(productId).initiativeList())).extracting(Initiative::title)
                .doesNotContain("Ghost link");
    }

    @Test
    void traceabilityShowsTheLiveWordingFallsBackToTheSavedLabelAndListsOrphans() throws Exception {
        var adapter = artifacts.differentiators(owner.workspaceId(), productId).getFirst();
        var agents = artifacts.problemStatements(owner.workspaceId(), productId).getLast();
        as(owner, () -> {
            initiatives.create(productId, initiative("Box adapter", LinkKind.DIFFERENTIATOR, adapter.id()));
            initiatives.create(productId, initiative("Shared ETAs", LinkKind.PROBLEM_STATEMENT, agents.id()));
            return initiatives.create(productId, initiative("Dark mode", null, null));
        });
        assertThat(find("Shared ETAs").link().label()).startsWith("I am a customer service agent");

        // the session moves on: the differentiator is reworded, the agents' statement is dropped
        as(owner, () -> sessions.reopen(productId, sessionId, null, Phase.PROBLEM_STATEMENTS, "Agents are out of scope"));
        as(owner, () -> sessions.removeStatement(productId, sessionId, null, agents.id()));
        as(owner, () -> sessions.reopen(productId, sessionId, null, Phase.POSITIONING, "Sharper wording"));
        Positioning p = as(owner, () -> sessions.get(productId, sessionId)).session().positioning();
        var differentiators = new ArrayList<>(p.differentiators());
        differentiators.set(0, new Positioning.Differentiator(adapter.id(), "reads the telematics boxes already fitted"));
        as(owner, () -> sessions.updatePositioning(productId, sessionId, null, new Positioning(p.targetCustomer(), p.need(),
                p.productName(), p.category(), p.keyBenefit(), p.alternative(), differentiators)));

        mvc.perform(get(base + "/traceability").with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("reads the telematics boxes already fitted")))
                .andExpect(content().string(not(containsString("works with any telematics box already in the vans"))))
                .andExpect(content().string(containsString("I am a customer service agent, I am trying to give customers")))
                .andExpect(content().string(containsString("no longer in the strategy session")))
                .andExpect(content().string(containsString("Linked to something no longer in the strategy")))
                .andExpect(content().string(containsString("Dark mode</a>: no objective, no theme, no differentiator or problem statement")));
        mvc.perform(get("/api/v1/products/" + productId + "/roadmap/traceability")
                        .header("Authorization", Fixtures.bearer(fixtures.token(owner))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chains[?(@.title == 'Box adapter')].strategy.text",
                        hasItem("reads the telematics boxes already fitted")))
                .andExpect(jsonPath("$.chains[?(@.title == 'Box adapter')].strategy.live", hasItem(true)))
                .andExpect(jsonPath("$.chains[?(@.title == 'Shared ETAs')].strategy.live", hasItem(false)))
                .andExpect(jsonPath("$.orphans[*].title", hasItem("Dark mode")));
        long adapterId = find("Box adapter").id();
        mvc.perform(get(base + "/initiatives/" + adapterId).with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("reads the telematics boxes already fitted")))
                .andExpect(content().string(containsString("From the strategy session “Fleet visibility strategy”")));
    }

    private InitiativeInput initiative(String title, LinkKind kind, Long ref) {
        return new InitiativeInput(title, "", null, List.of(), Horizon.NEXT, null, "", BigDecimal.ONE, BigDecimal.TWO, 60, null, null,
                null, null, kind, ref, null, null);
    }

    private Initiative find(String title) {
        return as(owner, () -> roadmaps.load(productId).initiativeList()).stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow();
    }

    private static Participant participant(Person person) {
        return new Participant(person.userId(), person.displayName());
    }

    private static <T> T as(Person person, Supplier<T> action) {
        var user = person.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
