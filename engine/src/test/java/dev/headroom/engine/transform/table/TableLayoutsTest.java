package dev.headroom.engine.transform.table;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each command's layout is read into the right columns and cells, and the lines around tables are left alone. */
class TableLayoutsTest {

    private static List<TableSpan> spans(String text) {
        return TableFinder.find(TableOutputs.lines(text));
    }

    private static CellTable only(String text) {
        List<TableSpan> spans = spans(text);
        assertEquals(1, spans.size(), "tables in:\n" + text);
        return spans.get(0).table();
    }

    private static String[] row(CellTable t, String firstCell) {
        return t.rows().stream().filter(r -> r[0].equals(firstCell)).findFirst().orElseThrow(() -> new AssertionError(firstCell));
    }

    @Test
    void kubectlPods() {
        CellTable t = only(ClusterSamples.pods(60, 1));
        assertArrayEquals(new String[] {"NAME", "READY", "STATUS", "RESTARTS", "AGE"}, t.columns());
        assertEquals(60, t.rowCount());
        String[] crash = t.rows().get(17);
        assertEquals(List.of("0/1", "CrashLoopBackOff", "17 (3m12s ago)"), Arrays.asList(crash).subList(1, 4));
    }

    @Test
    void kubectlAllNamespacesWideJoinsTwoWordLabels() {
        CellTable t = only(ClusterSamples.podsAllWide(60, 2));
        assertArrayEquals(new String[] {"NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE",
            "NOMINATED NODE", "READINESS GATES"}, t.columns());
        assertEquals("<none>", t.rows().get(0)[9]);
        assertTrue(t.rows().stream().anyMatch(r -> r[3].equals("CrashLoopBackOff") && r[4].equals("12 (2m41s ago)")));
    }

    @Test
    void kubectlEventsKeepSpacesInsideCells() {
        CellTable t = only(ClusterSamples.events(50, 3));
        assertArrayEquals(new String[] {"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"}, t.columns());
        String[] backoff = t.rows().stream().filter(r -> r[2].equals("BackOff")).findFirst().orElseThrow();
        assertEquals("2m (x87 over 21m)", backoff[0]);
        assertEquals("Warning", backoff[1]);
        assertTrue(backoff[4].startsWith("Back-off restarting failed container"), backoff[4]);
    }

    @Test
    void dockerPsWithEmptyPortsAndSpacesInCells() {
        CellTable t = only(ClusterSamples.dockerPs(20, 4));
        assertArrayEquals(new String[] {"CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"}, t.columns());
        String[] exited = t.rows().get(9);
        assertEquals("Exited (137) 5 minutes ago", exited[4]);
        assertEquals("", exited[5]);
        assertEquals("shop-orders-2", exited[6]);
        assertEquals("0.0.0.0:5432->5432/tcp, :::5432->5432/tcp", t.rows().get(0)[5]);
    }

    @Test
    void psAuxWithAnOverflowingValueSplitsOnSpaces() {
        CellTable t = only(HostSamples.psAux(40, 5));
        assertEquals(11, t.columnCount());
        String[] java = row(t, "dev");
        java = t.rows().stream().filter(r -> r[1].equals("48211")).findFirst().orElseThrow();
        assertEquals("187", java[2]);
        assertEquals("12054320", java[4]);
        assertTrue(java[10].startsWith("/usr/lib/jvm/java-21-openjdk-amd64/bin/java -Xmx4g -jar"), java[10]);
        assertEquals("/sbin/init splash", t.rows().get(0)[10]);
    }

    @Test
    void dfRightAlignedNumbersAndMountedOn() {
        CellTable t = only(HostSamples.dfH());
        assertArrayEquals(new String[] {"Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"}, t.columns());
        assertArrayEquals(new String[] {"/dev/sda1", "916G", "845G", "25G", "97%", "/data"}, row(t, "/dev/sda1"));
    }

    @Test
    void dpkgListKeepsItsLegendLinesOutOfTheTable() {
        String text = HostSamples.dpkgL(30, 7);
        List<TableSpan> spans = spans(text);
        assertEquals(1, spans.size());
        assertEquals(3, spans.get(0).from(), "the three legend lines stay as they are");
        CellTable t = spans.get(0).table();
        assertArrayEquals(new String[] {"||/", "Name", "Version", "Architecture", "Description"}, t.columns());
        assertEquals("rc", t.rows().get(t.rowCount() - 1)[0]);
        assertEquals("iF", t.rows().get(29)[0]);
    }

    @Test
    void psqlAndMysqlGrids() {
        List<String[]> orders = GridSamples.orders(20, 6);
        for (String grid : List.of(GridSamples.psql(orders), GridSamples.mysql(orders))) {
            CellTable t = only(grid);
            assertArrayEquals(GridSamples.COLUMNS, t.columns());
            assertEquals(20, t.rowCount());
            assertEquals("customer said \"damaged\", refund issued", t.rows().get(5)[7]);
            assertEquals("61.03", t.rows().get(1)[3]);
        }
        String psql = GridSamples.psql(orders);
        TableSpan span = spans(psql).get(0);
        assertEquals("(20 rows)", TableOutputs.lines(psql).get(span.to()), "the footer stays outside the table");
    }

