package com.clockface.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the `clockface` command line. */
@Command(name = "clockface", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "ClockFace: an offline face time-clock kiosk.",
        subcommands = {CommandLine.HelpCommand.class, DoctorCommand.class, CamerasCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"clockface " + (v == null ? "dev" : v)};
        }
    }
}
