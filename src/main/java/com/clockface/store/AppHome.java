package com.clockface.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The data directory: database, key file, logs, session capsules, evidence exports.
 *
 * <p>Chosen in this order: an explicit {@code --home DIR}; the environment variable
 * {@code CLOCKFACE_HOME}; the operating system's per-user application-data folder
 * (Linux: {@code $XDG_DATA_HOME/clockface} or {@code ~/.local/share/clockface}; Windows:
 * {@code %APPDATA%\ClockFace}; macOS: {@code ~/Library/Application Support/ClockFace}).
 * The key file may live elsewhere ({@code CLOCKFACE_KEY_FILE}), e.g. on a separate volume or
 * one the backups do not copy together with the database.
 */
public final class AppHome {

    public static final String ENV_HOME = "CLOCKFACE_HOME";
    public static final String ENV_KEY_FILE = "CLOCKFACE_KEY_FILE";

    private final Path dir;
    private final Path keyFile;

    private AppHome(Path dir, Path keyFile) {
        this.dir = dir;
        this.keyFile = keyFile;
    }

    /** Resolves from {@code explicitHome} (may be null), the process environment and the OS. */
    public static AppHome resolve(Path explicitHome) {
        return resolve(explicitHome, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    /** Resolution with every input given, for tests and for callers that build their own environment. */
    public static AppHome resolve(Path explicitHome, Map<String, String> env, String osName, String userHome) {
        Path dir;
        if (explicitHome != null) {
            dir = explicitHome;
        } else if (notBlank(env.get(ENV_HOME))) {
            dir = Path.of(env.get(ENV_HOME));
        } else {
            dir = osDefault(env, osName, userHome);
        }
        dir = dir.toAbsolutePath().normalize();
        Path key = notBlank(env.get(ENV_KEY_FILE))
                ? Path.of(env.get(ENV_KEY_FILE)).toAbsolutePath().normalize()
                : dir.resolve("clockface.key");
        return new AppHome(dir, key);
    }

    /** A home in {@code dir} with the key file beside the database (tests, tools). */
    public static AppHome at(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return new AppHome(d, d.resolve("clockface.key"));
    }

    /** The same home with the key file somewhere else. */
    public AppHome withKeyFile(Path key) {
        return new AppHome(dir, key.toAbsolutePath().normalize());
    }

    static Path osDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = notBlank(appData) ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("ClockFace");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "ClockFace");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (notBlank(xdg) && Path.of(xdg).isAbsolute()) return Path.of(xdg, "clockface");
        return Path.of(userHome, ".local", "share", "clockface");
    }

    public Path dir() { return dir; }

    public Path database() { return dir.resolve("clockface.db"); }

    public Path keyFile() { return keyFile; }

    public Path logs() { return dir.resolve("logs"); }

    public Path capsules() { return dir.resolve("capsules"); }

    public Path evidence() { return dir.resolve("evidence"); }

    /**
     * A path stored in the database (a check event's capsule path, ...) as a file: a relative path is
     * taken relative to the data folder, so the folder can be moved with its database.
     */
    public Path resolveStored(String stored) {
        Path p = Path.of(stored);
        return p.isAbsolute() ? p : dir.resolve(p).normalize();
    }

    /** The inverse of {@link #resolveStored}: a path under the data folder as relative text, else absolute. */
    public String toStored(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /**
     * Creates the data directory and its sub-folders if missing.
     *
     * @throws StoreException READ_ONLY with a sentence naming the folder when it cannot be created
     */
    public AppHome ensureDirs() {
        for (Path p : new Path[] {dir, logs(), capsules(), evidence()}) {
            try {
                Files.createDirectories(p);
            } catch (IOException | SecurityException e) {
                throw new StoreException(StoreException.Reason.READ_ONLY, "ClockFace cannot create its data folder "
                        + p + " (" + e.getMessage() + "). Choose a writable folder with --home DIR or the "
                        + ENV_HOME + " environment variable.", e);
            }
        }
        return this;
    }

    private static boolean notBlank(String s) { return s != null && !s.isBlank(); }

    @Override
    public String toString() { return dir.toString(); }
}
