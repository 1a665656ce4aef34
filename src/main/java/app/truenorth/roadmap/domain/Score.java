package app.truenorth.roadmap.domain;

import java.math.BigDecimal;

/** One initiative's score under a method, with the arithmetic spelled out in words. */
public record Score(ScoringMethod method, BigDecimal value, String explanation) {
}
