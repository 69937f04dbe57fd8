package dev.headroom.engine.policy;

/**
 * How many characters a lossy selection of one unit aims to keep: {@link #SHARE} of the unit, never less than
 * {@link #FLOOR} and never more than the configured maximum. A fixed maximum alone left every output under it
 * untouched in balanced mode, and those mid-size outputs (2-20 KB) are most of what agents send; a share keeps the
 * selection in proportion to what there was. Lossless encodings are used whenever they fit.
 */
public final class OutputBudget {

    /** The share of a unit's characters a selection keeps. */
    public static final double SHARE = 0.30;
    /** Below this many characters a selection would keep too little to be useful. */
    public static final int FLOOR = 1000;

    private OutputBudget() {
    }

    /** The budget for a unit of {@code unitChars} characters under a maximum of {@code maxOutputChars}. */
    public static int forUnit(int maxOutputChars, int unitChars) {
        long share = Math.round(unitChars * SHARE);
        return (int) Math.min(maxOutputChars, Math.max(FLOOR, share));
    }
}
