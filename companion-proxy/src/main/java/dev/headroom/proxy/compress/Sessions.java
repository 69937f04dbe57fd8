package dev.headroom.proxy.compress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversations the proxy has seen, keyed by {@code x-headroom-session-id} (or the clients' own session headers),
 * else by a hash of model + system prompt. A session remembers that it once carried markers, so that every later
 * turn gets {@code headroom_retrieve} too and the tools prefix stays byte-identical for the prompt cache.
 */
public final class Sessions {

    /** One conversation's sticky state. */
    public static final class Session {
        public final String key;
        private volatile boolean retrieveTool;
        public final AtomicLong turns = new AtomicLong();
        public final AtomicLong cacheReadTokens = new AtomicLong();

        Session(String key) {
            this.key = key;
        }

        public boolean retrieveTool() {
            return retrieveTool;
        }

        public void markRetrieveTool() {
            retrieveTool = true;
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    public synchronized Session get(String key) {
        return sessions.computeIfAbsent(key, Session::new);
    }

    public synchronized int size() {
        return sessions.size();
    }

    /** The session key for a request (headers with lower-case names). */
    public static String keyOf(Map<String, String> headers, byte[] body) {
        for (String h : new String[] {"x-headroom-session-id", "x-claude-code-session-id", "session-id"}) {
            String v = headers.get(h);
            if (v != null && !v.isBlank()) {
                return h.equals("x-headroom-session-id") ? v.trim() : h + ":" + v.trim();
            }
        }
        return "h:" + stableHash(body);
    }

    /**
     * SHA-256 (16 hex) of the model plus the raw bytes of the system prompt ({@code system}, {@code instructions},
     * or the first message), read with a streaming parser so big bodies cost little.
     */
    static String stableHash(byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (JsonParser p = FACTORY.createParser(body)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken t = p.nextToken();
                        long start = p.currentTokenLocation().getByteOffset();
                        switch (name) {
                            case "model" -> md.update(p.getValueAsString("").getBytes(StandardCharsets.UTF_8));
                            case "system", "instructions" -> {
                                p.skipChildren();
                                md.update(body, (int) start, (int) (p.currentLocation().getByteOffset() - start));
                            }
                            case "messages", "input" -> {
                                if (t != JsonToken.START_ARRAY) {
                                    p.skipChildren();
                                    break;
                                }
                                boolean first = true;
                                while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                                    long s = p.currentTokenLocation().getByteOffset();
                                    p.skipChildren();
                                    if (first) {
                                        md.update(body, (int) s, (int) (p.currentLocation().getByteOffset() - s));
                                        first = false;
                                    }
                                }
                            }
                            default -> p.skipChildren();
                        }
                    }
                }
            } catch (Exception e) {
                // malformed: hash what was read
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
