package app.truenorth.health.web;

import app.truenorth.platform.web.FormErrors;

/** A dismissal form as typed, so a refused one opens again beside its finding with the message. */
public record DismissForm(long antiGoalId, long initiativeId, String reason, FormErrors errors) {

    public boolean isFor(long goal, long initiative) {
        return antiGoalId == goal && initiativeId == initiative;
    }
}
