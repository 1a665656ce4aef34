/**
 * The strategic roadmap of a product: themes, objectives, initiatives across the Now/Next/Later
 * horizons, dependencies, risks, prioritisation scores, snapshots and their diffs.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace"})
package app.truenorth.roadmap;

import org.springframework.modulith.ApplicationModule;
