package dev.headroom.cli.savings;

import dev.headroom.proxy.budget.Prices;

import java.util.Optional;

/**
 * The savings view of the dated list-price table the proxy prices its budget with ({@link Prices}, read from
 * {@code /prices.json}): what the tokens a compression kept from being sent would have cost at the model's input
 * price. An unknown model has no price, never $0.
 */
public final class PriceTable {

    /** Prices in dollars per million tokens. */
    public record Price(String row, double input, double cacheRead, double cacheWrite) {
    }

    private final Prices prices;

    private PriceTable(Prices prices) {
        this.prices = prices;
    }

    public static PriceTable load() {
        return new PriceTable(Prices.load());
    }

    public String asOf() {
        return prices.asOf();
    }

    public Optional<Price> forModel(String model) {
        return prices.forModel(model).map(p -> new Price(p.row(), p.input(), p.cacheRead(), p.cacheWrite()));
    }

    /** Dollars for {@code savedTokens} input tokens that were not sent, or empty when the model has no price. */
    public Optional<Double> savedDollars(String model, long savedTokens) {
        return forModel(model).map(p -> savedTokens * p.input() / 1_000_000.0);
    }
}
