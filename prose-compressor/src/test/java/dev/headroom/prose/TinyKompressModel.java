package dev.headroom.prose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a tiny token-classification model the way a real Kompress export looks from the outside: an
 * ONNX graph with inputs {@code input_ids}, {@code attention_mask} (int64 [batch, seq]) and output
 * {@code final_scores} (float [batch, seq]), and a WordPiece {@code tokenizer.json}. The graph is
 * {@code Gather(table, input_ids) * Cast(attention_mask)}: each token's keep score is a fixed entry of a
 * table, so tests know exactly which words the model keeps. The ONNX protobuf is written by hand.
 */
final class TinyKompressModel {

    /** Vocabulary in id order, with each token's keep score. */
    static final Map<String, Float> VOCAB = new LinkedHashMap<>();

    static {
        VOCAB.put("[UNK]", 0.2f);
        VOCAB.put("[CLS]", 0f);
        VOCAB.put("[SEP]", 0f);
        for (String stop : new String[] {"the", "a", "of", "is", "to", "and", "in", "that", "it", "was", "on",
                "very", "really", "just", "quite", "compress", ",", "."}) {
            VOCAB.put(stop, 0.1f);
        }
        for (String content : new String[] {"cat", "sat", "mat", "dog", "garden", "house", "server", "failed",
                "disk", "full", "restart", "##ion", "##cat", "error", "user", "login"}) {
            VOCAB.put(content, 0.9f);
        }
    }

    private TinyKompressModel() {
    }

    /** Writes {@code model.onnx} and {@code tokenizer.json} into {@code dir}; returns the model path. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path model = dir.resolve("model.onnx");
        Files.write(model, onnxBytes());
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson(), StandardCharsets.UTF_8);
        return model;
    }

    static byte[] onnxBytes() {
        float[] table = new float[VOCAB.size()];
        int i = 0;
        for (float score : VOCAB.values()) {
            table[i++] = score;
        }
        Proto graph = new Proto()
                .message(1, node("Gather", "gather", new String[] {"table", "input_ids"}, "gathered", null))
                .message(1, node("Cast", "cast", new String[] {"attention_mask"}, "mask_f",
                        new Proto().string(1, "to").varint(3, 1 /* FLOAT */).varint(20, 2 /* INT */)))
                .message(1, node("Mul", "mul", new String[] {"gathered", "mask_f"}, "final_scores", null))
                .string(2, "tiny_kompress")
                .message(5, new Proto().varint(1, table.length).varint(2, 1 /* FLOAT */)
                        .bytes(4, floats(table)).string(8, "table"))
                .message(11, valueInfo("input_ids", 7 /* INT64 */))
                .message(11, valueInfo("attention_mask", 7))
                .message(12, valueInfo("final_scores", 1));
        return new Proto()
                .varint(1, 8)                                             // ir_version
                .string(2, "headroom-test")                               // producer_name
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13))      // opset_import: ai.onnx 13
                .toByteArray();
    }

    private static Proto node(String op, String name, String[] inputs, String output, Proto attribute) {
        Proto n = new Proto();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, name).string(4, op);
        if (attribute != null) {
            n.message(5, attribute);
        }
        return n;
    }

    private static Proto valueInfo(String name, int elemType) {
        Proto shape = new Proto()
                .message(1, new Proto().string(2, "batch"))
                .message(1, new Proto().string(2, "seq"));
        Proto tensor = new Proto().varint(1, elemType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    private static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static String tokenizerJson() {
        int id = 0;
        StringBuilder vocab = new StringBuilder();
        for (String token : VOCAB.keySet()) {
            vocab.append(vocab.length() == 0 ? "" : ",").append('"').append(token).append("\":").append(id++);
        }
        String special = java.util.List.of("[UNK]", "[CLS]", "[SEP]").stream()
                .map(t -> String.format("{\"id\":%d,\"content\":\"%s\",\"single_word\":false,\"lstrip\":false,"
                        + "\"rstrip\":false,\"normalized\":false,\"special\":true}", new java.util.ArrayList<>(VOCAB.keySet()).indexOf(t), t))
                .collect(Collectors.joining(","));
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,"
                + "\"added_tokens\":[" + special + "],"
                + "\"normalizer\":{\"type\":\"Lowercase\"},"
                + "\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},"
                + "\"post_processor\":{\"type\":\"TemplateProcessing\","
                + "\"single\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
                + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}}],"
                + "\"pair\":[{\"SpecialToken\":{\"id\":\"[CLS]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},"
                + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}},"
                + "{\"SpecialToken\":{\"id\":\"[SEP]\",\"type_id\":1}}],"
                + "\"special_tokens\":{\"[CLS]\":{\"id\":\"[CLS]\",\"ids\":[1],\"tokens\":[\"[CLS]\"]},"
                + "\"[SEP]\":{\"id\":\"[SEP]\",\"ids\":[2],\"tokens\":[\"[SEP]\"]}}},"
                + "\"decoder\":{\"type\":\"WordPiece\",\"prefix\":\"##\",\"cleanup\":true},"
                + "\"model\":{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
                + "\"max_input_chars_per_word\":100,\"vocab\":{" + vocab + "}}}";
    }

    /** A minimal protobuf writer: varints, length-delimited fields and nested messages. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            rawVarint((long) field << 3);
            rawVarint(value);
            return this;
        }

        Proto bytes(int field, byte[] value) {
            rawVarint(((long) field << 3) | 2);
            rawVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.toByteArray());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void rawVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
