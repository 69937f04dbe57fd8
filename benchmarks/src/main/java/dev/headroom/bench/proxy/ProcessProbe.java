package dev.headroom.bench.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the proxy benchmark reads of a running process: its CPU time, RSS and threads, and an attached profiler. */
final class ProcessProbe {

    private ProcessProbe() {
    }

    /**
     * With {@code -Dasprof=PATH/libasyncProfiler.so} (async-profiler, e.g. from Maven Central's
     * tools.profiler:async-profiler linux-x64 jar), attaches it to the proxy for the measured round only, so the
     * profile shows pass-through work rather than JIT warm-up; the collapsed stacks land in the run's work directory.
     */
    static void startProfile(long pid) throws IOException, InterruptedException {
        profile(pid, "start,event=" + System.getProperty("asprof.event", "cpu") + ",interval="
                + System.getProperty("asprof.interval", "1ms") + System.getProperty("asprof.extra", ""));
    }

    static void stopProfile(long pid, Path work) throws IOException, InterruptedException {
        profile(pid, "stop,file=" + work.resolve("proxy-profile.collapsed"));
    }

    private static void profile(long pid, String command) throws IOException, InterruptedException {
        String lib = System.getProperty("asprof");
        if (lib == null) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "JVMTI.agent_load", lib, "\"" + command + "\"")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (command.startsWith("stop")) {
            System.out.println("  profile: " + command.substring(command.indexOf('=') + 1));
        }
    }

    /** User and system CPU time a process has used so far, in ms, from /proc/PID/stat; zeros when unreadable. */
    static long[] cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) in clock ticks, 100 per second on Linux
            return new long[] {Long.parseLong(f[11]) * 10, Long.parseLong(f[12]) * 10};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** A number from /proc/PID/status (VmRSS in kB, Threads as a count); 0 once the process is gone. */
    static long procStatus(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // process gone
        }
        return 0;
    }
}
