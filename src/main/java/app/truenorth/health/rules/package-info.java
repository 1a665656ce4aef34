/**
 * The health rules and the roadmap-as-code reader as plain Java with no Spring, so the server and the
 * offline {@code truenorth lint} command run exactly the same checks.
 */
@NamedInterface("rules")
package app.truenorth.health.rules;

import org.springframework.modulith.NamedInterface;
