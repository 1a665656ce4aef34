/**
 * The roadmap's rules as plain Java, with no Spring: the model, the prioritisation scores, the
 * dependency analysis and the snapshot diff. The CLI and the health module reuse it, so it is the
 * module's published analysis interface.
 */
@NamedInterface("domain")
package app.truenorth.roadmap.domain;

import org.springframework.modulith.NamedInterface;
