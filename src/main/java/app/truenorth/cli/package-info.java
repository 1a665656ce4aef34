/**
 * The command-line tools in the same jar ({@code ./truenorth <command>}): talks to a server's REST API
 * with a personal API token, or lints a roadmap file offline with the health rules; starts no server itself.
 */
@ApplicationModule(allowedDependencies = {"health :: rules"})
package app.truenorth.cli;

import org.springframework.modulith.ApplicationModule;
