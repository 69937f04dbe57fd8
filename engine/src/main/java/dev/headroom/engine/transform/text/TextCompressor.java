package dev.headroom.engine.transform.text;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/**
 * Prose, code, HTML and anything unrecognised. Losslessly: the shared normalizer, then identical
 * consecutive lines folded with a count ({@link DuplicateLines}). Lossy, only when allowed and the text is
 * still over the output budget: long opaque blobs (base64, hex) become retrieval markers.
 */
public final class TextCompressor implements Compressor {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        StringBuilder transform = new StringBuilder();
        String out = TextNormalizer.normalize(text);
        if (out != text) {
            transform.append("text.normalize");
        }
        String folded = DuplicateLines.foldText(out);
        if (folded != out) {
            append(transform, "text.fold");
            out = folded;
        }
        boolean lossy = false;
        if (!context.lossless() && out.length() > context.maxOutputChars()) {
            String blobs = OpaqueBlobs.replace(out, context);
            if (blobs != out) {
                append(transform, "text.blobs");
                out = blobs;
                lossy = true;
            }
        }
        if (out.equals(text)) {
            return null;
        }
        return new TransformResult(out, transform.toString(), lossy);
    }

    private static void append(StringBuilder transform, String name) {
        if (transform.length() > 0) {
            transform.append('+');
        }
        transform.append(name);
    }
}
