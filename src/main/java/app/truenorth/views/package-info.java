/**
 * Audience views of a product's roadmap: presets that decide what each audience may see, read-only
 * share links for them, and exports in every format, all rendered from one redacted view model.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "roadmap", "roadmap :: domain"})
package app.truenorth.views;

import org.springframework.modulith.ApplicationModule;
