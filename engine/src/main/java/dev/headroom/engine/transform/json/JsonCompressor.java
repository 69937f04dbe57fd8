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
            return JsonLines.compress(text, context);
        }
        TransformResult r = encode(root, text.length(), context);
        return r.lossy() || r.text().length() < text.length() ? r : null;
    }

    /**
     * The encoding of a parsed tree ({@code sourceLength}: the length of the text it came from): minified with
     * tables, and with rows selected behind markers when lossy compression is allowed and that is still over the
     * budget. Never null; the caller decides whether it is worth using.
     */
    static TransformResult encode(Object root, int sourceLength, TransformContext context) {
        boolean mayDrop = !context.lossless();
        TableEncoder lossless = TableEncoder.lossless(root, Math.min(sourceLength, 1 << 20), mayDrop);
        String losslessTransform = lossless.tables() > 0 ? "json.minify+json.table" : "json.minify";
        if (!mayDrop || lossless.length() <= context.maxOutputChars()) {
            return TransformResult.lossless(withLegend(lossless, lossless.text()), losslessTransform);
        }
        LossyPlan plan = LossyPlan.from(lossless, context);
        TableEncoder lossy = TableEncoder.withPlan(root, Math.min(lossless.length(), context.maxOutputChars() * 2), plan);
        if (plan.rowMarkers() + plan.blobMarkers() + plan.stringsCompressed() == 0
                || lossy.length() >= lossless.length()) {
            return TransformResult.lossless(withLegend(lossless, lossless.text()), losslessTransform);
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
        return new TransformResult(withLegend(lossy, lossy.text()), transform.toString(), dropped);
    }

    /** {@code text} after the defaults legend when its tables state column defaults. */
    private static String withLegend(TableEncoder encoder, String text) {
        return encoder.defaultsUsed() ? TableEncoder.DEFAULTS_LEGEND + "\n" + text : text;
    }
}
