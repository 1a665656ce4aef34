/**
 * The command-line tools in the same jar ({@code ./truenorth <command>}): talks to a server's REST API
 * with a personal API token, or lints and renders a roadmap file offline with the server's own plain-Java
 * code (the health rules, the audience redaction and exports, the timeline drawing); starts no server itself.
 * {@code reindex --data} runs the text module's rebuild on a stopped instance's database, in the application
 * without its web server.
 */
@ApplicationModule(allowedDependencies = {"health :: rules", "views", "roadmap", "roadmap :: render", "text"})
package app.truenorth.cli;

import org.springframework.modulith.ApplicationModule;
