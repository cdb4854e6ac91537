package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.store.AppHome;
import com.clockface.store.Database;
import com.clockface.store.StoreException;
import com.clockface.timeclock.TimeclockJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Base of the admin twins on the command line: {@code --home}, {@code --json}, {@code --actor}; opens the
 * data folder, runs, and turns a refused request into a sentence on stderr (and {@code {"error": ...}}
 * with --json) and exit code 1.
 */
abstract class ServiceCommand implements Callable<Integer> {

    static final ObjectMapper JSON = TimeclockJson.configure(com.fasterxml.jackson.databind.json.JsonMapper.builder())
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Data directory. Default: $CLOCKFACE_HOME, else the per-user app-data folder.")
    Path home;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--actor", paramLabel = "NAME",
            description = "Who the audit log records for this action. Default: cli:<your user name>.")
    String actor;

    @Override
    public final Integer call() {
        AppHome h = AppHome.resolve(home);
        try {
            Database db = Database.open(h);
            return run(new AdminServices(h, db));
        } catch (IllegalArgumentException | StoreException | IllegalStateException | DateTimeParseException e) {
            return fail(e.getMessage());
        } catch (java.io.IOException e) {
            return fail("Could not write a file: " + e.getMessage());
        }
    }

    abstract int run(AdminServices s) throws java.io.IOException;

    String actor() {
        return actor != null && !actor.isBlank() ? actor.strip() : "cli:" + System.getProperty("user.name", "unknown");
    }

    PrintWriter out() { return spec.commandLine().getOut(); }

    PrintWriter err() { return spec.commandLine().getErr(); }

    int fail(String message) {
        err().println("clockface " + spec.qualifiedName(" ").replaceFirst("^clockface ", "") + ": " + message);
        err().flush();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", false);
            m.put("error", message);
            printJson(m);
        }
        return 1;
    }

    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
            out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    void println(String s) {
        out().println(s);
        out().flush();
    }
}
