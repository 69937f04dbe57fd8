package dev.headroom.prose.model;

import java.nio.file.Path;

/** A Kompress model: the ONNX graph and the HF {@code tokenizer.json} that goes with it. */
public record ModelFiles(Path model, Path tokenizer) {

    @Override
    public String toString() {
        return model + " (tokenizer " + tokenizer + ")";
    }
}
