/**
 * The roadmap's drawings as plain Java with no Spring: the timeline SVG that the roadmap page, the
 * audience views, their exports and the offline {@code truenorth render} command all use, and the
 * names of the roadmap's formats.
 */
@NamedInterface("render")
package app.truenorth.roadmap.render;

import org.springframework.modulith.NamedInterface;
