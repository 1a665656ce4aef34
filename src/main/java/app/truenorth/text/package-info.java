/**
 * Text matching for every "is this like that?" in TrueNorth: documents indexed by kind and workspace,
 * found again by meaning as well as by their words (BM25 and sentence embeddings in one index), and a
 * plain-Java pair scorer that gives the same figures offline. Nothing outside this module knows how.
 */
@ApplicationModule(allowedDependencies = "platform")
package app.truenorth.text;

import org.springframework.modulith.ApplicationModule;
