package dev.headroom.engine.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Tool outputs kept as test resources under {@code samples/}: real runs of Maven, pytest, cargo and git
 * (paths rewritten to {@code /home/dev/...}) and outputs written byte for byte in the formats of Gradle, npm,
 * jest and go test. See {@code samples/README.md}.
 */
public final class Samples {

    private Samples() {
    }

    /** The sample at {@code samples/<name>}, e.g. {@code build/maven-test-failure.txt}. */
    public static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
