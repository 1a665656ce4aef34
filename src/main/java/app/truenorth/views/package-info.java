/**
 * Audience views of a product's roadmap: presets that decide what each audience may see, read-only
 * share links for them, and exports in every format, all rendered from one redacted view model. The
 * redaction ({@link app.truenorth.views.AudienceViews}, {@link app.truenorth.views.Preset}) and the exports
 * ({@link app.truenorth.views.ViewExports}) are plain Java, so {@code truenorth render} runs them offline.
 */
@ApplicationModule(allowedDependencies = {"platform", "workspace", "roadmap", "roadmap :: domain", "roadmap :: render"})
package app.truenorth.views;

import org.springframework.modulith.ApplicationModule;
