package dev.headroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code headroom} command: one subcommand class per verb. */
@Command(name = "headroom",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Cuts the tokens of tool output in LLM requests before they reach Anthropic or OpenAI,%n"
                + "keeping answers, streams and prompt caches intact, with nothing lost for good.",
        footer = {"%nStart here:",
                "  headroom wrap claude   Claude Code through the proxy (starts one if needed)",
                "  headroom doctor        proxy up? clients routed? savings flowing?",
                "  headroom savings       what it saved: today, 7 days, all time",
                "%n`headroom COMMAND --help` lists a command's options.",
                "State lives in HEADROOM_HOME (default ~/.headroom)."})
public final class HeadroomCommand implements Runnable {

    /**
     * The subcommands, in the order --help lists them. Registered here rather than in {@code @Command} so that
     * a run builds picocli's model only for the verb it runs: reflecting over every command costs short
     * commands such as {@code doctor} a noticeable part of their start-up.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("compress", CompressCommand.class);
        SUBCOMMANDS.put("retrieve", RetrieveCommand.class);
        SUBCOMMANDS.put("proxy", ProxyCommand.class);
        SUBCOMMANDS.put("wrap", dev.headroom.cli.wrap.WrapCommand.class);
        SUBCOMMANDS.put("unwrap", dev.headroom.cli.wrap.UnwrapCommand.class);
        SUBCOMMANDS.put("doctor", dev.headroom.cli.doctor.DoctorCommand.class);
        SUBCOMMANDS.put("savings", dev.headroom.cli.savings.SavingsCommand.class);
        SUBCOMMANDS.put("perf", dev.headroom.cli.perf.PerfCommand.class);
        SUBCOMMANDS.put("dashboard", dev.headroom.cli.dashboard.DashboardCommand.class);
        SUBCOMMANDS.put("completion", CompletionCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The most frequent probe (scripts, doctor's drift check) needs no command model at all.
            System.out.println(new Version().getVersion()[0]);
            System.exit(0);
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests that run in-process). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new HeadroomCommand());
        String verb = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(verb) && !verb.equals("help") && !verb.equals("completion")) {
            cl.addSubcommand(verb, SUBCOMMANDS.get(verb));
        } else {
            SUBCOMMANDS.forEach(cl::addSubcommand);
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("headroom: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
