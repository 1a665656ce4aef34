package app.truenorth.views.web;

/** The new-link form as posted; {@code sharedWith} empty means the view's own audience. */
public record LinkForm(String audience, String sharedWith, String label, String expiresOn, String password) {
}
