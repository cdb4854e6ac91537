package com.clockface.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the `clockface` command line. */
@Command(name = "clockface", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "ClockFace: an offline face time-clock kiosk.",
        subcommands = {CommandLine.HelpCommand.class, EnrollCommand.class, IdentifyCommand.class, CompareCommand.class,
                LivenessCommand.class, PersonsCommand.class, EvalCommand.class, BenchCommand.class, DoctorCommand.class,
                CamerasCommand.class, AdminCommand.class, PunchCommand.class, TimesheetCommand.class, PeriodCommand.class,
                ReviewCommand.class, SettingsCommand.class, PurgeCommand.class, CheckinCommand.class, AnalyzeCommand.class,
                PersonCommand.class, ModelsCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::explain);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Expected failures (bad input, missing model, locked database, ...) end with their sentence on
     * stderr and exit code 2, not a stack trace; anything else is a bug and keeps its trace.
     */
    private static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean expected = e instanceof com.clockface.vision.ImageException
                || e instanceof com.clockface.vision.ModelException
                || e instanceof com.clockface.store.StoreException
                || e instanceof com.clockface.checkin.EnrolmentException
                || e instanceof IllegalArgumentException
                || e instanceof java.io.IOException;
        if (!expected) throw new RuntimeException(e);
        cmd.getErr().println("clockface " + cmd.getCommandName() + ": " + e.getMessage());
        return 2;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            if (v == null) v = System.getProperty("jpackage.app-version"); // set by the installed launchers
            return new String[] {"clockface " + (v == null ? "dev" : v)};
        }
    }
}
