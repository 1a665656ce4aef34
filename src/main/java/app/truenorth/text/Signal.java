package app.truenorth.text;

/** Which evidence carried a match. */
public enum Signal {
    /** The texts share significant words, and those words mean the same in both. */
    SHARED_WORDS,
    /** The texts say the same thing in different words: the sentence-embedding model found it. */
    MEANING,
    /** Both: shared words and a close meaning. */
    BOTH,
    /** Nothing carried it: the score is low. */
    NONE
}
