/**
 * Market sizing for a strategy session: TAM/SAM/SOM by top-down, bottom-up and value-theory models
 * with cited inputs, exact money arithmetic shown step by step, scenarios, reconciliation and the
 * go/no-go gate threshold. The arithmetic is plain Java so the CLI can use it without a server; the
 * session module drives it (market never calls back into session, so there is no cycle).
 */
@ApplicationModule(allowedDependencies = "platform")
package app.truenorth.market;

import org.springframework.modulith.ApplicationModule;