    @Test
    void markdownAndPipList() {
        CellTable md = only("| Package | Version | Notes |\n|---|:---:|---|\n| attrs | 23.1.0 | a \\| b |\n| certifi | 2024.2.2 |  |\n"
                + "| idna | 3.6 | |\n");
        assertArrayEquals(new String[] {"Package", "Version", "Notes"}, md.columns());
        assertEquals("a \\| b", md.rows().get(0)[2]);
        CellTable pip = only("Package            Version\n------------------ ---------\nattrs              23.1.0\ncertifi            2024.2.2\n"
                + "charset-normalizer 3.3.2\nidna               3.6\n");
        assertArrayEquals(new String[] {"Package", "Version"}, pip.columns());
        assertArrayEquals(new String[] {"charset-normalizer", "3.3.2"}, pip.rows().get(2));
    }

    @Test
    void linesAroundTablesAndTwoTablesInOneOutput() {
        String text = "Every 2.0s: kubectl get pods,svc\n\n" + ClusterSamples.pods(8, 9) + "\n"
                + "NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)    AGE\n"
                + "service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP    41d\n"
                + "service/orders-api   ClusterIP   10.96.120.17    <none>        8080/TCP   12d\n"
                + "service/web          NodePort    10.96.44.201    <none>        80:30080/TCP   12d\n";
        List<TableSpan> spans = spans(text);
        assertEquals(2, spans.size());
        assertEquals(2, spans.get(0).from());
        assertEquals(8, spans.get(0).table().rowCount());
        assertArrayEquals(new String[] {"NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"}, spans.get(1).table().columns());
    }

    @Test
    void aTableFollowedByOtherLinesInTheSameBlockEndsWhereItsLayoutEnds() {
        String text = ClusterSamples.pods(30, 1) + "Some prose right after the table, with no blank line before it.\n"
                + "And another line of it, long enough to cross every column of the table above.\n"
                + "And a third one, so that the footer allowance of two lines is not enough.\n";
        List<TableSpan> spans = spans(text);
        assertEquals(1, spans.size());
        assertEquals(31, spans.get(0).to(), "header and 30 rows");
    }

    @Test
    void rowLabelsUnderNoHeaderWordAndATitledProcessTable() {
        CellTable free = only("               total        used        free      shared  buff/cache   available\n"
                + "Mem:            15Gi       6.1Gi       2.3Gi       412Mi       7.4Gi       8.9Gi\n"
                + "Swap:          2.0Gi       1.2Mi       2.0Gi\n");
        assertArrayEquals(new String[] {"", "total", "used", "free", "shared", "buff/cache", "available"}, free.columns());
        assertArrayEquals(new String[] {"Swap:", "2.0Gi", "1.2Mi", "2.0Gi", "", "", ""}, free.rows().get(1));
        String top = "top - 12:41:07 up 3 days,  2:27,  1 user,  load average: 1.92, 1.41, 1.20\n"
                + "Tasks: 312 total,   1 running, 311 sleeping,   0 stopped,   0 zombie\n\n"
                + "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n"
                + "  48211 dev       20   0   11.5g   1.5g  31744 S 187.5   9.6  63:41.12 java\n"
                + "   1044 root      20   0   55944   6144   4352 S   0.0   0.0   0:00.11 nginx\n"
                + "      1 root      20   0  168140  11788   8404 S   0.0   0.1   0:09.20 systemd\n";
        List<TableSpan> spans = spans(top);
        assertEquals(1, spans.size());
        assertEquals(3, spans.get(0).from(), "the summary lines stay as they are");
        assertArrayEquals(new String[] {"48211", "dev", "20", "0", "11.5g", "1.5g", "31744", "S", "187.5", "9.6", "63:41.12", "java"},
                spans.get(0).table().rows().get(0));
    }

    @Test
    void proseCodeAndListingsWithoutAHeaderAreNoTables() {
        assertTrue(spans("The quick brown fox jumps over the lazy dog.\nIt was not amused by it at all, no.\nThen it slept.\n").isEmpty());
        assertTrue(spans("total 48\ndrwxr-xr-x  5 dev dev 4096 Dec  3 09:14 .\ndrwxr-xr-x 12 dev dev 4096 Dec  1 10:02 ..\n"
                + "-rw-r--r--  1 dev dev  220 Dec  1 10:02 .bash_logout\n").isEmpty());
        assertTrue(spans("public class A {\n    private int x;\n    public int x() {\n        return x;\n    }\n}\n").isEmpty());
        assertTrue(spans("79318f6 PRICING-212 minimum order for discounts\n4c1a2b9 Fix rounding\n1e2f3a4 Initial import\n").isEmpty());
        assertNotNull(TabularDetector.detect(ClusterSamples.pods(20, 1)));
    }
}
