package dev.headroom.prose.kompress;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kompress-style token-classification model on ONNX Runtime: the words go through the HF
 * {@code tokenizer.json} as pre-split words, the model reads {@code input_ids} and {@code attention_mask}
 * and returns a keep score per token ({@code final_scores} [B, L], or keep/drop logits [B, L, 2]); a
 * word's score is the highest of its sub-tokens' scores (the reference keeps a word if any sub-token is
 * kept).
 */
public final class OnnxKeepScorer implements KeepScorer, AutoCloseable {

    /** The model's window, as in the reference (max_length 512). */
    public static final int MAX_TOKENS = 512;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputs;
    private final String output;

    private OnnxKeepScorer(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.inputs = session.getInputNames();
        Map<String, NodeInfo> outs = session.getOutputInfo();
        this.output = outs.containsKey("final_scores") ? "final_scores" : outs.keySet().iterator().next();
    }

    /** Loads the model and tokenizer (slow: call it off the request path). */
    public static OnnxKeepScorer load(Path model, Path tokenizerJson) throws IOException, OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // Two cores are shared by the whole machine: one intra-op thread keeps the rest responsive.
        options.setIntraOpNumThreads(1);
        OrtSession session = env.createSession(model.toString(), options);
        Map<String, String> tokOptions = new HashMap<>();
        tokOptions.put("addSpecialTokens", "true");
        tokOptions.put("truncation", "false");
        tokOptions.put("padding", "false");
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, tokOptions);
        return new OnnxKeepScorer(env, session, tokenizer);
    }

    @Override
    public float[] scoreWords(List<String> words) {
        Encoding enc = tokenizer.encode(words.toArray(String[]::new), true, false);
        long[] ids = enc.getIds();
        if (ids.length > MAX_TOKENS) {
            return null;
        }
        long[] wordIds = enc.getWordIds();
        float[] tokenScores = run(ids, enc.getAttentionMask());
        float[] wordScores = new float[words.size()];
        for (int t = 0; t < ids.length; t++) {
            int w = (int) wordIds[t];
            if (w >= 0 && w < wordScores.length) {
                wordScores[w] = Math.max(wordScores[w], tokenScores[t]);
            }
        }
        return wordScores;
    }

    private float[] run(long[] ids, long[] mask) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, new long[][] {ids}));
            if (inputs.contains("attention_mask")) {
                feed.put("attention_mask", OnnxTensor.createTensor(env, new long[][] {mask}));
            }
            if (inputs.contains("token_type_ids")) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, new long[][] {new long[ids.length]}));
            }
            try (OrtSession.Result result = session.run(feed, Set.of(output))) {
                Object value = result.get(0).getValue();
                if (value instanceof float[][] scores) {
                    return scores[0];
                }
                if (value instanceof float[][][] logits) {
                    return keepProbabilities(logits[0]);
                }
                throw new IllegalStateException("unexpected model output " + output + ": " + value.getClass().getSimpleName());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** softmax(logits)[1]: the probability of the "keep" class. */
    private static float[] keepProbabilities(float[][] logits) {
        float[] p = new float[logits.length];
        for (int t = 0; t < logits.length; t++) {
            double drop = logits[t][0];
            double keep = logits[t][1];
            p[t] = (float) (1 / (1 + Math.exp(drop - keep)));
        }
        return p;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only frees memory; nothing to do
        }
        tokenizer.close();
    }
}
