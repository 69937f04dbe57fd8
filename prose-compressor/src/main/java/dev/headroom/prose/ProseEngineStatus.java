package dev.headroom.prose;

import dev.headroom.prose.model.ModelFiles;

/**
 * Where the prose engine stands, for {@code doctor} and reports.
 *
 * @param state  the current state
 * @param reason what it is doing or why it cannot run, in words that say what to do
 * @param model  the model in use, or null until one is loaded
 */
public record ProseEngineStatus(State state, String reason, ModelFiles model) {

    /** Life cycle: prose passes through in every state but {@link #READY}. */
    public enum State {
        /** Not started: {@link ProseEngine#startInBackground()} has not been called. */
        IDLE,
        /** Loading the model and tokenizer from disk. */
        LOADING,
        /** Fetching the model from the hub in the background. */
        DOWNLOADING,
        /** Compressing prose. */
        READY,
        /** Cannot run here; {@code reason} says why. */
        UNAVAILABLE
    }

    public boolean available() {
        return state == State.READY;
    }

    @Override
    public String toString() {
        return "prose engine (Kompress) " + state.name().toLowerCase() + ": " + reason;
    }
}
