package dev.headroom.engine.transform;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Puts a tool output back together from its pieces: wrapper bytes and cut notices as they were, each payload
 * segment as its compressor returned it (or as it was, when no compressor helped). It also remembers what the
 * unit was mostly made of (the content type with the most original characters) and which transforms ran.
 */
final class Assembly {

    private final StringBuilder out;
    private final Map<ContentType, Integer> chars = new EnumMap<>(ContentType.class);
    private final Set<String> transforms = new LinkedHashSet<>();
    private boolean changed;
    private boolean lossy;
    private boolean wrapped;

    Assembly(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Bytes the agent put around or into the output: kept exactly. */
    void verbatim(String text) {
        out.append(text);
        wrapped = true;
    }

    /** A payload segment of {@code type} and what its compressor made of it (null: kept as it was). */
    void segment(String original, ContentType type, TransformResult result) {
        chars.merge(type, original.length(), Integer::sum);
        if (result == null) {
            out.append(original);
            return;
        }
        out.append(result.text());
        changed |= !result.text().equals(original);
        lossy |= result.lossy();
        for (String t : result.transform().split("\\+")) {
            transforms.add(t);
        }
    }

    /** The content type with the most original characters (TEXT when there was no payload). */
    ContentType type() {
        ContentType best = ContentType.TEXT;
        int most = -1;
        for (Map.Entry<ContentType, Integer> e : chars.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** The whole output, or null when no segment changed. */
    TransformResult result(boolean split) {
        if (!changed) {
            return null;
        }
        String names = String.join("+", transforms);
        if (split) {
            names = "split+" + names;
        }
        if (wrapped) {
            names = "unwrap+" + names;
        }
        return new TransformResult(out.toString(), names, lossy);
    }
}
