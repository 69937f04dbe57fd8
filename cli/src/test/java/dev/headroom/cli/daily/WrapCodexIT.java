package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.StubProxy;
import dev.headroom.cli.support.UserShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code headroom wrap codex} / {@code unwrap codex} on a real config.toml, with a fake {@code codex}. */
class WrapCodexIT {

    static final String USER_CONFIG = """
            # my codex settings -- keep this comment
            model = "gpt-5-codex"   # trailing comment
            model_provider = "openai"

            [projects."/home/dev/app"]
            trust_level = "trusted"

            # a provider of my own
            [model_providers.azure]
            name = "Azure"
            base_url = "https://example.openai.azure.com/openai"
            env_key = "AZURE_OPENAI_API_KEY"
            wire_api = "responses"
            """;

    @TempDir
    Path tmp;

    @Test
    void routesCodexKeepsCommentsAndUnwrapRestoresByteForByte() throws Exception {
        UserShell shell = new UserShell(tmp);
        Path config = shell.home().resolve(".codex/config.toml");
        Files.createDirectories(config.getParent());
        byte[] original = (USER_CONFIG + "no_newline_at_end = true").getBytes();
        Files.write(config, original);
        Path rec = shell.fakeTool("codex", 3, config.toString());
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("wrap", "codex", "--port", Integer.toString(proxy.port()), "--", "exec", "hi");
            assertEquals(3, r.exit(), r.stderr());
            String seen = Files.readString(rec.resolve("copy"));
            JsonNode toml = new TomlMapper().readTree(seen);
            assertEquals("headroom", toml.path("model_provider").asText());
            JsonNode provider = toml.path("model_providers").path("headroom");
            assertEquals("http://127.0.0.1:" + proxy.port() + "/v1", provider.path("base_url").asText());
            assertEquals("responses", provider.path("wire_api").asText());
            assertTrue(provider.path("requires_openai_auth").asBoolean(), "ChatGPT login without OPENAI_API_KEY");
            assertEquals("Azure", toml.path("model_providers").path("azure").path("name").asText());
            assertEquals("trusted", toml.path("projects").path("/home/dev/app").path("trust_level").asText());
            assertTrue(seen.contains("# my codex settings -- keep this comment"));
            assertTrue(seen.contains("model = \"gpt-5-codex\"   # trailing comment"));
            assertTrue(seen.contains("# a provider of my own"));
            Map<String, String> env = UserShell.recordedEnv(rec);
            assertEquals("http://127.0.0.1:" + proxy.port() + "/v1", env.get("OPENAI_BASE_URL"));
            assertEquals("project", env.get("HEADROOM_PROJECT"));

            // The route stays for later codex runs until unwrap, which restores the exact bytes; twice is harmless.
            assertEquals(seen, Files.readString(config));
            assertEquals(0, shell.run("unwrap", "codex").exit());
            assertArrayEquals(original, Files.readAllBytes(config));
            Cli.Run again = shell.run("unwrap", "codex");
            assertEquals(0, again.exit());
            assertTrue(again.stdout().contains("nothing to undo"), again.stdout());
            assertArrayEquals(original, Files.readAllBytes(config));
            assertFalse(Files.exists(config.resolveSibling("config.toml.headroom-backup")));
        }
    }

    @Test
    void aSecondWrapKeepsTheFirstBackupAndUsesTheApiKeyWhenSet() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.set("CODEX_HOME", tmp.resolve("codex-home").toString()).set("OPENAI_API_KEY", "sk-test");
        Path config = tmp.resolve("codex-home/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, USER_CONFIG);
        shell.fakeTool("codex", 0, null);
        try (StubProxy proxy = new StubProxy()) {
            String port = Integer.toString(proxy.port());
            assertEquals(0, shell.run("wrap", "codex", "--port", port).exit());
            assertEquals(0, shell.run("wrap", "codex", "--port", port).exit());
            JsonNode toml = new TomlMapper().readTree(Files.readString(config));
            assertEquals("OPENAI_API_KEY", toml.path("model_providers").path("headroom").path("env_key").asText());
            assertEquals(1, Files.readString(config).split("\\[model_providers.headroom]", -1).length - 1);
            assertEquals(0, shell.run("unwrap", "codex").exit());
            assertEquals(USER_CONFIG, Files.readString(config));
        }
    }

    @Test
    void unwrapRemovesAConfigTheWrapCreated() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.fakeTool("codex", 0, null);
        Path config = shell.home().resolve(".codex/config.toml");
        try (StubProxy proxy = new StubProxy()) {
            assertEquals(0, shell.run("wrap", "codex", "--port", Integer.toString(proxy.port())).exit());
            assertTrue(Files.exists(config));
            assertEquals(0, shell.run("unwrap", "codex").exit());
            assertFalse(Files.exists(config));
        }
    }

    @Test
    void unwrapKeepsChangesMadeAfterTheWrap() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.fakeTool("codex", 0, null);
        Path config = shell.home().resolve(".codex/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, USER_CONFIG);
        try (StubProxy proxy = new StubProxy()) {
            assertEquals(0, shell.run("wrap", "codex", "--port", Integer.toString(proxy.port())).exit());
            Files.writeString(config, Files.readString(config) + "\n[projects.\"/home/dev/other\"]\ntrust_level = \"trusted\"\n");
            assertEquals(0, shell.run("unwrap", "codex").exit());
            assertEquals(USER_CONFIG + "\n[projects.\"/home/dev/other\"]\ntrust_level = \"trusted\"\n", Files.readString(config));
        }
    }

    @Test
    void refusesToEditAConfigThatIsNotValidToml() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.fakeTool("codex", 0, null);
        Path config = shell.home().resolve(".codex/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "model = [unclosed\n");
        Cli.Run r = shell.run("wrap", "codex", "--port", "1");
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("not valid TOML"), r.stderr());
        assertEquals("model = [unclosed\n", Files.readString(config));
    }
}
