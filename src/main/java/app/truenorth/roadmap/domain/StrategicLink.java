package app.truenorth.roadmap.domain;

/**
 * An initiative's link to a positioning differentiator or a problem statement. The strategy session
 * owns those; the roadmap keeps the reference and a label so it reads on its own.
 */
public record StrategicLink(LinkKind kind, long referenceId, String label) {

    public String describe() {
        return kind.label() + ": " + label;
    }
}
