package app.truenorth.roadmap.api;

import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.StrategyLinks;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Scoring;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Traceability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of what a roadmap tells on review: the ranking, the dependency analysis and the traceability to the strategy. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class RoadmapAnalysisApi {

    private final Roadmaps roadmaps;
    private final StrategyLinks links;

    RoadmapAnalysisApi(Roadmaps roadmaps, StrategyLinks links) {
        this.roadmaps = roadmaps;
        this.links = links;
    }

    record RankingView(ScoringMethod method, String formula, List<Scoring.Ranked> ranked, List<Scoring.Unscored> unscored) {
    }

    record CycleView(List<Long> initiativeIds, String description) {
    }

    record FlagView(DependencyAnalysis.FlagKind kind, long dependentId, long requiredId, String message) {
    }

    record CriticalPathView(List<Long> initiativeIds, List<String> titles, BigDecimal length, String unit, String description) {
    }

    record AnalysisView(List<CycleView> cycles, List<FlagView> flags, CriticalPathView criticalPath,
            List<DependencyApi.DependencyView> external) {
    }

    /**
     * @param strategy the linked differentiator or problem statement in its current wording ({@code live}
     *                 false: it was removed from its session, and the text is the label saved at link time)
     */
    record ChainView(long initiativeId, String title, List<String> objectives, String theme, InitiativeApi.LinkView link,
            StrategyView strategy, List<String> gaps) {
    }

    record StrategyView(String text, String sessionTitle, boolean live) {
    }

    record TraceabilityView(List<ChainView> chains, List<ChainView> orphans) {
    }

    @GetMapping("/ranking")
    @Operation(summary = "Initiatives ranked by the roadmap's scoring method (or another, as ?method=), each score explained")
    RankingView ranking(@PathVariable long productId, @RequestParam(required = false) ScoringMethod method) {
        RoadmapData data = roadmaps.load(productId);
        ScoringMethod chosen = method == null ? data.settings().scoringMethod() : method;
        Scoring.Ranking ranking = Scoring.rank(chosen, data.initiativeList());
        return new RankingView(chosen, chosen.formula(), ranking.ranked(), ranking.unscored());
    }

    @GetMapping("/analysis")
    @Operation(summary = "Dependency analysis: cycles, horizon and date conflicts, critical path (by EFFORT or DURATION)")
    AnalysisView analysis(@PathVariable long productId,
            @RequestParam(defaultValue = "EFFORT") DependencyAnalysis.Weight weight) {
        RoadmapData data = roadmaps.load(productId);
        DependencyAnalysis.Result result = data.analysis(weight);
        CriticalPathView path = result.criticalPath().map(p -> new CriticalPathView(p.initiativeIds(), p.titles(), p.length(),
                p.weight().unit(), p.describe())).orElse(null);
        List<DependencyApi.DependencyView> external = data.dependencies().stream().filter(d -> !d.value().isOnInitiative())
                .map(DependencyApi.DependencyView::of).toList();
        return new AnalysisView(result.cycles().stream().map(c -> new CycleView(c.initiativeIds(), c.describe())).toList(),
                result.flags().stream().map(f -> new FlagView(f.kind(), f.dependentId(), f.requiredId(), f.message())).toList(),
                path, external);
    }

    @GetMapping("/traceability")
    @Operation(summary = "Each initiative's chain: objectives → theme → differentiator or problem statement; orphans listed")
    TraceabilityView traceability(@PathVariable long productId) {
        RoadmapData data = roadmaps.load(productId);
        var live = links.resolve(data.settings().workspaceId(), productId, data.initiativeList());
        List<ChainView> chains = data.traceability().stream().map(c -> chain(c, live.get(c.initiative().id()))).toList();
        return new TraceabilityView(chains, chains.stream().filter(c -> !c.gaps().isEmpty()).toList());
    }

    private static ChainView chain(Traceability.Chain c, StrategyLinks.LiveLink live) {
        return new ChainView(c.initiative().id(), c.initiative().title(), c.objectives().stream().map(Objective::title).toList(),
                c.theme() == null ? null : c.theme().name(),
                c.link() == null ? null : new InitiativeApi.LinkView(c.link().kind(), c.link().referenceId(), c.link().label()),
                live == null ? null : new StrategyView(live.text(), live.sessionTitle(), live.live()), c.gaps());
    }
}
