package app.truenorth.health.rules;

import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every health rule over a roadmap. Each rule is a method that adds its findings; all of them
 * are single passes over the initiatives (the dependency rule reuses the roadmap's linear
 * {@link DependencyAnalysis}), so 100,000 initiatives check in well under a second.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    public static HealthReport run(HealthInput in, Thresholds t) {
        return run(in, t, EnumSet.allOf(Rule.class));
    }

    /** Only the given rules: a roadmap file that lacks what the others read runs these. */
    public static HealthReport run(HealthInput in, Thresholds t, Set<Rule> rules) {
        List<Finding> findings = new ArrayList<>();
        if (rules.contains(Rule.FEATURE_LIST)) {
            featureList(in, t, findings);
        }
        if (rules.contains(Rule.DEATH_BY_DATES)) {
            deathByDates(in, findings);
        }
        if (rules.contains(Rule.WISHFUL_THINKING)) {
            wishfulThinking(in, t, findings);
        }
        if (rules.contains(Rule.DISCONNECT_FROM_REALITY)) {
            disconnectFromReality(in, findings);
        }
        if (rules.contains(Rule.SET_AND_FORGET)) {
            setAndForget(in, findings);
        }
        if (rules.contains(Rule.ONE_SIZE_FITS_ALL)) {
            oneSizeFitsAll(in, findings);
        }
        if (rules.contains(Rule.ORPHANED_INITIATIVE)) {
            orphaned(in, findings);
        }
        List<HealthReport.Dismissed> dismissed = new ArrayList<>();
        if (rules.contains(Rule.ANTI_GOAL)) {
            antiGoals(in, t, findings, dismissed);
        }
        if (rules.contains(Rule.DEPENDENCY_VIOLATION)) {
            dependencies(in, findings);
        }
        return HealthReport.of(findings, dismissed, in.initiatives().size());
    }

    static void featureList(HealthInput in, Thresholds t, List<Finding> out) {
        List<Evidence> untraced = new ArrayList<>();
        List<Evidence> small = new ArrayList<>();
        for (Initiative i : in.initiatives()) {
            if (i.themeId() == null && i.objectiveIds().isEmpty()) {
                untraced.add(Evidence.initiative(i.id(), i.title()));
            }
            if (i.effort() != null && i.effort().high().compareTo(t.featureSizeWeeks()) <= 0) {
                small.add(Evidence.initiative(i.id(), i.title()));
            }
        }
        if (!untraced.isEmpty()) {
            out.add(new Finding(Rule.FEATURE_LIST, Severity.WARNING,
                    count(untraced.size(), "initiative") + " serve" + (untraced.size() == 1 ? "s" : "") + " no theme and no objective.",
                    "Put each under the theme it advances and link the objective it should move, or take it off the roadmap "
                            + "and into the backlog.", untraced));
        }
        int n = in.initiatives().size();
        if (n >= Thresholds.MIN_ITEMS_FOR_SHARES && small.size() * 100L > (long) t.maxFeatureSizedPercent() * n) {
            out.add(new Finding(Rule.FEATURE_LIST, Severity.WARNING,
                    percent(small.size(), n) + " of the initiatives (" + small.size() + " of " + n + ") are sized like features (at most "
                            + plain(t.featureSizeWeeks()) + " person-weeks); the limit is " + t.maxFeatureSizedPercent() + " %.",
                    "Group small items into the outcome they serve, or move them to the delivery backlog.", small));
        }
    }

    static void deathByDates(HealthInput in, List<Finding> out) {
        List<Evidence> dated = new ArrayList<>();
        for (Initiative i : in.initiatives()) {
            if (i.horizon() != Horizon.NOW && (i.startDate() != null || i.endDate() != null)) {
                dated.add(Evidence.initiative(i.id(), i.title() + " (" + i.horizon().label() + ", " + i.startDate() + " – "
                        + i.endDate() + ")"));
            }
        }
        if (!dated.isEmpty()) {
            out.add(new Finding(Rule.DEATH_BY_DATES, Severity.WARNING,
                    count(dated.size(), "Next or Later initiative") + " carr" + (dated.size() == 1 ? "ies" : "y")
                            + " exact dates.",
                    "Give Next and Later items a target quarter at most; commit to dates once an item moves to Now.", dated));
        }
    }

    static void wishfulThinking(HealthInput in, Thresholds t, List<Finding> out) {
        List<Evidence> now = new ArrayList<>();
        BigDecimal effort = BigDecimal.ZERO;
        for (Initiative i : in.initiatives()) {
            if (i.horizon() == Horizon.NOW) {
                now.add(Evidence.initiative(i.id(), i.title()));
                if (i.effort() != null) {
                    effort = effort.add(i.effort().midpoint());
                }
            }
        }
        if (t.nowCapacityWeeks() != null && effort.compareTo(t.nowCapacityWeeks()) > 0) {
            out.add(new Finding(Rule.WISHFUL_THINKING, Severity.ERROR,
                    "Now holds " + plain(effort) + " person-weeks of work (effort midpoints) against the teams' capacity of "
                            + plain(t.nowCapacityWeeks()) + ".",
                    "Move the lowest-ranked Now items to Next until the effort fits, or say what capacity is being added.", now));
        }
        int n = in.initiatives().size();
        if (n >= Thresholds.MIN_ITEMS_FOR_SHARES && now.size() * 100L > (long) t.maxNowPercent() * n) {
            out.add(new Finding(Rule.WISHFUL_THINKING, Severity.WARNING,
                    percent(now.size(), n) + " of the roadmap (" + now.size() + " of " + n + " initiatives) is in Now; the limit is "
                            + t.maxNowPercent() + " %.",
                    "Now is a commitment: keep only what the teams are working on there and move the rest to Next.", now));
        }
    }

    static void disconnectFromReality(HealthInput in, List<Finding> out) {
        LocalDate cutoff = in.today().minusDays(in.reviewCadenceDays());
        List<Evidence> stale = new ArrayList<>();
        for (Initiative i : in.initiatives()) {
            if (i.horizon() != Horizon.NOW) {
                continue;
            }
            LocalDate last = in.lastActivity().get(i.id());
            if (last != null && last.isBefore(cutoff)) {
                stale.add(Evidence.initiative(i.id(), i.title() + " (last change " + last + ")"));
            }
        }
        if (!stale.isEmpty()) {
            out.add(new Finding(Rule.DISCONNECT_FROM_REALITY, Severity.WARNING,
                    count(stale.size(), "Now initiative") + " had no status change in the last " + in.reviewCadenceDays()
                            + " days (the review cadence).",
                    "Check in with the teams: update the stage of what moved, and move what nobody works on out of Now.", stale));
        }
    }

    static void setAndForget(HealthInput in, List<Finding> out) {
        LocalDate cutoff = in.today().minusDays(in.reviewCadenceDays());
        LocalDate last = latest(in.lastReviewedOn(), in.lastSnapshotOn());
        if (last == null) {
            out.add(new Finding(Rule.SET_AND_FORGET, Severity.WARNING,
                    "The roadmap has never been reviewed or snapshotted.",
                    "Review it with the team now, mark it reviewed, and save a snapshot so the next review can see what changed.",
                    List.of(Evidence.other("No review, no snapshot"))));
        } else if (last.isBefore(cutoff)) {
            out.add(new Finding(Rule.SET_AND_FORGET, Severity.WARNING,
                    "The roadmap was last reviewed or snapshotted on " + last + ", more than " + in.reviewCadenceDays()
                            + " days (the review cadence) ago.",
                    "Hold the overdue review, mark it reviewed and save a snapshot; shorten the cadence if it keeps slipping.",
                    List.of(Evidence.other("Last review " + (in.lastReviewedOn() == null ? "never" : in.lastReviewedOn())
                            + ", last snapshot " + (in.lastSnapshotOn() == null ? "never" : in.lastSnapshotOn())))));
        }
    }

    static void oneSizeFitsAll(HealthInput in, List<Finding> out) {
        Map<String, Map<String, AudienceLinks>> audiencesByView = new LinkedHashMap<>();
        boolean customersWithLinks = false;
        boolean customersWithExternalView = false;
        int leakedLinks = 0;
        List<Evidence> leaks = new ArrayList<>();
        for (AudienceLinks a : in.audiences()) {
            if (a.linkCount() <= 0) {
                continue;
            }
            audiencesByView.computeIfAbsent(a.view(), v -> new LinkedHashMap<>()).putIfAbsent(a.audience(), a);
            if (a.customers()) {
                customersWithLinks = true;
                if (a.externalView()) {
                    customersWithExternalView = true;
                } else {
                    // every customer link to an internal view leaks, whatever other links customers hold
                    leakedLinks += a.linkCount();
                    leaks.add(Evidence.other(a.audience() + ": " + a.linkCount() + " link" + (a.linkCount() == 1 ? "" : "s") + " to "
                            + a.view() + (a.links().isEmpty() ? ""
                                    : " (" + String.join(", ", a.links().stream().map(l -> "“" + l + "”").toList()) + ")")));
                }
            }
        }
        audiencesByView.forEach((view, audiences) -> {
            if (audiences.size() > 1) {
                out.add(new Finding(Rule.ONE_SIZE_FITS_ALL, Severity.WARNING,
                        "The view “" + view + "” is shared with " + audiences.size() + " audiences: "
                                + String.join(", ", audiences.keySet()) + ".",
                        "Give each audience its own preset: executives want the one-pager, engineering the detail, customers the "
                                + "external view.", audiences.values().stream().map(a -> Evidence.other(a.describe())).toList()));
            }
        });
        if (customersWithLinks && !leaks.isEmpty()) {
            out.add(new Finding(Rule.ONE_SIZE_FITS_ALL, Severity.ERROR,
                    customersWithExternalView
                            ? "Customers hold " + leakedLinks + " share link" + (leakedLinks == 1 ? "" : "s") + " to a view that is not "
                                    + "the customer-safe external one."
                            : "Customers hold share links, but none of them shows the external view.",
                    "Revoke those links and share the customer-facing external view instead: internal names, owners and risks "
                            + "must not reach customers.", leaks));
        }
    }

    static void orphaned(HealthInput in, List<Finding> out) {
        List<Evidence> orphans = new ArrayList<>();
        for (Initiative i : in.initiatives()) {
            if (i.link() == null) {
                orphans.add(Evidence.initiative(i.id(), i.title()));
            }
        }
        if (!orphans.isEmpty()) {
            out.add(new Finding(Rule.ORPHANED_INITIATIVE, Severity.WARNING,
                    count(orphans.size(), "initiative") + " link" + (orphans.size() == 1 ? "s" : "")
                            + " to no differentiator or problem statement.",
                    "Link each to the differentiator or problem statement it serves; if there is none, question why it is on the roadmap.",
                    orphans));
        }
    }

    /**
     * Each declared anti-goal against every initiative's title and description, scored by the text
     * module's pair scorer (the score depends only on the two texts, so the offline linter finds the same).
     * An initiative at least {@code antiGoalMatchPercent} alike is flagged, best match first, unless an
     * editor dismissed that pair and neither text changed since.
     */
    static void antiGoals(HealthInput in, Thresholds t, List<Finding> out, List<HealthReport.Dismissed> dismissed) {
        if (in.antiGoals().isEmpty() || in.initiatives().isEmpty()) {
            return;
        }
        for (String goal : in.antiGoals()) {
            if (goal == null || goal.isBlank()) {
                continue;
            }
            List<AntiGoalMatch> matches = AntiGoalScoring.scoreAll(goal, in.initiatives());
            List<Evidence> found = new ArrayList<>();
            for (int k = 0; k < matches.size(); k++) {
                AntiGoalMatch match = matches.get(k);
                if (match.percent() < t.antiGoalMatchPercent()) {
                    continue;
                }
                Initiative i = in.initiatives().get(k);
                Evidence evidence = new Evidence(i.id(), i.title() + " (" + match.explanation() + ")", match);
                Dismissal dismissal = in.dismissals().stream().filter(d -> d.holdsFor(goal, i)).findFirst().orElse(null);
                if (dismissal != null) {
                    dismissed.add(new HealthReport.Dismissed(goal, evidence, dismissal.reason()));
                } else {
                    found.add(evidence);
                }
            }
            if (!found.isEmpty()) {
                found.sort(java.util.Comparator.comparingInt((Evidence e) -> e.match().percent()).reversed());
                out.add(new Finding(Rule.ANTI_GOAL, Severity.ERROR,
                        count(found.size(), "initiative") + " resemble" + (found.size() == 1 ? "s" : "") + " the anti-goal “"
                                + goal + "”.",
                        "Check it against the strategy: reshape it so it is clearly not the ruled-out solution, or drop it; if it is "
                                + "not what the anti-goal rules out, dismiss the finding with your reason.", found));
            }
        }
    }

    static void dependencies(HealthInput in, List<Finding> out) {
        DependencyAnalysis.Result result = DependencyAnalysis.analyze(in.initiatives(), in.dependencies(),
                DependencyAnalysis.Weight.EFFORT);
        for (DependencyAnalysis.Cycle cycle : result.cycles()) {
            List<Evidence> evidence = new ArrayList<>();
            for (int k = 0; k < cycle.initiativeIds().size(); k++) {
                evidence.add(Evidence.initiative(cycle.initiativeIds().get(k), cycle.titles().get(k)));
            }
            out.add(new Finding(Rule.DEPENDENCY_VIOLATION, Severity.ERROR, "Dependency cycle: " + cycle.describe() + ".",
                    "Break the cycle: one of these must be able to start without the other.", evidence));
        }
        List<Evidence> horizon = new ArrayList<>();
        List<Evidence> dates = new ArrayList<>();
        for (DependencyAnalysis.Flag flag : result.flags()) {
            Evidence e = Evidence.initiative(flag.dependentId(), flag.message());
            (flag.kind() == DependencyAnalysis.FlagKind.HORIZON_ORDER ? horizon : dates).add(e);
        }
        if (!horizon.isEmpty()) {
            out.add(new Finding(Rule.DEPENDENCY_VIOLATION, Severity.ERROR,
                    count(horizon.size(), "dependency", "dependencies") + (horizon.size() == 1 ? " runs" : " run")
                            + " against the horizons: an item waits on one planned later.",
                    "Move the required item forward or the dependent item back, or drop the dependency.", horizon));
        }
        if (!dates.isEmpty()) {
            out.add(new Finding(Rule.DEPENDENCY_VIOLATION, Severity.WARNING,
                    count(dates.size(), "dependency", "dependencies") + (dates.size() == 1 ? " has its dependent item" : " have their dependent items")
                            + " starting before what they need has ended.",
                    "Shift the dependent item's dates after its dependency's end, or plan the overlap explicitly.", dates));
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String count(int n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(int n, String singular, String plural) {
        String text = n + " " + (n == 1 ? singular : plural);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%d %%", Math.round(part * 100.0 / whole));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
