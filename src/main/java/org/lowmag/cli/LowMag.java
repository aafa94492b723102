package org.lowmag.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * LowMag's command line: one subcommand per job. Exit codes: 0 success, 1 failure (bad data, a
 * model/data mismatch, an I/O error), 2 usage error (a wrong flag or value).
 */
@Command(
        name = "lowmag",
        mixinStandardHelpOptions = true,
        versionProvider = LowMag.Version.class,
        description = {
            "Classify whole-slide histology images at low magnification, with accuracy close to a",
            "high-magnification model, by resolution-based knowledge distillation",
            "(DiPalma et al., Resolution-Based Distillation for Efficient Histology Image"
                    + " Classification)."
        },
        subcommands = {
            DemoCommand.class,
            InfoCommand.class,
            PrepareCommand.class,
            TrainCommand.class,
            DistillCommand.class,
            FinetuneCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            ExportCommand.class,
            ExperimentCommand.class,
            FlopsCommand.class,
            SynthesizeCommand.class,
            DownsampleCommand.class,
            TissueCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LowMag implements Runnable {

    /** Exit code for a failure the user can act on. */
    public static final int EXIT_FAILURE = 1;

    /** Exit code for a usage error. */
    public static final int EXIT_USAGE = 2;

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces and debug details on errors.")
    boolean verbose;

    /**
     * Sets the log level while the command line is parsed (before anything logs).
     *
     * @param level the level
     */
    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            scope = CommandLine.ScopeType.INHERIT,
            description =
                    "What LowMag and DJL log to stderr: error, warn, info, debug (default: warn).")
    void setLogLevel(LogLevel level) {
        level.apply();
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        EngineDefaults.apply();
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting (for tests and embedding).
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * @return a configured command line with LowMag's error handling
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new LowMag());
        cl.setExecutionExceptionHandler(LowMag::handleException);
        cl.setParameterExceptionHandler(LowMag::handleUsageError);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setHelpFactory(SpaceWrappingHelp::new); // wrap help at spaces, never inside a file name
        return cl;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return EXIT_USAGE;
    }

    private static int handleException(
            Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean verbose = parseResult != null && isVerbose(parseResult);
        if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return EXIT_USAGE;
        }
        String message = describe(e);
        err.println("error: " + message);
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof LowMagException)) {
            err.println("(run with --verbose for details)");
        }
        return EXIT_FAILURE;
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "file not found: " + e.getMessage();
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    /** Prints LowMag's version with the engine versions it was built against. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Provenance p = Provenance.current();
            return new String[] {
                "lowmag " + p.lowmagVersion() + " (commit " + p.gitCommit() + ")",
                "DJL " + p.djlVersion() + ", libtorch " + p.libtorchVersion() + " (CPU)",
                "Java " + p.javaVersion() + ", " + p.os()
            };
        }
    }
}
