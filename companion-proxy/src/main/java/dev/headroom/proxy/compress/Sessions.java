package dev.headroom.proxy.compress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.engine.format.JsonFactories;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
        private volatile long lastUsed = System.nanoTime();
        public final AtomicLong turns = new AtomicLong();
        public final AtomicLong cacheReadTokens = new AtomicLong();

        Session(String key) {
            this.key = key;
        }

        /** True when the client named this session (a header), false for a key made from the body. */
        public boolean explicit() {
            return !key.startsWith("h:");
        }

        public boolean retrieveTool() {
            return retrieveTool;
        }

        public void markRetrieveTool() {
            retrieveTool = true;
        }
    }

    private static final JsonFactory FACTORY = JsonFactories.pooled();
    private static final MessageDigest SHA256 = sha256();
    static final int MAX_SESSIONS = 10_000;

    // Looked up on every compressible request: a concurrent map, because 50 request threads queueing on one
    // monitor (an access-ordered LinkedHashMap needs it even to read) showed up in the time to first byte.
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    public Session get(String key) {
        Session s = sessions.get(key);
        if (s == null) {
            s = sessions.computeIfAbsent(key, Session::new);
            if (sessions.size() > MAX_SESSIONS) {
                evictLeastRecentlyUsed();
            }
        }
        s.lastUsed = System.nanoTime();
        return s;
    }

    public int size() {
        return sessions.size();
    }

    /** Drops the least recently used tenth once the cap is passed, so eviction runs once per 1,000 new sessions. */
    private void evictLeastRecentlyUsed() {
        if (!evicting.compareAndSet(false, true)) {
            return; // another thread is at it
        }
        try {
            List<Session> all = new ArrayList<>(sessions.values());
            all.sort((a, b) -> Long.compare(a.lastUsed, b.lastUsed));
            int drop = all.size() - (MAX_SESSIONS - MAX_SESSIONS / 10);
            for (int i = 0; i < drop; i++) {
                sessions.remove(all.get(i).key, all.get(i));
            }
        } finally {
            evicting.set(false);
        }
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
        MessageDigest md = digest();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    long start = p.currentTokenLocation().getByteOffset();
                    switch (name) {
                        case "model" -> md.update(p.getValueAsString("").getBytes(StandardCharsets.UTF_8));
                        case "system", "instructions" -> {
                            if (t.isScalarValue()) {
                                // a string prompt: the parser has not read past its opening quote yet
                                md.update(p.getText().getBytes(StandardCharsets.UTF_8));
                            } else {
                                p.skipChildren();
                                md.update(body, (int) start, (int) (p.currentLocation().getByteOffset() - start));
                            }
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
    }

    /** A fresh SHA-256: cloning a prototype skips the provider lookup {@code getInstance} does on every call. */
    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
