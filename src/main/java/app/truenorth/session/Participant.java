package app.truenorth.session;

/** A person taking part in a session, by user id with the name shown on pages and in the brief. */
public record Participant(long userId, String name) {
}
