/**
 * Cross-cutting infrastructure every feature module builds on: security, the web layout and htmx
 * helpers, problem+json errors, the clock, and the audit trail. Depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package app.truenorth.platform;

import org.springframework.modulith.ApplicationModule;
