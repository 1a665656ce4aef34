package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.session.StrategyArtifacts;
import app.truenorth.session.StrategyArtifacts.DifferentiatorRef;
import app.truenorth.session.StrategyArtifacts.ProblemStatementRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The roadmap's view of the strategy it links to: the live text of each differentiator and problem
 * statement of a product's strategy sessions, read through {@link StrategyArtifacts}. A link keeps the
 * label it had when it was made, shown only when its differentiator or problem statement is gone.
 * Callers pass the workspace they have already checked access to.
 */
@Service
public class StrategyLinks {

    /** The most a stored label holds (the column's width). */
    static final int LABEL_MAX = 300;

    private final StrategyArtifacts artifacts;

    StrategyLinks(StrategyArtifacts artifacts) {
        this.artifacts = artifacts;
    }

    /** One choice for an initiative's link picker; {@code value} is "DIFFERENTIATOR:12" or "PROBLEM_STATEMENT:34". */
    public record Choice(String value, LinkKind kind, String text, String sessionTitle) {
    }

    /**
     * An initiative's link as it reads today.
     *
     * @param live false when the differentiator or problem statement is no longer in any session:
     *             {@code text} is then the label stored when the link was made
     */
    public record LiveLink(LinkKind kind, long referenceId, String text, String sessionTitle, String evidence, boolean live) {

        public String describe() {
            return kind.label() + ": " + text;
        }
    }

    /** Every differentiator and problem statement of the product, newest session first. */
    public List<Choice> choices(long workspaceId, long productId) {
        List<Choice> choices = new ArrayList<>();
        for (DifferentiatorRef d : artifacts.differentiators(workspaceId, productId)) {
            choices.add(new Choice(LinkKind.DIFFERENTIATOR.name() + ":" + d.id(), LinkKind.DIFFERENTIATOR, d.text(), d.sessionTitle()));
        }
        for (ProblemStatementRef p : artifacts.problemStatements(workspaceId, productId)) {
            choices.add(new Choice(LinkKind.PROBLEM_STATEMENT.name() + ":" + p.id(), LinkKind.PROBLEM_STATEMENT, p.sentence(),
                    p.sessionTitle()));
        }
        return choices;
    }

    /** The live text of a differentiator or problem statement of the product, if it still exists. */
    public Optional<String> liveText(long workspaceId, long productId, LinkKind kind, long referenceId) {
        return switch (kind) {
            case DIFFERENTIATOR -> artifacts.differentiator(workspaceId, productId, referenceId).map(DifferentiatorRef::text);
            case PROBLEM_STATEMENT -> artifacts.problemStatement(workspaceId, productId, referenceId).map(ProblemStatementRef::sentence);
        };
    }

    /** Each linked initiative's link as it reads today, by initiative id; unlinked initiatives are absent. */
    public Map<Long, LiveLink> resolve(long workspaceId, long productId, List<Initiative> initiatives) {
        if (initiatives.stream().allMatch(i -> i.link() == null)) {
            return Map.of();
        }
        Map<Long, DifferentiatorRef> differentiators = new HashMap<>();
        artifacts.differentiators(workspaceId, productId).forEach(d -> differentiators.put(d.id(), d));
        Map<Long, ProblemStatementRef> statements = new HashMap<>();
        artifacts.problemStatements(workspaceId, productId).forEach(p -> statements.put(p.id(), p));
        Map<Long, LiveLink> links = new LinkedHashMap<>();
        for (Initiative i : initiatives) {
            StrategicLink link = i.link();
            if (link == null) {
                continue;
            }
            LiveLink live = switch (link.kind()) {
                case DIFFERENTIATOR -> {
                    DifferentiatorRef d = differentiators.get(link.referenceId());
                    yield d == null ? null : new LiveLink(link.kind(), link.referenceId(), d.text(), d.sessionTitle(), null, true);
                }
                case PROBLEM_STATEMENT -> {
                    ProblemStatementRef p = statements.get(link.referenceId());
                    yield p == null ? null
                            : new LiveLink(link.kind(), link.referenceId(), p.sentence(), p.sessionTitle(), p.evidence(), true);
                }
            };
            links.put(i.id(), live != null ? live : new LiveLink(link.kind(), link.referenceId(), link.label(), null, null, false));
        }
        return links;
    }

    /** A label short enough to store. */
    static String label(String text) {
        return text.length() <= LABEL_MAX ? text : text.substring(0, LABEL_MAX - 1) + "…";
    }
}
