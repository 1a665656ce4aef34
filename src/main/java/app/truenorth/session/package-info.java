/**
 * The strategy session: five gated phases from positioning to roadmap planning, with their artifacts,
 * sign-offs, synthesis notes, the week-by-week plan and the strategy brief. Uses the market module for
 * market sizing (market knows nothing of sessions) and publishes {@link app.truenorth.session.RoadmapHandedOff}.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "market"})
package app.truenorth.session;

import org.springframework.modulith.ApplicationModule;
