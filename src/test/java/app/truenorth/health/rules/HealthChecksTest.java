package app.truenorth.health.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 14);
    static final StrategicLink LINK = new StrategicLink(LinkKind.PROBLEM_STATEMENT, 1, "Dispatchers re-plan by hand");

    /** A healthy initiative; tests change one thing at a time. */
    static Initiative item(long id, Horizon horizon) {
        return new Initiative(id, "Initiative " + id, "Cuts the time from a new order to a loaded van", 1L, List.of(10L), horizon, Stage.DISCOVERY,
                "Routing", EffortRange.of("4", "6"), 70, quarter(horizon), null, null, Visibility.INTERNAL, LINK, null);
    }

    static Quarter quarter(Horizon horizon) {
        Quarter q = Quarter.of(TODAY);
        return horizon == Horizon.NOW ? q : horizon == Horizon.NEXT ? q.next() : q.next().next();
    }

    static List<Initiative> cleanItems() {
        return List.of(item(1, Horizon.NOW), item(2, Horizon.NEXT), item(3, Horizon.NEXT), item(4, Horizon.LATER),
                item(5, Horizon.LATER));
    }

    record Roadmap(List<Initiative> items, List<Dependency> deps, LocalDate reviewed, LocalDate snapshot,
            Map<Long, LocalDate> activity, List<AudienceLinks> audiences, List<String> antiGoals) {

        HealthInput input() {
            return new HealthInput(items, deps, 30, reviewed, snapshot, activity, audiences, antiGoals, TODAY);
        }
    }

    static Roadmap clean() {
        return new Roadmap(cleanItems(), List.of(Dependency.between(1, 2, 1)), TODAY.minusDays(3), null,
                Map.of(1L, TODAY.minusDays(2)),
                List.of(new AudienceLinks("executive", "Executive one-pager", false, false, 2),
                        new AudienceLinks("customer", "Customer roadmap", true, true, 5)),
                List.of("Hire more dispatchers to re-plan routes by hand"));
    }

    static List<Finding> findings(Roadmap roadmap, Thresholds thresholds, Rule rule) {
        return HealthChecks.run(roadmap.input(), thresholds).findings().stream().filter(f -> f.rule() == rule).toList();
    }

    static List<Finding> findings(Roadmap roadmap, Rule rule) {
        return findings(roadmap, Thresholds.DEFAULTS, rule);
    }

    static Roadmap withItems(Roadmap r, UnaryOperator<List<Initiative>> change) {
        return new Roadmap(change.apply(new ArrayList<>(r.items())), r.deps(), r.reviewed(), r.snapshot(), r.activity(), r.audiences(),
                r.antiGoals());
    }

    static Initiative copy(Initiative i, Long themeId, List<Long> objectives, EffortRange effort, LocalDate start, LocalDate end,
            StrategicLink link, String title) {
        return new Initiative(i.id(), title, i.description(), themeId, objectives, i.horizon(), i.stage(), i.team(), effort,
                i.confidence(), i.quarter(), start, end, i.visibility(), link, i.scores());
    }

    @Test
    void aCleanRoadmapHasNoFindingsAndScoresFullMarks() {
        HealthReport report = HealthChecks.run(clean().input(), Thresholds.DEFAULTS);
        assertThat(report.findings()).isEmpty();
        assertThat(report.score()).isEqualTo(100);
        assertThat(report.verdict()).isEqualTo("healthy");
    }

    @Test
    void featureListFlagsInitiativesWithNeitherThemeNorObjective() {
        Initiative only = item(3, Horizon.NEXT);
        Roadmap r = withItems(clean(), items -> {
            items.set(2, copy(only, null, List.of(), only.effort(), null, null, LINK, "Dark mode"));
            return items;
        });
        assertThat(findings(r, Rule.FEATURE_LIST)).singleElement().satisfies(f -> {
            assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(3L);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.fix()).isNotBlank();
        });
        // a theme alone, or an objective alone, is enough
        Roadmap themedOnly = withItems(clean(), items -> {
            items.set(2, copy(only, 1L, List.of(), only.effort(), null, null, LINK, only.title()));
            return items;
        });
        assertThat(findings(themedOnly, Rule.FEATURE_LIST)).isEmpty();
    }

    @Test
    void featureListFlagsARoadmapOfFeatureSizedItemsButNotAFewSmallOnes() {
        EffortRange tiny = EffortRange.of("0.5", "1");
        Roadmap one = withItems(clean(), items -> {
            items.set(0, copy(items.get(0), 1L, List.of(10L), tiny, null, null, LINK, "Export button"));
            return items;
        });
        assertThat(findings(one, Rule.FEATURE_LIST)).as("1 of 5 is 20 %, at the limit").isEmpty();
        Roadmap two = withItems(one, items -> {
            items.set(1, copy(items.get(1), 1L, List.of(10L), tiny, null, null, LINK, "Rename a column"));
            return items;
        });
        assertThat(findings(two, Rule.FEATURE_LIST)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(1L, 2L));
        Thresholds lenient = new Thresholds(new BigDecimal("2"), 50, null, 40, 60);
        assertThat(findings(two, lenient, Rule.FEATURE_LIST)).isEmpty();
    }

    @Test
    void deathByDatesFlagsExactDatesOnNextAndLaterButNotOnNow() {
        Roadmap nowDated = withItems(clean(), items -> {
            Initiative i = items.get(0);
            items.set(0, copy(i, 1L, List.of(10L), i.effort(), TODAY, TODAY.plusDays(30), LINK, i.title()));
            return items;
        });
        assertThat(findings(nowDated, Rule.DEATH_BY_DATES)).isEmpty();
        Roadmap laterDated = withItems(clean(), items -> {
            Initiative i = items.get(4);
            items.set(4, copy(i, 1L, List.of(10L), i.effort(), TODAY.plusDays(200), TODAY.plusDays(260), LINK, i.title()));
            return items;
        });
        assertThat(findings(laterDated, Rule.DEATH_BY_DATES)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(5L));
    }

    @Test
    void wishfulThinkingFlagsNowOverCapacityAsAnError() {
        Thresholds capacity = new Thresholds(new BigDecimal("2"), 20, new BigDecimal("4"), 40, 60);
        assertThat(findings(clean(), capacity, Rule.WISHFUL_THINKING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("5 person-weeks").contains("capacity of 4");
        });
        Thresholds enough = new Thresholds(new BigDecimal("2"), 20, new BigDecimal("5"), 40, 60);
        assertThat(findings(clean(), enough, Rule.WISHFUL_THINKING)).isEmpty();
    }

    @Test
    void wishfulThinkingFlagsTooMuchOfTheRoadmapInNow() {
        Roadmap crowded = withItems(clean(), items -> {
            items.set(1, item(2, Horizon.NOW));
            items.set(2, item(3, Horizon.NOW));
            return items;
        });
        assertThat(findings(crowded, Rule.WISHFUL_THINKING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).hasSize(3);
        });
        Roadmap twoOfFive = withItems(clean(), items -> {
            items.set(1, item(2, Horizon.NOW));
            return items;
        });
        assertThat(findings(twoOfFive, Rule.WISHFUL_THINKING)).as("40 % is at the limit").isEmpty();
    }

    @Test
    void disconnectFromRealityFlagsNowItemsWithoutRecentActivityOnly() {
        Roadmap r = clean();
        Map<Long, LocalDate> activity = new HashMap<>(Map.of(1L, TODAY.minusDays(45), 4L, TODAY.minusDays(400)));
        Roadmap stale = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), activity, r.audiences(), r.antiGoals());
        assertThat(findings(stale, Rule.DISCONNECT_FROM_REALITY)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(1L));
        activity.put(1L, TODAY.minusDays(30));
        assertThat(findings(stale, Rule.DISCONNECT_FROM_REALITY)).as("exactly one cadence ago is still fresh").isEmpty();
        Roadmap unknown = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), Map.of(), r.audiences(), r.antiGoals());
        assertThat(findings(unknown, Rule.DISCONNECT_FROM_REALITY)).as("no activity data, no judgement").isEmpty();
    }

    @Test
    void setAndForgetFlagsNoReviewOrSnapshotWithinTheCadence() {
        Roadmap r = clean();
        Roadmap never = new Roadmap(r.items(), r.deps(), null, null, r.activity(), r.audiences(), r.antiGoals());
        assertThat(findings(never, Rule.SET_AND_FORGET)).singleElement().satisfies(f -> assertThat(f.message()).contains("never"));
        Roadmap overdue = new Roadmap(r.items(), r.deps(), TODAY.minusDays(31), TODAY.minusDays(60), r.activity(), r.audiences(),
                r.antiGoals());
        assertThat(findings(overdue, Rule.SET_AND_FORGET)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(TODAY.minusDays(31).toString()));
        Roadmap snapshotted = new Roadmap(r.items(), r.deps(), TODAY.minusDays(90), TODAY.minusDays(10), r.activity(), r.audiences(),
                r.antiGoals());
        assertThat(findings(snapshotted, Rule.SET_AND_FORGET)).as("a recent snapshot counts").isEmpty();
    }

    @Test
    void oneSizeFitsAllFlagsOneViewForSeveralAudiences() {
        Roadmap r = clean();
        Roadmap shared = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(),
                List.of(new AudienceLinks("executive", "Engineering detail", false, false, 1),
                        new AudienceLinks("sales", "Engineering detail", false, false, 3)), r.antiGoals());
        assertThat(findings(shared, Rule.ONE_SIZE_FITS_ALL)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("Engineering detail").contains("2 audiences");
        });
        Roadmap revoked = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(),
                List.of(new AudienceLinks("executive", "Engineering detail", false, false, 1),
                        new AudienceLinks("sales", "Engineering detail", false, false, 0)), r.antiGoals());
        assertThat(findings(revoked, Rule.ONE_SIZE_FITS_ALL)).as("an audience without live links does not count").isEmpty();
    }

    @Test
    void oneSizeFitsAllFlagsCustomersWithoutTheExternalView() {
        Roadmap r = clean();
        Roadmap leaky = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(),
                List.of(new AudienceLinks("customer", "Engineering detail", false, true, 4)), r.antiGoals());
        assertThat(findings(leaky, Rule.ONE_SIZE_FITS_ALL)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        Roadmap none = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(), List.of(), r.antiGoals());
        assertThat(findings(none, Rule.ONE_SIZE_FITS_ALL)).isEmpty();
    }

    @Test
    void oneSizeFitsAllNamesTheLinksEachAudienceHolds() {
        Roadmap r = clean();
        Roadmap shared = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(),
                List.of(new AudienceLinks("Executives", "Engineering", false, false, 1, List.of("Board pack")),
                        new AudienceLinks("Sales", "Engineering", false, false, 2, List.of("Kick-off", "Partner day"))),
                r.antiGoals());
        assertThat(findings(shared, Rule.ONE_SIZE_FITS_ALL)).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("The view “Engineering” is shared with 2 audiences: Executives, Sales.");
            assertThat(f.evidence()).extracting(Evidence::label)
                    .containsExactly("Executives (“Board pack”)", "Sales (“Kick-off”, “Partner day”)");
        });
    }

    @Test
    void everyCustomerLinkToAViewThatIsNotCustomerSafeIsAnErrorEvenBesideASafeOne() {
        Roadmap r = clean();
        Roadmap mixed = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(),
                List.of(new AudienceLinks("Customers and partners", "Customer-facing", true, true, 3, List.of("A", "B", "C")),
                        new AudienceLinks("Customers and partners", "Engineering", false, true, 1, List.of("Acme pilot"))),
                r.antiGoals());
        assertThat(findings(mixed, Rule.ONE_SIZE_FITS_ALL)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("1 share link to a view that is not the customer-safe external one");
            assertThat(f.evidence()).extracting(Evidence::label)
                    .containsExactly("Customers and partners: 1 link to Engineering (“Acme pilot”)");
        });
        Roadmap safeOnly = new Roadmap(r.items(), r.deps(), r.reviewed(), r.snapshot(), r.activity(),
                List.of(new AudienceLinks("Customers and partners", "Customer-facing", true, true, 3, List.of("A", "B", "C")),
                        new AudienceLinks("Customers and partners", "Engineering", false, true, 0, List.of())),
                r.antiGoals());
        assertThat(findings(safeOnly, Rule.ONE_SIZE_FITS_ALL)).as("an audience without live links does not count").isEmpty();
    }

    @Test
    void orphanedInitiativesHaveNoStrategicLink() {
        Roadmap r = withItems(clean(), items -> {
            Initiative i = items.get(3);
            items.set(3, copy(i, 1L, List.of(10L), i.effort(), null, null, null, i.title()));
            return items;
        });
        assertThat(findings(r, Rule.ORPHANED_INITIATIVE)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(4L));
    }

    @Test
    void anInitiativeRepeatingAnAntiGoalsWordsIsAnError() {
        Roadmap r = withItems(clean(), items -> {
            Initiative i = items.get(1);
            items.set(1, copy(i, 1L, List.of(10L), i.effort(), null, null, LINK, "Hire dispatchers so routes get re-planned by hand"));
            return items;
        });
        assertThat(findings(r, Rule.ANTI_GOAL)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(2L);
        });
        Thresholds strict = new Thresholds(new BigDecimal("2"), 20, null, 40, 100);
        assertThat(findings(r, strict, Rule.ANTI_GOAL)).as("not every word of the anti-goal is repeated").isEmpty();
    }

    @Test
    void textSimilarityIsTheShareOfTheAntiGoalsSignificantWords() {
        var goal = TextSimilarity.words("Build a custom integration for every customer");
        assertThat(goal).containsExactlyInAnyOrder("build", "custom", "integration", "customer");
        assertThat(TextSimilarity.containmentPercent(goal, TextSimilarity.words("Custom integrations per customer"))).isEqualTo(75);
        assertThat(TextSimilarity.containmentPercent(goal, TextSimilarity.words("Route optimisation"))).isZero();
    }

    @Test
    void dependencyViolationsReportCyclesAndHorizonOrder() {
        Roadmap r = clean();
        Roadmap cyclic = new Roadmap(r.items(), List.of(Dependency.between(1, 2, 3), Dependency.between(2, 3, 2)), r.reviewed(),
                r.snapshot(), r.activity(), r.audiences(), r.antiGoals());
        assertThat(findings(cyclic, Rule.DEPENDENCY_VIOLATION)).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> {
            assertThat(f.message()).startsWith("Dependency cycle");
            assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactlyInAnyOrder(2L, 3L);
        });
        Roadmap backwards = new Roadmap(r.items(), List.of(Dependency.between(1, 1, 4)), r.reviewed(), r.snapshot(), r.activity(),
                r.audiences(), r.antiGoals());
        assertThat(findings(backwards, Rule.DEPENDENCY_VIOLATION)).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence()).extracting(Evidence::initiativeId).containsExactly(1L);
        });
    }

    @Test
    void theScoreFallsWithSeverityAndReach() {
        Roadmap r = clean();
        Roadmap never = new Roadmap(r.items(), r.deps(), null, null, r.activity(), r.audiences(), r.antiGoals());
        assertThat(HealthChecks.run(never.input(), Thresholds.DEFAULTS).score()).as("one roadmap-level warning").isEqualTo(93);
        Roadmap allOrphans = withItems(never, items -> items.stream()
                .map(i -> copy(i, i.themeId(), i.objectiveIds(), i.effort(), null, null, null, i.title())).toList());
        assertThat(HealthChecks.run(allOrphans.input(), Thresholds.DEFAULTS).score()).as("plus a warning naming every item")
                .isEqualTo(100 - 7 - 14);
    }
}
