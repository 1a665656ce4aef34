/**
 * Moving roadmaps in and out of TrueNorth: imports from Jira, Linear, Roadmunk and TrueNorth's own JSON
 * with a preview and dry-run report, and the JSON the CLI pushes and pulls. It writes only through the
 * roadmap module's services (and the health module's, for a roadmap file's anti-goals), so every imported
 * row meets the same rules as one typed in by hand.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "roadmap", "roadmap::domain", "health", "health :: rules"})
package app.truenorth.transfer;

import org.springframework.modulith.ApplicationModule;
