package com.clockface.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The data-directory rule (--home, else CLOCKFACE_HOME, else the OS per-user app-data folder), for doctor
 * until store.AppHome is available on main; then this delegates there.
 */
final class DataHome {
    static final String ENV_HOME = "CLOCKFACE_HOME";
    static final String DATABASE = "clockface.db";

    private DataHome() { }

    static Path resolve(Path explicit) {
        if (explicit != null) return explicit.toAbsolutePath().normalize();
        String env = System.getenv(ENV_HOME);
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String userHome = System.getProperty("user.home", ".");
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming"))
                    .resolve("ClockFace");
        }
        if (os.startsWith("mac")) return Path.of(userHome, "Library", "Application Support", "ClockFace");
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "clockface");
        return Path.of(userHome, ".local", "share", "clockface");
    }
}
