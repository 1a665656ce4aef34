package app.truenorth.views.web;

/** The new-link form as posted. */
public record LinkForm(String audience, String label, String expiresOn, String password) {
}
