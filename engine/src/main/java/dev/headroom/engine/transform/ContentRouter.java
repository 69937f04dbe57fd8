package dev.headroom.engine.transform;

import dev.headroom.engine.transform.diff.DiffCompressor;
import dev.headroom.engine.transform.git.GitLogCompressor;
import dev.headroom.engine.transform.json.JsonCompressor;
import dev.headroom.engine.transform.log.LogCompressor;
import dev.headroom.engine.transform.search.SearchCompressor;
import dev.headroom.engine.transform.text.TextCompressor;

import dev.headroom.engine.transform.json.CutJson;
import dev.headroom.engine.transform.segment.Segment;
import dev.headroom.engine.transform.segment.ShapeRuns;
import dev.headroom.engine.transform.text.LongLines;
import dev.headroom.engine.transform.segment.Segmenter;
import dev.headroom.engine.transform.wrap.Framing;
import dev.headroom.engine.transform.wrap.Unwrapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends each tool output to the compressor for its content type. Types without a dedicated compressor
 * (code, HTML, prose) go to the text compressor, which only re-encodes losslessly unless an optional
 * engine (code or prose) has been registered for them with {@link #with(ContentType, Compressor)}.
 */
public final class ContentRouter {

    /** A routing that shrinks an output by less than this share of its characters calls the balanced fallback. */
    static final double MIN_GAIN = 0.10;
    /** A segment's budget never drops below this many characters. */
    static final int MIN_SEGMENT_BUDGET = 400;

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
        // tables, records and CSV (transform.table)
        m.put(ContentType.TABLE, new dev.headroom.engine.transform.table.TableCompressor());
        m.put(ContentType.CSV, dev.headroom.engine.transform.table.TableCompressor.csv());
        m.put(ContentType.RECORDS, new dev.headroom.engine.transform.table.RecordsCompressor());
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

    /**
     * The detected type and the compressor's result (null when it could not help). The output is first taken
     * apart ({@link Unwrapper}: agent wrappers and cut notices stay verbatim), then each payload piece into its
     * segments ({@link Segmenter}: JSON values among other lines, JSON cut by the client), and each segment goes
     * to the compressor for its type with its share of the budget.
     *
     * <p>In balanced mode, a segment its compressor shrinks by less than {@link #MIN_GAIN} goes to the balanced
     * fallback: the line selector of the log compressor, which keeps the head and tail, the lines that match the
     * question and the lines that look like errors or anomalies, and puts the rest behind markers (the piece of a
     * table after a client's cut, which has no header, say). So no large output passes untouched unless a protection
     * says so.
     */
    public Routed route(String text, TransformContext context) {
        boolean fallback = !context.lossless();
        Framing framing = Unwrapper.frame(text);
        if (framing.isPlain()) {
            List<Segment> segments = Segmenter.split(text, false, false);
            if (segments.size() == 1 && segments.get(0).kind() == Segment.Kind.DETECT) {
                return routeBody(text, context, fallback);
            }
        }
        Assembly assembly = new Assembly(text.length());
        int payload = 0;
        for (Framing.Part part : framing.parts()) {
            payload += part.payload() ? part.text().length() : 0;
        }
        boolean split = false;
        for (Framing.Part part : framing.parts()) {
            if (!part.payload()) {
                assembly.verbatim(part.text());
                continue;
            }
            List<Segment> segments = Segmenter.split(part.text(), part.cutBefore(), part.cutAfter());
            split |= segments.size() > 1;
            for (Segment segment : segments) {
                routeSegment(segment, share(context, segment.text().length(), payload), assembly, fallback);
            }
        }
        return new Routed(assembly.type(), assembly.result(split));
    }

    /** True when {@code result} shrinks {@code text} by at least {@link #MIN_GAIN}. */
    private static boolean gains(TransformResult result, String text) {
        return result != null && result.text().length() <= text.length() * (1 - MIN_GAIN);
    }

    private void routeSegment(Segment segment, TransformContext context, Assembly assembly, boolean fallback) {
        String text = segment.text();
        if (text.isBlank()) {
            assembly.segment(text, ContentType.TEXT, null);
            return;
        }
        TransformResult r = switch (segment.kind()) {
            case JSON_HEAD -> CutJson.head(text, context);
            case JSON_TAIL -> CutJson.tail(text, context);
            default -> null;
        };
        if (r != null) {
            assembly.segment(text, ContentType.JSON, r);
            return;
        }
        Routed routed = routeBody(text, context, fallback);
        assembly.segment(text, routed.type(), routed.result());
    }

    /** {@code context} with the budget share of a segment of {@code chars} in a payload of {@code total}. */
    private static TransformContext share(TransformContext context, int chars, int total) {
        if (total <= 0 || chars >= total) {
            return context;
        }
        long budget = (long) context.maxOutputChars() * chars / total;
        return context.withMaxOutputChars((int) Math.max(MIN_SEGMENT_BUDGET, budget));
    }

    private Routed routeBody(String text, TransformContext context, boolean fallback) {
        ContentType type = ContentDetector.detect(text);
        if (type == ContentType.TEXT) {
            Routed runs = routeRuns(text, context, fallback);
            if (runs != null) {
                return runs;
            }
        }
        TransformResult result = compress(compressors.get(type), text, context);
        if (fallback && !gains(result, text)) {
            TransformResult selected = compress(compressors.get(ContentType.LOG), text, context);
            if (selected != null && selected.text().length() > 2L * context.maxOutputChars() && !context.errorOutput()) {
                selected = selected.then(LongLines.trim(selected.text(), context));
            } else if (selected == null && !context.errorOutput()) {
                selected = LongLines.trim(text, context);
            }
            if (selected != null && (result == null || selected.text().length() < result.text().length())) {
                return new Routed(type, new TransformResult(selected.text(), "fallback+" + selected.transform(), selected.lossy()));
            }
        }
        if (result == null && type == ContentType.JSON) {
            // Text that starts like JSON but is not (a JSON log line followed by prose, say).
            type = ContentType.TEXT;
            result = compress(compressors.get(type), text, context);
        }
        return new Routed(type, result);
    }

    /**
     * Text nothing recognised as a whole, when it is the output of several chained commands ({@link ShapeRuns}): each
     * run of one shape goes to the compressor for what it is. Null when the text has one shape or no run helped.
     */
    private Routed routeRuns(String text, TransformContext context, boolean fallback) {
        List<int[]> runs = ShapeRuns.split(text);
        if (runs.size() < 2) {
            return null;
        }
        Assembly assembly = new Assembly(text.length());
        for (int[] run : runs) {
            String part = text.substring(run[0], run[1]);
            TransformContext share = share(context, part.length(), text.length());
            ContentType type = ContentDetector.detect(part);
            TransformResult r = compress(compressors.get(type), part, share);
            if (fallback && type == ContentType.TEXT && !gains(r, part)) {
                r = compress(compressors.get(ContentType.LOG), part, share);
            }
            assembly.segment(part, type, r);
        }
        TransformResult joined = assembly.result(true);
        return joined == null ? null : new Routed(assembly.type(), joined);
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
