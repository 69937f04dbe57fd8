package dev.headroom.engine.transform;

import java.util.Locale;

/** What a tool output looks like, as decided by {@link ContentDetector}. */
public enum ContentType {
    JSON,
    SEARCH,
    DIFF,
    /** Column tables, SQL grids, dependency trees ({@code transform.table}). */
    TABLE,
    /** CSV and TSV with a header ({@code transform.table}). */
    CSV,
    /** Key-value records: apt-cache show, kubectl describe, systemctl status ({@code transform.table}). */
    RECORDS,
    /** {@code git log} (plain, {@code -p}, {@code --stat}), {@code git show} and {@code git blame}. */
    GIT_LOG,
    LOG,
    CODE,
    HTML,
    TEXT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
