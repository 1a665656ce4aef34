/**
 * Roadmap health: the rules that catch the common roadmap pitfalls, the per-roadmap thresholds they
 * use, the health page and API, and the roadmap-as-code format the command-line linter reads.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "roadmap", "roadmap :: domain"})
package app.truenorth.health;

import org.springframework.modulith.ApplicationModule;
