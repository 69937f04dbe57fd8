package dev.headroom.cli.savings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * List prices per million tokens (input, cache read, cache write) from {@code prices.json} in the CLI, with the
 * date they were taken. A model matches its longest-prefix row (after a provider prefix such as
 * {@code anthropic/} and a {@code [1m]} suffix are dropped); an unknown model has no price, never $0.
 */
public final class PriceTable {

    /** Prices in dollars per million tokens. */
    public record Price(String row, double input, double cacheRead, double cacheWrite) {
    }

    private final String asOf;
    private final Map<String, Price> rows;

    PriceTable(String asOf, Map<String, Price> rows) {
        this.asOf = asOf;
        this.rows = rows;
    }

    public static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing from the CLI jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Price> rows = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode p = e.getValue();
                rows.put(e.getKey(), new Price(e.getKey(), p.path("input").asDouble(), p.path("cache_read").asDouble(),
                        p.path("cache_write").asDouble()));
            }
            return new PriceTable(root.path("as_of").asText("unknown"), rows);
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

    /** Dollars for {@code savedTokens} input tokens that were not sent, or empty when the model has no price. */
    public Optional<Double> savedDollars(String model, long savedTokens) {
        return forModel(model).map(p -> savedTokens * p.input() / 1_000_000.0);
    }
}
