package dev.headroom.engine.transform.table;

/**
 * Lines {@code from} to {@code to} (exclusive) of an output that hold one table (header, rule lines and
 * rows), read into {@code table}; {@code layout} names how it was laid out, for the transform's name.
 */
record TableSpan(int from, int to, CellTable table, String layout) {
}
