package dev.headroom.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Lays out a Spring Boot executable jar by hand (what spring-boot-maven-plugin's repackage produces): the
 * Boot loader at the root, the scenario classes in BOOT-INF/classes, the client jars stored uncompressed
 * in BOOT-INF/lib, so the app's classes come from nested jars through Boot's own class loader.
 */
final class SpringBootJar {

    private SpringBootJar() {
    }

    static Path build(Path out, Path loaderJar, Path classesDir, Path... libDirs) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        a.putValue("Start-Class", "dev.headroom.agent.scenario.Scenario");
        a.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        a.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), mf)) {
            try (JarInputStream loader = new JarInputStream(Files.newInputStream(loaderJar))) {
                for (JarEntry e; (e = loader.getNextJarEntry()) != null; ) {
                    if (!e.isDirectory() && e.getName().startsWith("org/")) {
                        jar.putNextEntry(new JarEntry(e.getName()));
                        loader.transferTo(jar);
                    }
                }
            }
            // Boot adds BOOT-INF/classes/ to the class path only when the directory entries exist.
            for (String dir : new String[] {"BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/classes/dev/",
                    "BOOT-INF/classes/dev/headroom/", "BOOT-INF/classes/dev/headroom/agent/",
                    "BOOT-INF/classes/dev/headroom/agent/scenario/", "BOOT-INF/lib/"}) {
                jar.putNextEntry(new JarEntry(dir));
            }
            Path scenario = classesDir.resolve("dev/headroom/agent/scenario");
            try (Stream<Path> files = Files.list(scenario)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    jar.putNextEntry(new JarEntry("BOOT-INF/classes/" + classesDir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, jar);
                }
            }
            for (Path dir : libDirs) {
                try (Stream<Path> libs = Files.list(dir)) {
                    for (Path lib : (Iterable<Path>) libs::iterator) {
                        stored(jar, "BOOT-INF/lib/" + lib.getFileName(), Files.readAllBytes(lib));
                    }
                }
            }
        }
        return out;
    }

    private static void stored(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        JarEntry e = new JarEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        jar.putNextEntry(e);
        jar.write(bytes);
    }
}
