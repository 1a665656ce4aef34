package app.truenorth.market;

/** Where a number comes from: a text (report, interview, estimate) and optionally a link. */
public record Citation(String text, String url) {

    public Citation {
        text = text == null ? "" : text.trim();
        url = url == null || url.isBlank() ? null : url.trim();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
