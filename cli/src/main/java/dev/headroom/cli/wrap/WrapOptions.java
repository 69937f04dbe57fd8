package dev.headroom.cli.wrap;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;

/** Options shared by the wraps: the port, and everything else passed to the tool. */
final class WrapOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:HEADROOM_PORT:-8787}",
            description = "The proxy's port on 127.0.0.1; a healthy proxy there is reused, else one is started (default: ${DEFAULT-VALUE}).")
    int port;

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "Arguments for the tool (put them after --).")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    List<String> toolArgs() {
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(args);
        return all;
    }
}
