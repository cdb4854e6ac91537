package com.clockface.cli;

import com.clockface.admin.AdminAccounts;
import com.clockface.admin.AdminServices;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clockface admin}: opens the admin screens on a desk PC (after the admin sign-in);
 * {@code clockface admin create|list} manage admin accounts.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Open the admin screens (people, enrolment, timesheets, review queue, settings) after the admin "
                + "sign-in. Subcommands manage admin accounts.",
        subcommands = {AdminCommand.Create.class, AdminCommand.ListCmd.class, AdminCommand.Passwd.class})
public final class AdminCommand implements Callable<Integer> {

    /** The JavaFX entry point; looked up by name because the command line does not depend on the screens. */
    static final String APP_CLASS = "com.clockface.ui.admin.AdminApp";

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Data directory. Default: $CLOCKFACE_HOME, else the per-user app-data folder.")
    Path home;

    @Option(names = "--camera", paramLabel = "SPEC",
            description = "Camera for live enrolment: a name, default, v4l2:/dev/videoN or file:VIDEO (a recording, for demos). "
                    + "Default: the camera in the settings.")
    String camera;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (home != null) args.add("--home=" + home.toAbsolutePath());
        if (camera != null) args.add("--camera=" + camera);
        try {
            Class<?> app = Class.forName(APP_CLASS);
            app.getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
            return 0;
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            spec.commandLine().getErr().println("clockface admin: the admin screens are not part of this installation (" + e + ").");
            return 1;
        } catch (InvocationTargetException e) {
            spec.commandLine().getErr().println("clockface admin: the admin screens could not start: " + e.getCause());
            return 1;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an admin account (the first one on a new installation). The PIN (6+ digits) or password "
                    + "(8+ characters) is asked for without echo, or read from the first line of standard input with --secret-stdin.")
    static final class Create extends ServiceCommand {
        @Option(names = "--name", required = true, description = "Admin name (shown in the audit log).") String name;
        @Option(names = "--secret-stdin", description = "Read the PIN or password from standard input (for scripts).") boolean fromStdin;

        InputStream in = System.in;

        @Override
        int run(AdminServices s) throws IOException {
            String secret = readSecret(name, fromStdin, in);
            AdminAccounts.Admin a = s.accounts().exists()
                    ? s.accounts().create(name, secret, actor())
                    : s.accounts().createFirst(name, secret, actor());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("name", a.name());
                printJson(m);
            } else {
                println("Created the admin account " + a.name() + ".");
            }
            return 0;
        }
    }

    /** A PIN or password: typed twice without echo at a console, else the first line of {@code in} (scripts). */
    static String readSecret(String name, boolean fromStdin, InputStream in) throws IOException {
        Console console = System.console();
        if (!fromStdin && console != null) {
            char[] a = console.readPassword("PIN or password for %s: ", name);
            char[] b = console.readPassword("Again: ");
            if (a == null || b == null) throw new IllegalArgumentException("No PIN or password was entered.");
            if (!java.util.Arrays.equals(a, b)) throw new IllegalArgumentException("The two entries differ; nothing was changed.");
            return new String(a);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) throw new IllegalArgumentException("No PIN or password on standard input.");
        return line;
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new PIN (6+ digits) or password (8+ characters) for an admin account and clear its lock: the "
                    + "way back in after a forgotten PIN. Asked for without echo, or read from standard input with --secret-stdin.")
    static final class Passwd extends ServiceCommand {
        @Option(names = "--name", required = true, description = "The admin account.") String name;
        @Option(names = "--secret-stdin", description = "Read the new PIN or password from standard input (for scripts).") boolean fromStdin;

        InputStream in = System.in;

        @Override
        int run(AdminServices s) throws IOException {
            s.accounts().resetSecret(name, readSecret(name, fromStdin, in), actor());
            if (json) printJson(Map.of("name", name.strip(), "changed", true));
            else println("The PIN or password of " + name.strip() + " was changed.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the admin accounts.")
    static final class ListCmd extends ServiceCommand {
        @Override
        int run(AdminServices s) {
            List<String> names = s.accounts().names();
            if (json) printJson(names);
            else if (names.isEmpty()) println("No admin account yet. Create one with: clockface admin create --name NAME");
            else names.forEach(this::println);
            return 0;
        }
    }
}
