package dev.headroom.prose.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Downloads the Kompress model into the Hugging Face cache layout, from {@code HF_ENDPOINT} (default the
 * public hub): {@code GET <endpoint>/<repo>/resolve/main/<file>}, stored under
 * {@code models--<org>--<name>/snapshots/<commit>/<file>} with {@code refs/main} naming the commit (from
 * the {@code X-Repo-Commit} header). Blocking: {@link dev.headroom.prose.ProseEngine} calls it on its own
 * background thread, never on a request.
 */
public final class ModelDownloader {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private final String endpoint;
    private final ModelLocator locator;
    private final HttpClient http;

    public ModelDownloader(String endpoint, ModelLocator locator) {
        this.endpoint = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint.replaceAll("/+$", "");
        this.locator = locator;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    public String endpoint() {
        return endpoint;
    }

    /** Fetches the first model file the hub has, and the tokenizer; returns them as the locator will see them. */
    public ModelFiles download() throws IOException, InterruptedException {
        Path model = null;
        for (String file : ModelLocator.MODEL_FILES) {
            model = fetch(ModelLocator.REPO, file);
            if (model != null) {
                break;
            }
        }
        if (model == null) {
            throw new IOException(endpoint + " has none of " + ModelLocator.MODEL_FILES + " for " + ModelLocator.REPO);
        }
        Path tokenizer = fetch(ModelLocator.REPO, ModelLocator.TOKENIZER_FILE);
        if (tokenizer == null) {
            tokenizer = fetch(ModelLocator.TOKENIZER_REPO, ModelLocator.TOKENIZER_FILE);
        }
        if (tokenizer == null) {
            throw new IOException(endpoint + " has no " + ModelLocator.TOKENIZER_FILE + " for " + ModelLocator.REPO
                    + " or " + ModelLocator.TOKENIZER_REPO);
        }
        return new ModelFiles(model, tokenizer);
    }

    /** One file into the cache; null when the hub says 404. */
    Path fetch(String repo, String file) throws IOException, InterruptedException {
        URI uri = URI.create(endpoint + "/" + repo + "/resolve/main/" + file);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .header("User-Agent", "headroom-jvm").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            String commit = response.headers().firstValue("X-Repo-Commit").orElse("main").replaceAll("[^A-Za-z0-9._-]", "");
            Path repoDir = locator.repoDir(repo);
            Path target = repoDir.resolve("snapshots").resolve(commit).resolve(file);
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            part.toFile().deleteOnExit(); // a short-lived process (the CLI) may exit mid-download
            try {
                Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            Files.createDirectories(repoDir.resolve("refs"));
            Files.writeString(repoDir.resolve("refs").resolve("main"), commit, StandardCharsets.UTF_8);
            return target;
        }
    }
}
