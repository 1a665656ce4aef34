package app.truenorth.health;

import app.truenorth.health.rules.Thresholds;

/** A product's thresholds with the version an update must name; version 0 means the defaults, never saved. */
public record StoredThresholds(long productId, Thresholds thresholds, int version) {

    public boolean defaults() {
        return version == 0;
    }
}
