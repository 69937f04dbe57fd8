package dev.headroom.agent.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentConfigTest {

    @Test
    void argumentsThenSystemPropertiesThenEnvironment() {
        Properties sys = new Properties();
        sys.setProperty("headroom.agent.hosts", "sys.example");
        sys.setProperty("headroom.agent.quiet", "true");
        Map<String, String> env = Map.of("HEADROOM_AGENT_HOSTS", "env.example", "HEADROOM_AGENT_QUIET", "false",
                "HEADROOM_AGENT_MAX_BODY_BYTES", "1024");
        AgentConfig c = AgentConfig.resolve("hosts=a.example:1;b.example,mode=lossless", sys, env);
        assertEquals(List.of("a.example:1", "b.example"), c.hosts());
        assertTrue(c.flag("quiet", false));
        assertEquals(1024, c.number("maxBodyBytes", 1));
        assertEquals("lossless", c.mode());
        assertTrue(c.warnings().isEmpty(), c.warnings()::toString);
    }

    @Test
    void balancedIsRefusedAndMistakesFallBackWithAWarning() {
        AgentConfig c = AgentConfig.resolve("mode=balanced,bogus=1,noequals,enabled=maybe", new Properties(), Map.of());
        assertEquals("lossless", c.mode());
        assertTrue(c.flag("enabled", true));
        assertEquals(4, c.warnings().size(), c.warnings()::toString);
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("mode=balanced is not available")));
    }

    @Test
    void envNamesAreSnakeCase() {
        assertEquals("HEADROOM_AGENT_TIME_BUDGET_MS", AgentConfig.envName("timeBudgetMs"));
        assertFalse(AgentConfig.resolve(null, new Properties(), Map.of("HEADROOM_AGENT_ENABLED", "false"))
                .flag("enabled", true));
    }
}
