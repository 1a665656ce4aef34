package app.truenorth.session;

/** What a drafted initiative is grounded in. */
public enum LinkKind {
    DIFFERENTIATOR,
    PROBLEM_STATEMENT
}
