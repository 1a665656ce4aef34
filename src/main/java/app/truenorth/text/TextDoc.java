package app.truenorth.text;

/**
 * One document to index: what it is ({@code kind}, a short lower-case name such as {@code "initiative"}
 * or {@code "feedback"}), the workspace it belongs to, its id within that kind, and its text. Queries
 * only ever see documents of the workspace and kind they name.
 *
 * @param kind        a short lower-case name, the same for every document of one kind
 * @param workspaceId the workspace that owns the document
 * @param id          the owner's id for it, unique within kind and workspace
 * @param title       a short heading (may be empty)
 * @param body        the longer text (may be empty); long bodies are matched passage by passage
 */
public record TextDoc(String kind, long workspaceId, String id, String title, String body) {

    public TextDoc {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }
}
