package dev.headroom.cli;

import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.budget.BudgetPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code headroom proxy --budget USD --budget-period P}: flag over HEADROOM_BUDGET*, clear errors, the banner line. */
class ProxyBudgetOptionsTest {

    @TempDir
    Path home;

    @Test
    void flagsOverrideTheEnvironmentWhichOverridesNoCapDaily() {
        ProxyCommand cmd = new ProxyCommand();
        new CommandLine(cmd).parseArgs("--budget", "2.5", "--budget-period", "hourly");
        var c = cmd.config(Map.of("HEADROOM_HOME", home.toString(), "HEADROOM_BUDGET", "9"));
        assertEquals(2.5, c.budget().limitUsd());
        assertEquals(BudgetPeriod.HOURLY, c.budget().period());

        ProxyCommand fromEnv = new ProxyCommand();
        new CommandLine(fromEnv).parseArgs();
        var e = fromEnv.config(Map.of("HEADROOM_HOME", home.toString(), "HEADROOM_BUDGET", "7"));
        assertEquals(7.0, e.budget().limitUsd());

        ProxyCommand none = new ProxyCommand();
        new CommandLine(none).parseArgs();
        var n = none.config(Map.of("HEADROOM_HOME", home.toString()));
        assertNull(n.budget().limitUsd());
        assertEquals(BudgetPeriod.DAILY, n.budget().period());
    }

    @Test
    void aBadBudgetStopsTheStartAndSaysWhatToWrite() {
        CommandLine cl = new CommandLine(new ProxyCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("--port", "0", "--budget", "lots"));
        assertTrue(err.toString().contains("--budget 5"), err.toString());
        StringWriter err2 = new StringWriter();
        cl.setErr(new PrintWriter(err2, true));
        assertEquals(1, cl.execute("--port", "0", "--budget", "5", "--budget-period", "weekly"));
        assertTrue(err2.toString().contains("hourly"), err2.toString());
    }

    @Test
    void theBannerSaysTheBudget() throws Exception {
        ProxyCommand cmd = new ProxyCommand();
        new CommandLine(cmd).parseArgs("--port", "0", "--no-request-log", "--budget", "3");
        try (HeadroomProxy proxy = HeadroomProxy.start(cmd.config(Map.of("HEADROOM_HOME", home.toString())))) {
            String banner = ProxyCommand.banner(proxy);
            assertTrue(banner.contains("budget     $3.00 per day, $0.00 spent so far"), banner);
        }
    }
}
