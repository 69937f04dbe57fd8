package dev.headroom.code.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The tree-sitter native libraries that ship inside the {@code io.github.bonede} Maven jars
 * ({@code lib/<platform>-tree-sitter[-lang].<ext>}), copied once per process into a private temp
 * directory so that {@code dlopen} can read them. No system install and no environment variable needed.
 */
public final class NativeBundle {

    private static volatile Path directory;

    private NativeBundle() {
    }

    /** The platform prefix the bonede jars use, e.g. {@code x86_64-linux-gnu}, or null when they ship none. */
    public static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (cpu == null) {
            return null;
        }
        if (os.contains("linux")) {
            return cpu + "-linux-gnu";
        }
        if (os.contains("mac")) {
            return cpu + "-macos";
        }
        if (os.contains("windows") && cpu.equals("x86_64")) {
            return "x86_64-windows";
        }
        return null;
    }

    private static String extension() {
        String p = platform();
        if (p == null || p.endsWith("linux-gnu")) {
            return ".so";
        }
        return p.endsWith("macos") ? ".dylib" : ".dll";
    }

    /** The core library ({@code tree-sitter}), extracted on first use. */
    public static Path core() {
        return library("tree-sitter");
    }

    /** A grammar library ({@code tree-sitter-python}, ...), extracted on first use. */
    public static Path grammar(String grammar) {
        return library("tree-sitter-" + grammar);
    }

    private static synchronized Path library(String name) {
        String platform = platform();
        if (platform == null) {
            throw new UnsupportedOperationException("no bundled tree-sitter natives for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        }
        String resource = "lib/" + platform + "-" + name + extension();
        try {
            Path dir = directory();
            Path target = dir.resolve("lib" + name + extension());
            if (Files.isRegularFile(target)) {
                return target;
            }
            try (InputStream in = NativeBundle.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path (add the io.github.bonede jar)");
                }
                Path tmp = Files.createTempFile(dir, name, ".part");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            target.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    private static Path directory() throws IOException {
        Path d = directory;
        if (d == null) {
            d = Files.createTempDirectory("headroom-tree-sitter");
            d.toFile().deleteOnExit();
            directory = d;
        }
        return d;
    }
}
