/**
 * Roadmap health: the rules that catch the common roadmap pitfalls, the per-roadmap thresholds and
 * anti-goals they use, the health page and API, and the roadmap-as-code format the command-line linter
 * reads. It reads the views module's live share links; views knows nothing of health.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "roadmap", "roadmap :: domain", "views", "text"})
package app.truenorth.health;

import org.springframework.modulith.ApplicationModule;
