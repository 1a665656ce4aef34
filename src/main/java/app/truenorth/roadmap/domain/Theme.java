package app.truenorth.roadmap.domain;

/** A broad area of investment that groups initiatives ("Self-serve onboarding"). */
public record Theme(long id, String name, String description) {
}
