package dev.headroom.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command line of {@link FakeLlmUpstream#main}: runs the fake until the process is stopped. */
final class StandaloneMain {

    private static final String USAGE = String.join("\n",
            "Usage: java -cp <test-support jar>:<jackson jars> dev.headroom.testsupport.FakeLlmUpstream [options]",
            "  --port N             port on 127.0.0.1 (default 8799; 0 picks a free one)",
            "  --record FILE        append every request (headers and body) to FILE as JSONL",
            "  --script FILE        scripted tool turns, e.g.",
            "                       {\"steps\":[{\"trigger\":\"RUN_SCRIPT\",\"commands\":[\"ls\"],\"finalText\":\"Done.\"}]}",
            "  --default-text TEXT  answer to prompts no script step matches",
            "  --delta-chars N      stream text and tool arguments in deltas of at most N chars (default: one delta)",
            "  --fault-next STATUS  answer the next LLM request with this HTTP status (repeatable, in order)",
            "  --drop-next N        send N SSE events of the next LLM reply, then drop the connection (repeatable)",
            "Prints 'listening on http://127.0.0.1:PORT' when ready; stop it with Ctrl-C or kill.");

    private StandaloneMain() {
    }

    static void run(String[] args) throws Exception {
        int port = 8799;
        Path record = null;
        Path scriptFile = null;
        String defaultText = null;
        int deltaChars = 0;
        java.util.List<Fault> faults = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                fail("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--port": port = Integer.parseInt(v); break;
                case "--record": record = Path.of(v); break;
                case "--script": scriptFile = Path.of(v); break;
                case "--default-text": defaultText = v; break;
                case "--delta-chars": deltaChars = Integer.parseInt(v); break;
                case "--fault-next": faults.add(Fault.status(Integer.parseInt(v))); break;
                case "--drop-next": faults.add(Fault.dropAfterEvents(Integer.parseInt(v))); break;
                default: fail("unknown option " + a);
            }
        }
        ToolScript script = ToolScript.empty();
        if (scriptFile != null) {
            if (!Files.isRegularFile(scriptFile)) {
                fail("script file not found: " + scriptFile);
            }
            script = ToolScript.fromFile(scriptFile);
        }
        if (defaultText != null) {
            script = script.withDefaultText(defaultText);
        }
        FakeLlmUpstream up = FakeLlmUpstream.start(port).script(script).deltaChars(deltaChars);
        faults.forEach(up::faultNext);
        if (record != null) {
            up.recordTo(record);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(up::close));
        System.out.println("fake LLM upstream listening on " + up.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void fail(String message) {
        System.err.println("FakeLlmUpstream: " + message + "\n" + USAGE);
        System.exit(2);
    }
}
