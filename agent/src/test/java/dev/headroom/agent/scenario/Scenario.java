package dev.headroom.agent.scenario;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A small "app" run in a forked JVM under the agent: {@code Scenario <client> <port> <steps>}. Each request
 * carries {@code X-Step} so the recording server can tell them apart. Prints one STEP line per request and a
 * final STATS line read from the agent's MBean (or "STATS none" when no agent is present).
 */
public final class Scenario {

    public static void main(String[] args) throws Exception {
        String client = args[0];
        int port = Integer.parseInt(args[1]);
        String steps = args.length > 2 ? args[2] : "llm,prefix,other-path,other-host,text,signed,redirect";
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
        appJackson();
        Sender sender = (Sender) Class.forName("dev.headroom.agent.scenario." + client).getConstructor().newInstance();
        byte[] body = ScenarioBodies.anthropicToolResult();
        String llm = "http://127.0.0.1:" + port;
        for (String step : steps.split(",")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Step", step);
            String type = "application/json";
            String url = llm + "/v1/messages";
            switch (step) {
                case "prefix": url = llm + "/gateway/anthropic/v1/messages"; break;
                case "other-path": url = llm + "/upload"; break;
                case "other-host": url = "http://localhost:" + port + "/v1/messages"; break;
                case "text": type = "text/plain"; break;
                case "signed": headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request"); break;
                case "redirect": url = llm + "/redirect/v1/messages"; break;
                case "retry": url = llm + "/v1/messages"; break;
                case "oneshot": case "stream": url = llm + "/v1/messages"; break;
                default: break;
            }
            int status = sender.post(url, body, type, headers);
            System.out.println("STEP " + step + " " + status);
        }
        sender.close();
        System.out.println(stats());
    }

    /** Uses the app's own Jackson (a different version from the agent's) when it is on the class path. */
    private static void appJackson() throws Exception {
        Class<?> mapper;
        try {
            mapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        } catch (ClassNotFoundException absent) {
            return;
        }
        Object m = mapper.getConstructor().newInstance();
        Object tree = mapper.getMethod("readTree", String.class).invoke(m, "{\"a\":[1,2,3]}");
        Object version = mapper.getMethod("version").invoke(m);
        System.out.println("APP-JACKSON " + version + " " + tree);
    }

    private static String stats() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.headroom:type=Agent");
        for (int i = 0; i < 50 && !server.isRegistered(name); i++) {
            if (!isAgentPresent()) {
                return "STATS none";
            }
            Thread.sleep(100);
        }
        if (!server.isRegistered(name)) {
            return "STATS none";
        }
        // The savings thread counts tokens off the request path: give it a moment.
        long compressed = ((Number) server.getAttribute(name, "RequestsCompressed")).longValue();
        for (int i = 0; i < 100 && compressed > 0
                && ((Number) server.getAttribute(name, "TokensBefore")).longValue() == 0; i++) {
            Thread.sleep(50);
        }
        StringBuilder sb = new StringBuilder("STATS");
        for (String a : new String[] {"RequestsSeen", "RequestsCompressed", "Errors", "EngineFailures", "BytesBefore",
                "BytesAfter", "TokensBefore", "TokensAfter"}) {
            sb.append(' ').append(a).append('=').append(server.getAttribute(name, a));
        }
        return sb.toString();
    }

    private static boolean isAgentPresent() {
        try {
            Class.forName("dev.headroom.agent.bootstrap.HeadroomBridge", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
