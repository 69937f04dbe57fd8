package dev.headroom.engine.transform.json;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/**
 * Compresses tool outputs that are one JSON object or array.
 *
 * <p>Lossless first: the tree is re-written minified, with every uniform array of objects as a compact
 * table ({@link TableEncoder}); {@link JsonTableDecoder} reads that back to the same tree. Only when
 * lossy compression is allowed and the lossless text is still over the context's budget does it select
 * rows (the shared {@link dev.headroom.engine.transform.rows.RowSelector}, through {@link JsonRows}), replace opaque blobs, and send long strings (a log or file wrapped in
 * JSON) through the content router with their share of the budget, leaving one retrieval marker per
 * shortened array and per blob. Text that does not parse returns null, so the router falls back to the
 * text compressor.
 */
public final class JsonCompressor implements Compressor {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        try {
            return compressTree(text, context);
        } catch (StackOverflowError e) {
            return null; // absurdly deep nesting: keep the original rather than fail the request
        }
    }

    private TransformResult compressTree(String text, TransformContext context) {
        Object root = JsonTreeParser.parseContainer(text);
        if (root == null) {
            return null;
        }
        boolean mayDrop = !context.lossless();
        TableEncoder lossless = TableEncoder.lossless(root, Math.min(text.length(), 1 << 20), mayDrop);
        String losslessTransform = lossless.tables() > 0 ? "json.minify+json.table" : "json.minify";
        if (!mayDrop || lossless.length() <= context.maxOutputChars()) {
            return smaller(lossless.text(), losslessTransform, text);
        }
        LossyPlan plan = LossyPlan.from(lossless, context);
        TableEncoder lossy = TableEncoder.withPlan(root, Math.min(lossless.length(), context.maxOutputChars() * 2), plan);
        if (plan.rowMarkers() + plan.blobMarkers() + plan.stringsCompressed() == 0
                || lossy.length() >= lossless.length()) {
            return smaller(lossless.text(), losslessTransform, text);
        }
        StringBuilder transform = new StringBuilder(losslessTransform);
        if (plan.rowMarkers() > 0) {
            transform.append("+json.select");
        }
        if (plan.blobMarkers() > 0) {
            transform.append("+json.blob");
        }
        if (plan.stringsCompressed() > 0) {
            transform.append("+json.strings");
        }
        boolean dropped = plan.rowMarkers() + plan.blobMarkers() + plan.stringsLossy() > 0;
        return dropped ? TransformResult.lossy(lossy.text(), transform.toString())
                : smaller(lossy.text(), transform.toString(), text);
    }

    /** The result when it is shorter than the input, else null (never inflate, never churn). */
    private static TransformResult smaller(String out, String transform, String original) {
        return out.length() < original.length() ? TransformResult.lossless(out, transform) : null;
    }
}
