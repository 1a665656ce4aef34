/**
 * The command-line tools in the same jar ({@code ./truenorth <command>}): talks to a server's REST API
 * with a personal API token and starts no server itself.
 */
@ApplicationModule(allowedDependencies = {})
package app.truenorth.cli;

import org.springframework.modulith.ApplicationModule;
