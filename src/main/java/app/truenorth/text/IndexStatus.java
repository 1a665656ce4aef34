package app.truenorth.text;

import java.time.Instant;

/**
 * The state of this node's text index.
 *
 * @param modelId           the embedding model in use
 * @param documents         documents stored in the database, all workspaces
 * @param waitingForVectors documents whose vectors are missing or from another model (being embedded)
 * @param state             whether the index answers queries or a rebuild is under way
 * @param appliedChange     the last change this node's index applied
 * @param latestChange      the latest change recorded in the database
 * @param builtAt           when this node's index was last built from the database (null: never)
 */
public record IndexStatus(String modelId, long documents, long waitingForVectors, State state, long appliedChange,
        long latestChange, Instant builtAt) {

    public enum State {
        /** The index answers queries and is current up to {@code appliedChange}. */
        READY,
        /** Being rebuilt; queries meanwhile compare the stored vectors directly. */
        REBUILDING
    }
}
