package dev.headroom.proxy.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The window a budget covers. Hourly is rolling (the last 60 minutes), so it never resets all at once; daily and
 * monthly are calendar periods in the machine's time zone, which is what a user means by "today's spend".
 */
public enum BudgetPeriod {
    HOURLY, DAILY, MONTHLY;

    private static final long HOUR_MILLIS = 3_600_000L;

    public static BudgetPeriod parse(String value) {
        String v = value == null || value.isBlank() ? "daily" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "hourly", "hour" -> HOURLY;
            case "daily", "day" -> DAILY;
            case "monthly", "month" -> MONTHLY;
            default -> throw new IllegalArgumentException("unknown budget period '" + value
                    + "': use hourly (rolling 60 minutes), daily or monthly");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The noun for messages: "hour", "day", "month". */
    public String noun() {
        return switch (this) {
            case HOURLY -> "hour";
            case DAILY -> "day";
            case MONTHLY -> "month";
        };
    }

    /** The first instant (epoch millis) whose spend counts at {@code nowMillis}. */
    public long windowStart(long nowMillis, ZoneId zone) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        return switch (this) {
            case HOURLY -> nowMillis - HOUR_MILLIS;
            case DAILY -> now.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
            case MONTHLY -> LocalDate.of(now.getYear(), now.getMonth(), 1).atStartOfDay(zone).toInstant().toEpochMilli();
        };
    }

    /**
     * When the calendar period that holds {@code nowMillis} ends. For the rolling hour the caller knows better (it
     * is when enough old spend leaves the window), so this returns an hour from now as the upper bound.
     */
    public long windowEnd(long nowMillis, ZoneId zone) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
        return switch (this) {
            case HOURLY -> nowMillis + HOUR_MILLIS;
            case DAILY -> now.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            case MONTHLY -> LocalDate.of(now.getYear(), now.getMonth(), 1).plusMonths(1).atStartOfDay(zone)
                    .toInstant().toEpochMilli();
        };
    }

    /** How long a spend event stays in the window after it happened (rolling periods only). */
    public static long rollingMillis() {
        return HOUR_MILLIS;
    }
}
