package app.truenorth.text;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The text index: owners of text (initiatives, feedback, cards) index their documents in their own
 * writing transaction and ask for the documents most like a text. Each document is kept in the
 * database with its sentence vectors (so a restart or another node does not embed it again), and in
 * this node's search index, which is derived from the database and rebuilt from it when missing.
 * Every query is limited to one workspace and one kind.
 */
@Service
public class TextIndex {

    /** Receives a long job's progress. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    TextIndex() {
    }

    /**
     * Adds or replaces a document. Call it inside the transaction that writes the owner's text: the
     * document and its vectors are written in that transaction, and the search index follows when it
     * commits (nothing changes when it rolls back). Text of any size or script is accepted; very long
     * text is cut at a documented limit.
     */
    public void index(TextDoc doc) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Removes a document, in the caller's transaction; nothing happens when it is not indexed. */
    public void remove(String kind, long workspaceId, String id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Removes every document of a workspace (the workspace is deleted, or replaced by a restore). */
    public void removeWorkspace(long workspaceId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The {@code k} documents of {@code kind} in the workspace most like {@code text}, best first, with
     * their scores (0–1) and evidence. Found by their words and by their meaning, so a paraphrase that
     * shares no word is found too. Empty for an empty text or an empty workspace.
     */
    public List<Match> similar(long workspaceId, String kind, String text, int k) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * {@code statement} against each listed document of {@code kind} in the workspace, best first:
     * the same scores and evidence as {@link PairScorer#score(String, String, String)} on the texts, but
     * from the stored vectors. Ids that are not indexed are left out.
     */
    public List<Match> compare(long workspaceId, String kind, String statement, Collection<String> ids) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Rebuilds this node's search index from the database, embedding again the documents whose
     * vectors are missing or come from another model. Queries keep working meanwhile.
     */
    public RebuildReport rebuild(Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The index's state on this node. */
    public IndexStatus status() {
        throw new UnsupportedOperationException("not yet");
    }
}
