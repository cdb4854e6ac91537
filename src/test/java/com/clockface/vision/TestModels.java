package com.clockface.vision;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the real models and data (set by the pom's surefire configuration). */
public final class TestModels {
    private TestModels() {}

    public static Path mirror() {
        String m = System.getenv("CLOCKFACE_MODEL_MIRROR");
        Path p = Path.of(m == null ? "../shared/models" : m);
        if (!Files.isDirectory(p)) throw new IllegalStateException("model mirror not found: " + p.toAbsolutePath());
        return p;
    }

    public static Path model(String file) { return mirror().resolve(file); }

    public static Path sample(String file) { return mirror().resolve("samples").resolve(file); }

    public static Path data() {
        return Path.of(System.getProperty("clockface.data", "../shared/data"));
    }
}
