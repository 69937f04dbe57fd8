package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.testsupport.FakeLlmUpstream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reference's npm TypeScript SDK {@code headroom-ai} (pinned in {@code e2e/sdk/package-lock.json}) against the
 * packaged proxy: {@code node --test e2e/sdk/headroom-ai.test.mjs} calls {@code compress()}, {@code retrieve()},
 * {@code health()} and {@code proxyStats()} on a proxy started on a free loopback port (upstreams aimed at the
 * recording fake, so nothing leaves the machine).
 *
 * <p>Needs node and npm. Without them, or when {@code npm ci} cannot fetch the package, the test is skipped on a
 * developer machine, but fails in CI ({@code CI=true}), where the SDK check must not silently go missing.
 */
class HeadroomAiSdkIT {

    static final String SDK_VERSION = "0.37.0";
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void theReferenceSdkCompressesRetrievesAndReadsHealthAndStatsThroughTheProxy() throws Exception {
        Path sdkDir = Path.of(System.getProperty("headroom.sdk.dir", "sdk")).toAbsolutePath().normalize();
        Path node = executable("node");
        Path npm = executable("npm");
        unless(node != null && npm != null, "node and npm are not on PATH (install nodejs and npm)");
        install(npm, sdkDir);
        Path launcher = PinnedClients.launcher();

        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0);
             ProxyProcess proxy = ProxyProcess.start(launcher, tmp.resolve("headroom"), upstream.baseUrl(),
                     ProcessRun.baseEnv(tmp.resolve("home")))) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.keySet().removeIf(k -> k.startsWith("HEADROOM_"));
            env.put("HEADROOM_BASE_URL", proxy.baseUrl());
            env.put("NO_COLOR", "1");
            ProcessRun run = ProcessRun.run(List.of(node.toString(), "--test", "--test-reporter=tap",
                    "headroom-ai.test.mjs"), env, sdkDir, NODE_TIMEOUT);
            String report = run.describe() + "\n--- proxy log ---\n" + Diagnostics.cut(proxy.log(), 8000);
            assertEquals(0, run.exitCode(), "node --test against the proxy failed:\n" + report);
            assertTrue(run.stdout().contains("\n# fail 0") && !run.stdout().contains("\n# pass 0"),
                    "node ran the SDK tests and none failed:\n" + report);
            System.out.println(run.describe());

            // The proxy's own view agrees: the SDK's calls were counted and nothing reached the upstream.
            JsonNode stats = proxy.stats();
            assertTrue(stats.path("requests").path("total").asLong() >= 2, stats.toString());
            assertTrue(stats.path("tokens").path("saved").asLong() > 0, stats.toString());
            assertEquals(0, upstream.requests().size(), "compress and retrieve never call the upstream");
        }
    }

    /** {@code npm ci} from the lock file unless the pinned SDK is already installed (offline runs after .ci/setup). */
    private static void install(Path npm, Path sdkDir) throws IOException, InterruptedException {
        if (SDK_VERSION.equals(installedVersion(sdkDir))) {
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        ProcessRun ci = ProcessRun.run(List.of(npm.toString(), "ci", "--prefer-offline", "--no-audit", "--no-fund"),
                env, sdkDir, NPM_TIMEOUT);
        unless(ci.exitCode() == 0 && SDK_VERSION.equals(installedVersion(sdkDir)),
                "npm ci of headroom-ai@" + SDK_VERSION + " in " + sdkDir + " failed (offline?):\n" + ci.describe());
    }

    private static String installedVersion(Path sdkDir) {
        Path manifest = sdkDir.resolve("node_modules").resolve("headroom-ai").resolve("package.json");
        try {
            return new ObjectMapper().readTree(manifest.toFile()).path("version").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Skips on a developer machine, fails in CI. */
    private static void unless(boolean ok, String why) {
        if (ok) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and the headroom-ai SDK test cannot run: " + why);
        }
        Assumptions.assumeTrue(false, why + "; skipping the headroom-ai SDK test (it fails instead when CI=true)");
    }

    private static Path executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
