package dev.headroom.agent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentMainTest {

    @Test
    void killSwitchInTheAgentArguments() {
        assertTrue(AgentMain.killSwitchOn("hosts=127.0.0.1:1,enabled=false"));
        assertTrue(AgentMain.killSwitchOn("enabled=off"));
        assertFalse(AgentMain.killSwitchOn("hosts=127.0.0.1:1,enabled=true"));
        assertFalse(AgentMain.killSwitchOn(null) && System.getenv("HEADROOM_AGENT_ENABLED") == null
                && System.getProperty("headroom.agent.enabled") == null);
    }
}
