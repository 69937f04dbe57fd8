package dev.headroom.proxy.budget;

import java.util.Map;

/**
 * The spend cap the proxy enforces: a dollar limit per period, or none. Parsed from {@code HEADROOM_BUDGET} and
 * {@code HEADROOM_BUDGET_PERIOD} (the CLI's flags are written into the same keys, so precedence is flag, then env,
 * then default).
 *
 * @param limitUsd the cap in dollars, or null when spend is unlimited
 * @param period   the window the cap covers (daily by default)
 */
public record BudgetSettings(Double limitUsd, BudgetPeriod period) {

    public static final String ENV_LIMIT = "HEADROOM_BUDGET";
    public static final String ENV_PERIOD = "HEADROOM_BUDGET_PERIOD";

    public static BudgetSettings fromEnvironment(Map<String, String> env) {
        return parse(env.get(ENV_LIMIT), env.get(ENV_PERIOD));
    }

    /** Throws IllegalArgumentException with a message that says what to write instead. */
    public static BudgetSettings parse(String limit, String period) {
        BudgetPeriod p = BudgetPeriod.parse(period);
        if (limit == null || limit.isBlank()) {
            return new BudgetSettings(null, p);
        }
        String v = limit.trim();
        if (v.startsWith("$")) {
            v = v.substring(1);
        }
        double usd;
        try {
            usd = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("budget '" + limit + "' is not a dollar amount: write e.g. --budget 5 "
                    + "or --budget 12.50");
        }
        if (!(usd > 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException("budget must be a positive dollar amount (got " + limit
                    + "); leave --budget out for no cap");
        }
        return new BudgetSettings(usd, p);
    }

    public boolean enabled() {
        return limitUsd != null;
    }
}
