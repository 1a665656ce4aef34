package app.truenorth.health.rules;

import java.util.List;

/**
 * The findings on one roadmap and its score, and the anti-goal matches editors dismissed (which neither
 * count as findings nor cost points, but stay visible with their reasons).
 *
 * <p>The score starts at 100 and each finding takes off its severity's base penalty (error 15, warning 7,
 * note 2) times one plus its reach, the share of the roadmap's initiatives it names (0 to 1): a finding
 * that names every initiative costs twice as much as one about a single item. The result is rounded and
 * kept between 0 and 100. A clean roadmap scores 100.
 */
public record HealthReport(List<Finding> findings, int score, int initiativeCount, List<Dismissed> dismissed) {

    /**
     * An anti-goal match that would be a finding but was dismissed for this initiative.
     *
     * @param evidence the initiative and why it matched, as the finding would show it
     */
    public record Dismissed(String antiGoal, Evidence evidence, String reason) {
    }

    public HealthReport {
        findings = List.copyOf(findings);
        dismissed = dismissed == null ? List.of() : List.copyOf(dismissed);
    }

    static HealthReport of(List<Finding> findings, List<Dismissed> dismissed, int initiativeCount) {
        double penalty = 0;
        for (Finding f : findings) {
            double reach = initiativeCount == 0 ? 0 : Math.min(1.0, (double) f.initiativeCount() / initiativeCount);
            penalty += f.severity().basePenalty() * (1 + reach);
        }
        int score = (int) Math.max(0, Math.min(100, Math.round(100 - penalty)));
        return new HealthReport(findings, score, initiativeCount, dismissed);
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** "healthy", "needs attention" or "at risk", for the page's headline. */
    public String verdict() {
        return score >= 80 ? "healthy" : score >= 50 ? "needs attention" : "at risk";
    }
}
