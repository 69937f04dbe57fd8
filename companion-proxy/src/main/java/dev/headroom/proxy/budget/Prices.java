package dev.headroom.proxy.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.dialects.Usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * List prices per million tokens from {@code /prices.json} (the same dated table the CLI's {@code savings} reads).
 * A model matches its longest-prefix row, after a provider prefix ({@code anthropic/}) and a {@code [1m]} suffix
 * are dropped; an unknown model has no price (never $0), so the caller can say so.
 */
public final class Prices {

    /** Dollars per million tokens. */
    public record Price(String row, double input, double cacheRead, double cacheWrite, double output) {
    }

    private final String asOf;
    private final Map<String, Price> rows;

    Prices(String asOf, Map<String, Price> rows) {
        this.asOf = asOf;
        this.rows = rows;
    }

    public static Prices load() {
        try (InputStream in = Prices.class.getResourceAsStream("/prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing from the proxy's classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Price> rows = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode p = e.getValue();
                rows.put(e.getKey(), new Price(e.getKey(), p.path("input").asDouble(), p.path("cache_read").asDouble(),
                        p.path("cache_write").asDouble(), p.path("output").asDouble()));
            }
            return new Prices(root.path("as_of").asText("unknown"), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String asOf() {
        return asOf;
    }

    public Optional<Price> forModel(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String m = model.toLowerCase(Locale.ROOT).trim();
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1);
        }
        int bracket = m.indexOf('[');
        if (bracket >= 0) {
            m = m.substring(0, bracket);
        }
        Price best = null;
        for (Map.Entry<String, Price> e : rows.entrySet()) {
            String key = e.getKey();
            boolean matches = m.equals(key) || (m.startsWith(key) && !Character.isLetterOrDigit(m.charAt(key.length()))
                    && m.charAt(key.length()) != '.');
            if (matches && (best == null || key.length() > best.row().length())) {
                best = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * What one response cost, or empty for an unknown model. Anthropic reports cache reads and writes apart from
     * {@code input_tokens}; OpenAI's {@code prompt_tokens} already include the cached ones, so those are taken out
     * of the full-price input before the cache-read price is applied (else they would be paid twice).
     */
    public Optional<Double> dollars(String model, Usage u, boolean anthropicUsage) {
        return forModel(model).map(p -> {
            long fullPriceInput = anthropicUsage ? u.input : Math.max(0, u.input - u.cacheRead);
            return (fullPriceInput * p.input() + u.cacheRead * p.cacheRead() + u.cacheCreation * p.cacheWrite()
                    + u.output * p.output()) / 1_000_000.0;
        });
    }
}
