package dev.headroom.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code headroom completion}: prints a bash (and zsh) completion script generated from the command model. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = {"Prints a bash/zsh completion script for headroom.",
                "Install for this shell:  source <(headroom completion)",
                "Or for good:             headroom completion > ~/.local/share/bash-completion/completions/headroom"})
final class CompletionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash("headroom", root);
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
