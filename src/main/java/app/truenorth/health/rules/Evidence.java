package app.truenorth.health.rules;

/**
 * One item a finding is about: an initiative (with its id, so pages can link to it) or, with a null
 * id, something that is not an initiative (the roadmap, a share-link audience). An anti-goal finding's
 * initiatives also carry {@code match}: how alike the two texts are and why.
 */
public record Evidence(Long initiativeId, String label, AntiGoalMatch match) {

    public Evidence(Long initiativeId, String label) {
        this(initiativeId, label, null);
    }

    public static Evidence initiative(long id, String title) {
        return new Evidence(id, title);
    }

    public static Evidence other(String label) {
        return new Evidence(null, label);
    }
}
