package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.store.AppHome;
import com.clockface.store.Database;
import com.clockface.store.LogFiles;
import com.clockface.vision.ModelException;
import com.clockface.vision.ModelResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The options every data command shares (`--home`, `--json`) and the one way commands open the
 * database, load the engine and print results. Use it as a picocli {@code @Mixin}.
 */
public final class CommonOptions {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--home", paramLabel = "DIR",
            description = "Data directory (database, key file, logs, capsules). Default: $CLOCKFACE_HOME, else the "
                    + "per-user app-data folder.")
    Path home;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    PrintStream out = System.out;

    public AppHome appHome() {
        AppHome h = AppHome.resolve(home).ensureDirs();
        try {
            LogFiles.enable(h.logs()); // the rotated log file exists only once the home is known
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(CommonOptions.class).warn("no log file: {}", e.getMessage());
        }
        return h;
    }

    public Database openDatabase() {
        return Database.open(appHome());
    }

    /** Models plus the gallery of the database's templates. */
    public FaceEngine loadEngine(Database db) throws ModelException {
        return FaceEngine.load(ModelResolver.fromEnvironment(), db, null);
    }

    /** Models only: commands that need no database. */
    public FaceEngine loadModels() throws ModelException {
        return FaceEngine.load(ModelResolver.fromEnvironment());
    }

    public boolean json() { return json; }

    /** Prints {@code value} as JSON with --json, else the human text. */
    public void print(Object value, String humanText) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(value));
            } catch (Exception e) {
                throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
            }
        } else {
            out.println(humanText);
        }
    }
}
