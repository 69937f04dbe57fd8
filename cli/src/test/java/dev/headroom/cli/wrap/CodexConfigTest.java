package dev.headroom.cli.wrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text-level edit of config.toml: valid TOML after the edit, and the original back byte for byte. */
class CodexConfigTest {

    @TempDir
    Path tmp;

    @Test
    void windowsLineEndingsWithoutAFinalNewlineSurviveARoundTrip() throws Exception {
        byte[] original = "# team settings\r\nmodel_provider = \"azure\"\r\n\r\n[model_providers.azure]\r\nname = \"Azure\"\r\nbase_url = \"https://x\"".getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve("config.toml");
        Files.write(file, original);
        CodexConfig config = new CodexConfig(file);
        config.wrap(9999, false);
        String edited = Files.readString(file);
        JsonNode toml = CodexConfig.parse(edited, "test");
        assertEquals("headroom", toml.path("model_provider").asText());
        assertEquals("Azure", toml.path("model_providers").path("azure").path("name").asText());
        assertTrue(edited.contains("# headroom-was: model_provider = \"azure\"\r\n"), edited);
        assertEquals(new String(original, StandardCharsets.UTF_8), CodexConfig.strip(edited));
        config.unwrap();
        assertArrayEquals(original, Files.readAllBytes(file));
    }

    @Test
    void aKeyInsideATableIsNotMistakenForTheTopLevelOne() throws Exception {
        String text = "[profiles.work]\nmodel_provider = \"openai\"\n";
        String edited = CodexConfig.insert(text, 8787, true);
        JsonNode toml = CodexConfig.parse(edited, "test");
        assertEquals("headroom", toml.path("model_provider").asText());
        assertEquals("openai", toml.path("profiles").path("work").path("model_provider").asText());
        assertEquals("OPENAI_API_KEY", toml.path("model_providers").path("headroom").path("env_key").asText());
        assertEquals(text, CodexConfig.strip(edited));
    }
}
