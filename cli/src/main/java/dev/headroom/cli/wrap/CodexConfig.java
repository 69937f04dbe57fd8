package dev.headroom.cli.wrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Codex's {@code config.toml} under {@code $CODEX_HOME} (default {@code ~/.codex}), edited so Codex talks to
 * the proxy. TOML libraries drop comments when they write, so the edit is textual: two marked blocks
 * (a top-level {@code model_provider = "headroom"} and a {@code [model_providers.headroom]} table) are added,
 * and a user's own top-level {@code model_provider} line is commented out. The result is parsed with a TOML
 * library before it is written, so a broken file is never left behind. The first wrap keeps a byte-for-byte
 * backup that {@link #unwrap()} restores.
 */
public final class CodexConfig {

    static final String TOP_BEGIN = "# >>> headroom: added by `headroom wrap codex`; `headroom unwrap codex` undoes it >>>";
    static final String TOP_END = "# <<< headroom <<<";
    static final String PROVIDER_BEGIN = "# >>> headroom provider >>>";
    /** Used instead of PROVIDER_BEGIN when the file did not end with a newline, which the wrap then added. */
    static final String PROVIDER_BEGIN_AFTER_EOL = "# >>> headroom provider (newline added before) >>>";
    static final String PROVIDER_END = "# <<< headroom provider <<<";
    static final String WAS = "# headroom-was: ";

    private final Path file;

    public CodexConfig(Path file) {
        this.file = file;
    }

    /** {@code $CODEX_HOME/config.toml}, else {@code $HOME/.codex/config.toml}. */
    public static CodexConfig of(Map<String, String> env) {
        String codexHome = env.get("CODEX_HOME");
        Path dir = codexHome != null && !codexHome.isBlank() ? Path.of(codexHome)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".codex");
        return new CodexConfig(dir.resolve("config.toml"));
    }

    public Path file() {
        return file;
    }

    public Path backup() {
        return file.resolveSibling("config.toml.headroom-backup");
    }

    /** Present when the wrap created config.toml, so unwrap deletes it again. */
    Path absentMarker() {
        return file.resolveSibling("config.toml.headroom-absent");
    }

    /** Adds (or refreshes) the headroom provider for the proxy on {@code port} and selects it. */
    public void wrap(int port, boolean apiKeyAuth) throws IOException {
        Files.createDirectories(file.getParent());
        boolean exists = Files.exists(file);
        String current = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String clean = strip(current);
        JsonNode existing = parse(clean, "the existing " + file).path("model_providers").path("headroom");
        if (!existing.isMissingNode()) {
            throw new IOException(file + " already defines [model_providers.headroom] outside headroom's markers; "
                    + "remove that table and run the wrap again");
        }
        String updated = insert(clean, port, apiKeyAuth);
        JsonNode parsed = parse(updated, "the edited " + file);
        if (!"headroom".equals(parsed.path("model_provider").asText())
                || !parsed.path("model_providers").path("headroom").path("base_url").asText().endsWith(":" + port + "/v1")) {
            throw new IOException("could not route " + file + " through headroom (the edit did not take); file left unchanged");
        }
        if (!Files.exists(backup()) && !Files.exists(absentMarker())) {
            if (exists) {
                Files.copy(file, backup(), StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.writeString(absentMarker(), "config.toml did not exist before `headroom wrap codex`\n");
            }
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    /** The outcome of an unwrap, in words. */
    public String unwrap() throws IOException {
        Path backup = backup();
        if (Files.exists(backup)) {
            String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            byte[] original = Files.readAllBytes(backup);
            if (current == null || strip(current).equals(new String(original, StandardCharsets.UTF_8))) {
                Files.move(backup, file, StandardCopyOption.REPLACE_EXISTING);
                return "restored " + file + " from its backup (byte for byte)";
            }
            // Codex or the user changed the file since the wrap (e.g. trusted a project): keep those changes.
            Files.writeString(file, strip(current), StandardCharsets.UTF_8);
            Files.delete(backup);
            return "removed headroom's blocks from " + file + " (kept the changes made since the wrap)";
        }
        if (Files.exists(absentMarker())) {
            Files.delete(absentMarker());
            if (Files.exists(file)) {
                String rest = strip(Files.readString(file, StandardCharsets.UTF_8));
                if (rest.isBlank()) {
                    Files.delete(file);
                    return "removed " + file + " (the wrap had created it)";
                }
                Files.writeString(file, rest, StandardCharsets.UTF_8);
                return "removed headroom's blocks from " + file;
            }
            return "nothing to undo";
        }
        if (Files.exists(file)) {
            String current = Files.readString(file, StandardCharsets.UTF_8);
            String rest = strip(current);
            if (!rest.equals(current)) {
                Files.writeString(file, rest, StandardCharsets.UTF_8);
                return "removed headroom's blocks from " + file;
            }
        }
        return "nothing to undo: " + file + " is not routed through headroom";
    }

    /** The text without headroom's blocks, with commented-out user lines put back. */
    static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean skipping = false;
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(i, end);
            String bare = line.stripTrailing();
            if (bare.equals(TOP_BEGIN) || bare.equals(PROVIDER_BEGIN)) {
                skipping = true;
            } else if (bare.equals(PROVIDER_BEGIN_AFTER_EOL)) {
                skipping = true;
                int cut = out.length() >= 2 && out.charAt(out.length() - 2) == '\r' ? 2 : 1;
                if (out.length() >= cut && out.charAt(out.length() - 1) == '\n') {
                    out.setLength(out.length() - cut);
                }
            } else if (skipping && (bare.equals(TOP_END) || bare.equals(PROVIDER_END))) {
                skipping = false;
            } else if (!skipping) {
                out.append(line.startsWith(WAS) ? line.substring(WAS.length()) : line);
            }
            i = end;
        }
        return out.toString();
    }

    static String insert(String text, int port, boolean apiKeyAuth) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder body = new StringBuilder(text.length() + 512);
        // Comment out a top-level model_provider (before the first table header) so the key is not defined twice.
        boolean topLevel = true;
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(i, end);
            String t = line.strip();
            if (t.startsWith("[")) {
                topLevel = false;
            }
            if (topLevel && (t.startsWith("model_provider ") || t.startsWith("model_provider="))) {
                body.append(WAS).append(line);
            } else {
                body.append(line);
            }
            i = end;
        }
        StringBuilder top = new StringBuilder();
        top.append(TOP_BEGIN).append(eol).append("model_provider = \"headroom\"").append(eol).append(TOP_END).append(eol);
        StringBuilder provider = new StringBuilder();
        if (body.length() > 0 && body.charAt(body.length() - 1) != '\n') {
            provider.append(eol).append(PROVIDER_BEGIN_AFTER_EOL).append(eol);
        } else {
            provider.append(PROVIDER_BEGIN).append(eol);
        }
        provider
                .append("[model_providers.headroom]").append(eol)
                .append("name = \"Headroom proxy\"").append(eol)
                .append("base_url = \"http://127.0.0.1:").append(port).append("/v1\"").append(eol)
                .append("wire_api = \"responses\"").append(eol)
                .append(apiKeyAuth ? "env_key = \"OPENAI_API_KEY\"" : "requires_openai_auth = true").append(eol)
                .append("env_http_headers = { \"X-Headroom-Project\" = \"HEADROOM_PROJECT\" }").append(eol)
                .append("supports_websockets = true").append(eol)
                .append(PROVIDER_END).append(eol);
        return top + body.toString() + provider;
    }

    /** Parses TOML text; a clear error when it is not valid TOML. */
    static JsonNode parse(String text, String what) throws IOException {
        try {
            return new TomlMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(what + " is not valid TOML (" + e.getOriginalMessage() + "); fix it and retry", e);
        }
    }

    /** The parsed file, if it exists and parses (for doctor). */
    public Optional<JsonNode> read() {
        try {
            return Files.exists(file) ? Optional.of(parse(Files.readString(file), file.toString())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
