package dev.headroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code headroom} command: one subcommand class per verb. */
@Command(name = "headroom",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Cuts the tokens of tool output in LLM requests before they reach Anthropic or OpenAI,%n"
                + "keeping answers, streams and prompt caches intact, with nothing lost for good.",
        subcommands = {CompressCommand.class, RetrieveCommand.class, ProxyCommand.class,
                dev.headroom.cli.wrap.WrapCommand.class, dev.headroom.cli.wrap.UnwrapCommand.class,
                dev.headroom.cli.doctor.DoctorCommand.class, dev.headroom.cli.savings.SavingsCommand.class,
                dev.headroom.cli.perf.PerfCommand.class, dev.headroom.cli.dashboard.DashboardCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class})
public final class HeadroomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests that run in-process). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new HeadroomCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("headroom: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
