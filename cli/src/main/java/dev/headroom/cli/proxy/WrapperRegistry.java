package dev.headroom.cli.proxy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reference counting of the wrappers that use a proxy: each live wrapper has
 * {@code HEADROOM_HOME/clients/<port>/<pid>.json}; a proxy a wrapper started is recorded in
 * {@code clients/<port>/proxy.json}. The last wrapper to leave stops that proxy, and only that one:
 * a proxy the user started by hand has no {@code proxy.json} and is never stopped. A file lock serialises
 * wrappers that start or leave at the same time.
 */
public final class WrapperRegistry {

    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

    private final Path dir;

    public WrapperRegistry(Path headroomHome, int port) {
        this.dir = headroomHome.resolve("clients").resolve(Integer.toString(port));
    }

    public Path dir() {
        return dir;
    }

    /** Runs {@code action} while holding the port's lock. */
    public <T> T locked(IoAction<T> action) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return action.run();
        }
    }

    public void join(long pid, String tool) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(pid + ".json"), "{\"pid\": " + pid + ", \"tool\": \"" + tool
                + "\", \"started_at\": " + System.currentTimeMillis() + "}\n", StandardCharsets.UTF_8);
    }

    public void leave(long pid) throws IOException {
        Files.deleteIfExists(dir.resolve(pid + ".json"));
    }

    /** Wrappers still running (markers of dead processes are removed on the way). */
    public int liveWrappers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int live = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.equals("proxy.json")) {
                    continue;
                }
                OptionalLong pid = parsePid(name.substring(0, name.length() - 5));
                if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                    live++;
                } else {
                    Files.deleteIfExists(p);
                }
            }
        }
        return live;
    }

    public void recordStartedProxy(long proxyPid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("proxy.json"), "{\"pid\": " + proxyPid + ", \"started_by\": \"headroom wrap\"}\n");
    }

    /** The pid of a proxy a wrapper started on this port and that still runs. */
    public OptionalLong startedProxy() throws IOException {
        Path f = dir.resolve("proxy.json");
        if (!Files.exists(f)) {
            return OptionalLong.empty();
        }
        Matcher m = PID.matcher(Files.readString(f));
        if (m.find()) {
            long pid = Long.parseLong(m.group(1));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return OptionalLong.of(pid);
            }
        }
        Files.deleteIfExists(f);
        return OptionalLong.empty();
    }

    public void forgetStartedProxy() throws IOException {
        Files.deleteIfExists(dir.resolve("proxy.json"));
    }

    private static OptionalLong parsePid(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** An action that may fail with I/O. */
    @FunctionalInterface
    public interface IoAction<T> {
        T run() throws IOException;
    }
}
