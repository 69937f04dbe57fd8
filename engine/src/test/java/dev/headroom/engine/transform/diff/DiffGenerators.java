package dev.headroom.engine.transform.diff;

import java.util.Random;

/** Realistic, deterministic multi-file git diffs. */
public final class DiffGenerators {

    private DiffGenerators() {
    }

    /**
     * {@code git diff} over {@code files} Java files, each with {@code hunks} hunks of long unchanged context
     * around a few changed lines (as {@code git diff -U10} or a whole-function diff produces), plus a rename
     * and a new file.
     */
    public static String gitDiff(int files, int hunks, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < files; f++) {
            String path = "src/main/java/com/acme/orders/Component" + f + ".java";
            sb.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                    .append("index ").append(Integer.toHexString(0x1000000 + r.nextInt(0xffffff))).append("..")
                    .append(Integer.toHexString(0x1000000 + r.nextInt(0xffffff))).append(" 100644\n")
                    .append("--- a/").append(path).append("\n+++ b/").append(path).append('\n');
            int line = 10;
            for (int h = 0; h < hunks; h++) {
                int before = 10;
                int removed = 1 + r.nextInt(3);
                int added = 1 + r.nextInt(4);
                int after = 10;
                sb.append("@@ -").append(line).append(',').append(before + removed + after).append(" +").append(line)
                        .append(',').append(before + added + after).append(" @@ public class Component").append(f).append(" {\n");
                for (int k = 0; k < before; k++) {
                    sb.append("         int unchanged").append(h).append('_').append(k).append(" = compute(").append(k).append(");\n");
                }
                for (int k = 0; k < removed; k++) {
                    sb.append("-        total = total.add(item.price()); // old ").append(k).append('\n');
                }
                for (int k = 0; k < added; k++) {
                    sb.append("+        total = total.add(item.price().multiply(item.quantity())); // new ").append(k).append('\n');
                }
                for (int k = 0; k < after; k++) {
                    sb.append("         log.debug(\"step {}\", ").append(k).append(");\n");
                }
                line += 80;
            }
        }
        sb.append("diff --git a/docs/old-name.md b/docs/new-name.md\nsimilarity index 96%\nrename from docs/old-name.md\n")
                .append("rename to docs/new-name.md\n--- a/docs/old-name.md\n+++ b/docs/new-name.md\n@@ -1,3 +1,3 @@\n")
                .append(" # Orders\n-Old title line\n+New title line\n \n");
        sb.append("diff --git a/src/main/resources/app.yaml b/src/main/resources/app.yaml\nnew file mode 100644\n")
                .append("index 0000000..e69de29\n--- /dev/null\n+++ b/src/main/resources/app.yaml\n@@ -0,0 +1,3 @@\n")
                .append("+server:\n+  port: 8080\n+  \n");
        return sb.toString();
    }
}
