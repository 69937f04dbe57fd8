package dev.headroom.engine.transform.search;

import java.util.Random;

/** Realistic, deterministic grep / rg output over a Java codebase. */
public final class SearchGenerators {

    private SearchGenerators() {
    }

    private static final String[] DIRS = {"src/main/java/com/acme/orders/service", "src/main/java/com/acme/orders/web",
        "src/main/java/com/acme/orders/persistence", "src/test/java/com/acme/orders/service", "src/main/java/com/acme/billing"};
    private static final String[] LINES = {
        "    private final OrderRepository orderRepository;",
        "        Order order = orderRepository.findById(id).orElseThrow();",
        "    public Order place(OrderRequest request) {",
        "        log.info(\"placing order {}\", request.id());",
        "        // TODO: handle partial refunds for Order",
        "        throw new OrderException(\"order not found: \" + id);",
        "import com.acme.orders.domain.Order;",
        "    void placesOrder() {",
        "        assertThat(order.total()).isEqualTo(Money.of(42));",
        "        return order.withStatus(OrderStatus.SHIPPED);"};

    /** {@code grep -rn Order src} (with {@code -C1} context lines when {@code context}). */
    public static String grep(int files, long seed, boolean context) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < files; f++) {
            String path = DIRS[f % DIRS.length] + "/Order" + (f % 2 == 0 ? "Service" : "Handler") + f + ".java";
            int hits = 1 + r.nextInt(f % 7 == 0 ? 40 : 8);
            int line = 1 + r.nextInt(20);
            for (int h = 0; h < hits; h++) {
                if (context) {
                    if (h > 0 && r.nextInt(3) == 0) {
                        sb.append("--\n");
                    }
                    sb.append(path).append('-').append(line).append("-    // context before\n");
                    line++;
                }
                sb.append(path).append(':').append(line).append(':').append(LINES[r.nextInt(LINES.length)]).append('\n');
                line += 1 + r.nextInt(15);
            }
            if (context) {
                sb.append("--\n");
            }
        }
        return sb.toString();
    }

    /** {@code rg -n --heading Order}: a path line, its rows, a blank line between files. */
    public static String ripgrepHeading(int files, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < files; f++) {
            if (f > 0) {
                sb.append('\n');
            }
            sb.append(DIRS[f % DIRS.length]).append("/Order").append(f).append(".java\n");
            int hits = 1 + r.nextInt(12);
            int line = 1;
            for (int h = 0; h < hits; h++) {
                line += 1 + r.nextInt(20);
                sb.append(line).append(':').append(LINES[r.nextInt(LINES.length)]).append('\n');
            }
        }
        return sb.toString();
    }
}
