package dev.headroom.engine.transform;

import dev.headroom.engine.transform.diff.DiffCompressor;
import dev.headroom.engine.transform.git.GitLogCompressor;
import dev.headroom.engine.transform.json.JsonCompressor;
import dev.headroom.engine.transform.log.LogCompressor;
import dev.headroom.engine.transform.search.SearchCompressor;
import dev.headroom.engine.transform.text.TextCompressor;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sends each tool output to the compressor for its content type. Types without a dedicated compressor
 * (code, HTML, prose) go to the text compressor, which only re-encodes losslessly unless an optional
 * engine (code or prose) has been registered for them with {@link #with(ContentType, Compressor)}.
 */
public final class ContentRouter {

    private final Map<ContentType, Compressor> compressors;

    private ContentRouter(Map<ContentType, Compressor> compressors) {
        this.compressors = compressors;
    }

    /** The built-in compressors. */
    public static ContentRouter standard() {
        Map<ContentType, Compressor> m = new EnumMap<>(ContentType.class);
        TextCompressor text = new TextCompressor();
        m.put(ContentType.JSON, new JsonCompressor());
        m.put(ContentType.LOG, new LogCompressor());
        m.put(ContentType.SEARCH, new SearchCompressor());
        m.put(ContentType.DIFF, new DiffCompressor());
        m.put(ContentType.GIT_LOG, new GitLogCompressor());
        m.put(ContentType.CODE, text);
        m.put(ContentType.HTML, text);
        m.put(ContentType.TEXT, text);
        return new ContentRouter(m);
    }

    /** A copy of this router that uses {@code compressor} for {@code type}. */
    public ContentRouter with(ContentType type, Compressor compressor) {
        Map<ContentType, Compressor> m = new EnumMap<>(compressors);
        m.put(type, compressor);
        return new ContentRouter(m);
    }

    /** The detected type and the compressor's result (null when it could not help). */
    public Routed route(String text, TransformContext context) {
        Envelope envelope = Envelope.split(text);
        if (envelope != null && !envelope.body().isEmpty()) {
            Routed inner = routeBody(envelope.body(), context);
            TransformResult r = inner.result();
            return new Routed(inner.type(), r == null ? null
                    : new TransformResult(envelope.header() + r.text(), r.transform(), r.lossy()));
        }
        return routeBody(text, context);
    }

    private Routed routeBody(String text, TransformContext context) {
        ContentType type = ContentDetector.detect(text);
        TransformResult result = compress(compressors.get(type), text, context);
        if (result == null && type == ContentType.JSON) {
            // Text that starts like JSON but is not (a JSON log line followed by prose, say).
            type = ContentType.TEXT;
            result = compress(compressors.get(type), text, context);
        }
        return new Routed(type, result);
    }

    /** An error output goes to a compressor that cannot select around its error lines as lossless. */
    private static TransformResult compress(Compressor compressor, String text, TransformContext context) {
        TransformContext c = context.errorOutput() && !context.lossless() && !compressor.selectsAroundErrors()
                ? context.withLossless(true) : context;
        return compressor.compress(text, c);
    }

    /** A routing outcome. */
    public record Routed(ContentType type, TransformResult result) {
    }
}
