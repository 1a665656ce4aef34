/**
 * The strategic roadmap of a product: themes, objectives, initiatives across the Now/Next/Later
 * horizons, dependencies, risks, the decision log, prioritisation scores, snapshots and their diffs. Takes over the
 * initiatives a strategy session hands off ({@link app.truenorth.session.RoadmapHandedOff}) and shows
 * the live text of the differentiators and problem statements they serve (the session knows nothing
 * of the roadmap).
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "session"})
package app.truenorth.roadmap;

import org.springframework.modulith.ApplicationModule;
