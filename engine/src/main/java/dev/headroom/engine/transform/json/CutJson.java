package dev.headroom.engine.transform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.engine.format.JsonFactories;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON that a client cut: the part before a cut ({@link #head}: it opens containers it never closes) or the
 * part after one ({@link #tail}: it starts in the middle of a value and closes containers it never opened).
 * The complete elements of the array the cut went through are encoded as the JSON compressor encodes an array
 * (a table, and in balanced mode a selection behind markers); everything else, the partial element at the cut
 * and the brackets around, stays verbatim. For example the head {@code {"data": [{"id": 1}, {"id": 2}, {"id": 3,
 * "na} becomes {@code {"data": [} + {@code [2]{id}:\n1\n2\n} + {@code , {"id": 3, "na}.
 */
public final class CutJson {

    /** Fewer complete elements than this are not worth a table. */
    static final int MIN_ELEMENTS = 2;
    /** How many places after a cut are tried as the start of the first complete element. */
    private static final int MAX_TAIL_CANDIDATES = 32;

    private static final JsonFactory FACTORY = JsonFactories.forBodies();

    private CutJson() {
    }

    /** The part of a JSON text before a cut, compressed; null when it is not such a part or nothing pays. */
    public static TransformResult head(String text, TransformContext context) {
        int[] span = headElements(text);
        return span == null ? null : encode(text, span, context);
    }

    /** The part of a JSON text after a cut, compressed; null when it is not such a part or nothing pays. */
    public static TransformResult tail(String text, TransformContext context) {
        int[] span = tailElements(text);
        return span == null ? null : encode(text, span, context);
    }

    /** True when {@code text} starts like a JSON object or array (after blanks). */
    public static boolean startsLikeJson(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i + 1 >= text.length() || (text.charAt(i) != '{' && text.charAt(i) != '[')) {
            return false;
        }
        int j = i + 1;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && "\"{[]}-0123456789tfn".indexOf(text.charAt(j)) >= 0;
    }

    private static TransformResult encode(String text, int[] span, TransformContext context) {
        List<Object> elements = new ArrayList<>();
        for (int k = 2; k < span.length; k += 2) {
            try {
                elements.add(JsonTreeParser.parse(text.substring(span[k], span[k + 1])));
            } catch (IOException e) {
                return null;
            }
        }
        int from = span[2];
        int to = span[span.length - 1];
        TransformResult inner = JsonCompressor.encode(elements, to - from, context);
        String encoded = inner.text();
        String legend = "";
        if (encoded.startsWith(TableEncoder.DEFAULTS_LEGEND + "\n")) { // the legend goes before the whole segment
            legend = TableEncoder.DEFAULTS_LEGEND + "\n";
            encoded = encoded.substring(legend.length());
        }
        String out = legend + text.substring(0, from) + encoded + text.substring(to);
        if (!inner.lossy() && out.length() >= text.length()) {
            return null;
        }
        return new TransformResult(out, "json.cut+" + inner.transform(), inner.lossy());
    }

    /**
     * The complete elements of the open array with the most text in them, as {@code [depth, count, start0, end0,
     * start1, end1, ...]}; null when the text is complete JSON, is not JSON, or no open array has enough.
     */
    static int[] headElements(String text) {
        List<List<Integer>> frames = new ArrayList<>(); // per open container: element offsets (arrays) or null
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                return null;
            }
            while (t != null) {
                int at = (int) p.currentTokenLocation().getCharOffset();
                List<Integer> parent = frames.isEmpty() ? null : frames.get(frames.size() - 1);
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    if (parent != null) {
                        parent.add(at);
                    }
                    frames.add(t == JsonToken.START_ARRAY ? new ArrayList<>() : null);
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    frames.remove(frames.size() - 1);
                    if (frames.isEmpty()) {
                        return null; // complete: not a cut
                    }
                    closeElement(frames, (int) p.currentLocation().getCharOffset());
                } else if (t != JsonToken.FIELD_NAME && parent != null) {
                    p.finishToken(); // strings are read lazily: the location is past them only once read
                    parent.add(at);
                    closeElement(frames, (int) p.currentLocation().getCharOffset());
                }
                t = p.nextToken();
            }
        } catch (IOException | RuntimeException e) {
            // the cut: what was read so far is what counts
        }
        return bestOpenArray(frames);
    }

    private static void closeElement(List<List<Integer>> frames, int end) {
        if (!frames.isEmpty() && frames.get(frames.size() - 1) != null) {
            List<Integer> f = frames.get(frames.size() - 1);
            if (f.size() % 2 == 1) {
                f.add(end);
            }
        }
    }

    private static int[] bestOpenArray(List<List<Integer>> frames) {
        int[] best = null;
        int bestChars = 0;
        for (int d = 0; d < frames.size(); d++) {
            List<Integer> f = frames.get(d);
            if (f == null) {
                continue;
            }
            int complete = f.size() / 2;
            if (complete < MIN_ELEMENTS) {
                continue;
            }
            int chars = f.get(2 * complete - 1) - f.get(0);
            if (chars > bestChars) {
                bestChars = chars;
                best = new int[2 + 2 * complete];
                best[0] = d;
                best[1] = complete;
                for (int k = 0; k < 2 * complete; k++) {
                    best[2 + k] = f.get(k);
                }
            }
        }
        return best;
    }

    /**
     * The complete elements after a cut: the first place after a comma where a run of JSON values separated by
     * commas starts and goes on to a closing {@code ]}; as {@code [0, count, start0, end0, ...]}, or null.
     */
    static int[] tailElements(String text) {
        int tried = 0;
        int i = text.indexOf(',');
        while (i >= 0 && tried < MAX_TAIL_CANDIDATES) {
            int k = i + 1;
            while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            if (k < text.length() && (text.charAt(k) == '{' || text.charAt(k) == '[')) {
                tried++;
                int[] run = runToClose(text, k);
                if (run != null) {
                    return run;
                }
            }
            i = text.indexOf(',', i + 1);
        }
        return null;
    }

    /** Values separated by commas from {@code start} up to a {@code ]}, or null when the text is not that. */
    private static int[] runToClose(String text, int start) {
        List<Integer> offsets = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser("[" + text.substring(start))) {
            p.nextToken();
            JsonToken t = p.nextToken();
            while (t != JsonToken.END_ARRAY) {
                if (t == null) {
                    return null;
                }
                int at = (int) p.currentTokenLocation().getCharOffset() - 1 + start;
                p.skipChildren();
                p.finishToken();
                offsets.add(at);
                offsets.add((int) p.currentLocation().getCharOffset() - 1 + start);
                t = p.nextToken();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (offsets.size() / 2 < MIN_ELEMENTS) {
            return null;
        }
        int[] out = new int[2 + offsets.size()];
        out[1] = offsets.size() / 2;
        for (int k = 0; k < offsets.size(); k++) {
            out[2 + k] = offsets.get(k);
        }
        return out;
    }
}
