package dev.headroom.cli.term;

import java.time.Duration;
import java.util.Locale;

/** Human-readable numbers for reports: 1,234,567 tokens, 12.3%, $0.0421, "5m ago". */
public final class Numbers {

    private Numbers() {
    }

    public static String tokens(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    public static String dollars(double d) {
        return String.format(Locale.ROOT, "$%.4f", d);
    }

    public static String ago(long epochMillis, long now) {
        if (epochMillis <= 0) {
            return "never";
        }
        Duration d = Duration.ofMillis(Math.max(0, now - epochMillis));
        if (d.toMinutes() < 1) {
            return d.toSeconds() + "s ago";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "m ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + "h ago";
        }
        return d.toDays() + "d ago";
    }
}
