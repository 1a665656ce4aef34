package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.truenorth.platform.NotFoundException;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.session.Participant;
import app.truenorth.session.Phase;
import app.truenorth.session.PlanningHorizon;
import app.truenorth.session.RoadmapHandedOff;
import app.truenorth.session.StrategyArtifacts;
import app.truenorth.session.StrategyDemo;
import app.truenorth.session.StrategySessions;
import app.truenorth.support.Fixtures;
import app.truenorth.support.Fixtures.Person;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing off roadmap planning puts the session's initiatives on the product's roadmap, once. */
@IntegrationTest
class SessionHandOffTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    StrategyDemo demo;
    @Autowired
    StrategySessions sessions;
    @Autowired
    StrategyArtifacts artifacts;
    @Autowired
    Roadmaps roadmaps;
    @Autowired
    RoadmapHandOff handOff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void signingOffRoadmapPlanningPutsTheInitiativesOnTheRoadmapWithTheirLinksOnce() {
        Person owner = fixtures.owner();
        Person ana = fixtures.member(owner, Role.EDITOR);
        Person ben = fixtures.member(owner, Role.CONTRIBUTOR);
        long productId = fixtures.product(owner, "Atlas Fleet").id();
        long sessionId = demo.seed(owner.workspaceId(), productId, participant(owner), participant(ana), participant(ben),
                LocalDate.now().minusWeeks(3));
        var universalAdapter = artifacts.differentiators(owner.workspaceId(), productId).getFirst();
        var freeVans = artifacts.problemStatements(owner.workspaceId(), productId).getFirst();

        as(ana, () -> sessions.signOff(productId, sessionId, null, Phase.ROADMAP_PLANNING));
        assertThat(initiatives(owner, productId)).as("nothing is handed off before every approver signed").isEmpty();
        as(ben, () -> sessions.signOff(productId, sessionId, null, Phase.ROADMAP_PLANNING));

        await().atMost(Duration.ofSeconds(20)).until(() -> initiatives(owner, productId).size() == 4);
        List<Initiative> onRoadmap = initiatives(owner, productId);
        assertThat(onRoadmap).extracting(Initiative::title).containsExactlyInAnyOrder("Universal telematics adapter",
                "Free-van list for dispatchers", "One-day onboarding", "Dark mode");
        assertThat(onRoadmap).allSatisfy(i -> {
            assertThat(i.stage()).isEqualTo(Stage.IDEA);
            assertThat(i.visibility()).isEqualTo(Visibility.INTERNAL);
        });
        Initiative adapter = find(onRoadmap, "Universal telematics adapter");
        assertThat(adapter.horizon()).isEqualTo(Horizon.NOW);
        assertThat(adapter.effort().low()).isEqualByComparingTo("6");
        assertThat(adapter.effort().high()).isEqualByComparingTo("9");
        assertThat(adapter.quarter()).isNotNull();
        assertThat(adapter.link().kind()).isEqualTo(LinkKind.DIFFERENTIATOR);
        assertThat(adapter.link().referenceId()).isEqualTo(universalAdapter.id());
        assertThat(adapter.link().label()).isEqualTo("works with any telematics box already in the vans");
        Initiative list = find(onRoadmap, "Free-van list for dispatchers");
        assertThat(list.link().kind()).isEqualTo(LinkKind.PROBLEM_STATEMENT);
        assertThat(list.link().referenceId()).isEqualTo(freeVans.id());
        assertThat(find(onRoadmap, "One-day onboarding").horizon()).isEqualTo(Horizon.NEXT);
        assertThat(find(onRoadmap, "Dark mode").link()).as("an orphan stays an orphan").isNull();
        // nobody was signed in on the listener's thread: the trail says the system did it
        assertThat(jdbc.sql("""
                select distinct actor_name from audit_event where workspace_id = :ws and entity_type = 'roadmap_initiative'""")
                .param("ws", owner.workspaceId()).query(String.class).list()).containsExactly("system");

        // the same hand-off again (a re-delivery), now with one more draft: only the new one is added
        var handedOff = as(owner, () -> sessions.get(productId, sessionId)).session().draftInitiatives();
        var again = new ArrayList<>(handedOff);
        again.add(new RoadmapHandedOff.DraftInitiative(handedOff.getLast().sessionInitiativeId() + 1000, "Driver app check-in",
                "", null, null, null, PlanningHorizon.LATER, new BigDecimal("2"), new BigDecimal("3"), null));
        // a draft named like an initiative the roadmap already has is not added twice either
        again.add(new RoadmapHandedOff.DraftInitiative(handedOff.getLast().sessionInitiativeId() + 1001, "dark mode ", "", null,
                null, null, PlanningHorizon.LATER, BigDecimal.ONE, BigDecimal.ONE, null));
        tx.executeWithoutResult(t -> events.publishEvent(new RoadmapHandedOff(owner.workspaceId(), productId, sessionId, again)));

        await().atMost(Duration.ofSeconds(20)).until(() -> initiatives(owner, productId).size() == 5);
        assertThat(initiatives(owner, productId)).extracting(Initiative::title).doesNotHaveDuplicates()
                .contains("Driver app check-in");
        assertThat(find(initiatives(owner, productId), "Universal telematics adapter").id()).isEqualTo(adapter.id());
    }

    @Test
    void aHandOffNamingAProductOfAnotherWorkspaceChangesNothing() {
        Person owner = fixtures.owner();
        Person stranger = fixtures.owner();
        long productId = fixtures.product(owner, "Atlas Fleet").id();
        var draft = new RoadmapHandedOff.DraftInitiative(1L, "Sneaky", "", null, null, null, PlanningHorizon.NOW, BigDecimal.ONE,
                BigDecimal.TWO, null);
        assertThatThrownBy(() -> handOff.receive(stranger.workspaceId(), productId, 1,
                List.of(SessionHandOffListener.input(draft)), List.of(1L))).isInstanceOf(NotFoundException.class);
        assertThat(initiatives(owner, productId)).isEmpty();
    }

    private List<Initiative> initiatives(Person owner, long productId) {
        return as(owner, () -> roadmaps.load(productId).initiativeList());
    }

    private static Initiative find(List<Initiative> initiatives, String title) {
        return initiatives.stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
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
