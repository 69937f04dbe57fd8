package dev.headroom.cli.wrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code headroom wrap}: the parent of {@code wrap claude} and {@code wrap codex}. */
@Command(name = "wrap",
        mixinStandardHelpOptions = true,
        description = {"Runs a coding agent through the Headroom proxy: starts or reuses the proxy, routes the agent "
                + "to it, runs the agent and returns its exit code.",
                "A proxy that a wrap started stops when the last wrapper using it exits."},
        subcommands = {WrapClaudeCommand.class, WrapCodexCommand.class})
public final class WrapCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name the tool to wrap: claude or codex");
    }
}
