package com.clockface.ui.kiosk;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the kiosk: {@code --home DIR}, {@code --camera file:PATH|NAME|default},
 * {@code --windowed}. A null camera means "the camera named in the settings, else the default one".
 */
public record KioskOptions(Path home, String camera, boolean windowed) {

    public static final String USAGE = "Usage: clockface-kiosk [--home DIR] [--camera file:PATH|NAME|default] [--windowed]";

    public static KioskOptions parse(List<String> args) {
        Path home = null;
        String camera = null;
        boolean windowed = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            String name = a;
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--home" -> {
                    if (value == null) value = valueAfter(args, i++, name);
                    home = Path.of(value);
                }
                case "--camera" -> {
                    if (value == null) value = valueAfter(args, i++, name);
                    camera = value;
                }
                case "--windowed" -> windowed = true;
                default -> throw new IllegalArgumentException("Unknown option " + a + ". " + USAGE);
            }
        }
        return new KioskOptions(home, camera, windowed);
    }

    private static String valueAfter(List<String> args, int i, String name) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value. " + USAGE);
        }
        return args.get(i + 1);
    }

    /** True when the camera is a recording or image folder (shown as TEST SOURCE on screen). */
    public boolean testSource() {
        return camera != null && camera.strip().toLowerCase(java.util.Locale.ROOT).startsWith("file:");
    }
}
