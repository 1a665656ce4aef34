package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RoadmapPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    Themes themes;
    @Autowired
    Initiatives initiatives;
    @Autowired
    Dependencies dependencies;
    @Autowired
    Snapshots snapshots;

    Fixtures.Person owner;
    long productId;
    String base;
    Stored<app.truenorth.roadmap.domain.Initiative> guided;

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        productId = fixtures.product(owner, "Atlas").id();
        base = "/products/" + productId + "/roadmap";
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            long theme = themes.create(productId, new ThemeInput("Self-serve", "")).value().id();
            guided = initiatives.create(productId, new InitiativeInput("Guided setup", "", theme, List.of(), Horizon.NEXT,
                    Stage.DISCOVERY, "Growth", BigDecimal.ONE, BigDecimal.TWO, 80, "", LocalDate.now(), LocalDate.now().plusDays(30),
                    null, null, null, null, null));
            var billing = initiatives.create(productId, new InitiativeInput("Usage <billing>", "", null, List.of(), Horizon.LATER,
                    Stage.IDEA, "", BigDecimal.ONE, BigDecimal.TWO, 50, "", null, null, null, null, null, null, null));
            dependencies.add(productId, new RoadmapInputs.DependencyInput(guided.value().id(), billing.value().id(), null, null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void everyFormatRendersTheSameInitiatives() throws Exception {
        for (String format : List.of("timeline", "horizon", "theme", "goal", "kanban")) {
            mvc.perform(get(base + "/" + format).with(owner.session()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Guided setup")))
                    .andExpect(content().string(containsString("Usage &lt;billing&gt;")));
        }
        mvc.perform(get(base + "/timeline").with(owner.session()))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("class=\"tl-today\"")))
                .andExpect(content().string(containsString("tl-dep bad"))) // Next depends on Later: drawn as a conflict
                .andExpect(content().string(containsString("tl-bar stage-idea undated")));
        mvc.perform(get("/products/" + productId + "/roadmap").with(owner.session()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Now, Next, Later")));
    }

    @Test
    void filtersAreKeptInTheUrlAndApplied() throws Exception {
        mvc.perform(get(base + "/horizon").param("horizon", "LATER").with(owner.session()))
                .andExpect(content().string(containsString("Usage &lt;billing&gt;")))
                .andExpect(content().string(not(containsString(">Guided setup<"))))
                .andExpect(content().string(containsString("href=\"" + base + "/kanban?horizon=LATER\"")));
        // an unknown filter value is ignored, not an error page
        mvc.perform(get(base + "/kanban").param("stage", "nonsense").with(owner.session())).andExpect(status().isOk());
    }

    @Test
    void viewersSeeTheBoardReadOnlyAndCannotMoveCards() throws Exception {
        var viewer = fixtures.member(owner, Role.VIEWER);
        mvc.perform(get(base + "/horizon").with(viewer.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-editable=\"false\"")))
                .andExpect(content().string(not(containsString("Add initiative"))));
        mvc.perform(post(base + "/initiatives/" + guided.value().id() + "/horizon").param("horizon", "NOW").param("version", "0")
                        .with(viewer.session()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDragSavesAtOnceAndAStaleDragIsReportedNotApplied() throws Exception {
        long id = guided.value().id();
        mvc.perform(post(base + "/initiatives/" + id + "/horizon").param("horizon", "NOW").param("version", "0")
                        .with(owner.session()).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(post(base + "/initiatives/" + id + "/stage").param("stage", "RELEASED").param("version", "0")
                        .with(owner.session()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.stage").value("DISCOVERY"))
                .andExpect(jsonPath("$.message").value(containsString("was not saved")));
    }

    @Test
    void aBadFormComesBackWithTheMessageBesideTheField() throws Exception {
        mvc.perform(post(base + "/initiatives").with(owner.session()).with(csrf())
                        .param("title", "Offline mode").param("horizon", "NOW").param("stage", "IDEA")
                        .param("effortLow", "-3").param("effortHigh", "2").param("confidence", "70").param("visibility", "INTERNAL"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"e-effortLow\">must not be negative")))
                .andExpect(content().string(containsString("value=\"Offline mode\"")));
        mvc.perform(post(base + "/objectives").with(owner.session()).with(csrf())
                        .param("title", "Churn").param("metric", "Monthly churn").param("direction", "DECREASE")
                        .param("baseline", "5").param("target", "8"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("must be below the baseline (5)")));
        mvc.perform(post(base + "/themes").with(owner.session()).with(csrf()).param("name", "Reliability"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base + "/themes"));
        assertThat(roadmapsFor().initiatives()).hasSize(2);
    }

    @Test
    void aFormThatLostItsVersionIsRefusedAsInputAndAStaleOneSaysSomeoneElseChangedIt() throws Exception {
        mvc.perform(post(base + "/reviewed").with(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The form is missing its version")));
        mvc.perform(post(base + "/settings").with(owner.session()).with(csrf())
                        .param("scoringMethod", "nonsense").param("reviewCadenceDays", "a week").param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("must be one of RICE, ICE, WSJF, VALUE_EFFORT")))
                .andExpect(content().string(containsString("must be a whole number of days")));
        assertThat(roadmapsFor().settings().lastReviewedOn()).isNull();
        mvc.perform(post(base + "/reviewed").param("version", "0").with(owner.session()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base + "/analysis"));
        mvc.perform(post(base + "/reviewed").param("version", "0").with(owner.session()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("changed by someone else")));
        mvc.perform(post(base + "/themes/" + roadmapsFor().themes().getFirst().value().id()).with(owner.session()).with(csrf())
                        .param("name", "Renamed without a version"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The form is missing its version")));
        assertThat(roadmapsFor().themes()).extracting(t -> t.value().name()).containsExactly("Self-serve");
    }

    private RoadmapData roadmapsFor() {
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return roadmaps.load(productId);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void snapshotsAndTheirDiffRender() throws Exception {
        mvc.perform(post(base + "/snapshots").with(owner.session()).with(csrf()).param("name", "Board, March"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/snapshots").with(owner.session()).with(csrf()).param("name", " "))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("must not be blank")));
        mvc.perform(post(base + "/initiatives/" + guided.value().id() + "/horizon").param("horizon", "NOW").param("version", "0")
                .with(owner.session()).with(csrf())).andExpect(status().isOk());
        long snapshot = roadmapsForSnapshots();
        mvc.perform(get(base + "/diff").param("from", String.valueOf(snapshot)).with(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“Guided setup” moved from Next to Now")));
        mvc.perform(get(base + "/traceability").with(owner.session()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("no differentiator or problem statement")));
        mvc.perform(get(base + "/analysis").with(owner.session()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is in Now but depends on")));
        mvc.perform(get(base + "/initiatives/" + guided.value().id()).with(owner.session()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Usage &lt;billing&gt;")));
    }

    private long roadmapsForSnapshots() {
        var user = owner.principal();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return snapshots.list(productId).getFirst().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
