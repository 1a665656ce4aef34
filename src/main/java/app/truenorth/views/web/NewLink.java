package app.truenorth.views.web;

/** One created link's address, shown once right after it is made. */
public record NewLink(String label, String url) {
}
