package com.clockface.cli;

import ai.onnxruntime.OrtEnvironment;
import com.clockface.camera.CameraDevice;
import com.clockface.camera.Cameras;
import com.clockface.store.AppHome;
import com.clockface.vision.ModelException;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.ModelSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code clockface doctor}: what a site technician needs to see on one screen. Only looks, never fetches,
 * creates or changes anything. Exit code 1 when a check FAILs; WARN (no camera yet, no database yet)
 * does not fail, so the command also runs on a fresh install and in CI.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check this installation: versions, model files and their sha256, cameras, database, "
                + "free disk. Exit code 1 if a check fails.")
public final class DoctorCommand implements Callable<Integer> {

    public enum Status { PASS, WARN, FAIL }

    /** One line of the report. */
    public record Check(String name, Status status, String detail) { }

    @Option(names = "--home", paramLabel = "DIR",
            description = "Data directory (database, key, logs). Default: $CLOCKFACE_HOME, else the per-user "
                    + "app-data folder.")
    Path home;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Model directory to check. Default: $CLOCKFACE_MODELS, else models/ (and the models "
                    + "bundled with the installation).")
    Path models;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private static final long MIN_FREE_WARN = 1L << 30;        // 1 GiB: evidence frames and capsules add up
    private static final long MIN_FREE_FAIL = 200L << 20;      // 200 MiB: SQLite WAL and logs may fail soon

    PrintStream out = System.out;

    @Override
    public Integer call() {
        Map<String, Object> report = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();

        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("clockface", new Main.Version().getVersion()[0].replaceFirst("^clockface ", ""));
        versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        try {
            String ort = OrtEnvironment.getEnvironment().getVersion();
            versions.put("onnxruntime", ort);
            checks.add(new Check("onnxruntime", Status.PASS, "ONNX Runtime " + ort + " loaded"));
        } catch (Throwable e) { // UnsatisfiedLinkError when the natives for this platform are missing
            versions.put("onnxruntime", null);
            checks.add(new Check("onnxruntime", Status.FAIL, "ONNX Runtime cannot load: " + e
                    + ". Re-install ClockFace for this platform."));
        }
        report.put("versions", versions);

        report.put("models", models(checks));
        report.put("cameras", cameras(checks));
        report.put("data", data(checks));

        boolean ok = checks.stream().noneMatch(c -> c.status() == Status.FAIL);
        report.put("checks", checks);
        report.put("ok", ok);

        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            printText(report, checks, ok);
        }
        return ok ? 0 : 1;
    }

    // ---------------------------------------------------------------- models

    private List<Map<String, Object>> models(List<Check> checks) {
        List<Map<String, Object>> out = new ArrayList<>();
        ModelResolver resolver;
        try {
            ModelResolver.Builder b = ModelResolver.builder();
            if (models != null) b.modelDir(models).bundledDirs(List.of());
            resolver = b.build();
        } catch (ModelException e) {
            checks.add(new Check("models", Status.FAIL, e.getMessage()));
            return out;
        }
        for (ModelSpec spec : resolver.models()) {
            ModelResolver.Check c = resolver.check(spec);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", spec.id());
            m.put("role", spec.role());
            m.put("path", c.path().toString());
            m.put("sha256", c.actualSha256());
            m.put("expectedSha256", spec.sha256());
            m.put("status", c.status().name());
            out.add(m);
            boolean needed = needed(resolver, spec);
            Status st = switch (c.status()) {
                case VERIFIED -> Status.PASS;
                case MISSING -> needed ? Status.FAIL : Status.WARN;
                case MISMATCH, UNREADABLE -> Status.FAIL;
            };
            String detail = switch (c.status()) {
                case VERIFIED -> c.path() + " sha256 verified";
                case MISSING -> "missing (looked in " + resolver.modelDir()
                        + (resolver.bundledDirs().isEmpty() ? "" : " and " + resolver.bundledDirs()) + ")"
                        + (needed ? "; run any command with " + ModelResolver.ENV_MIRROR
                        + " set, or with internet, to fetch it" : "; optional");
                default -> c.message();
            };
            checks.add(new Check("model " + spec.id(), st, detail));
        }
        return out;
    }

    /** Models the check-in path cannot run without: the detector, every PAD model, the default embedder. */
    private static boolean needed(ModelResolver r, ModelSpec spec) {
        if ("detector".equals(spec.role()) || "pad".equals(spec.role())) return true;
        try {
            return "embedder".equals(spec.role()) && r.defaultModel("embedder").id().equals(spec.id());
        } catch (ModelException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- cameras

    private static List<Map<String, String>> cameras(List<Check> checks) {
        List<Map<String, String>> found = new ArrayList<>();
        try {
            for (CameraDevice d : Cameras.devices()) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("name", d.name());
                m.put("id", d.id());
                m.put("backend", d.backend().name());
                found.add(m);
            }
        } catch (RuntimeException | LinkageError e) { // a capture library that cannot load on this machine
            checks.add(new Check("cameras", Status.WARN, "cannot list cameras: " + e));
            return found;
        }
        checks.add(found.isEmpty()
                ? new Check("cameras", Status.WARN, "no camera found: plug one in (the kiosk needs one; the command "
                + "line works without)")
                : new Check("cameras", Status.PASS, found.size() + " camera(s): "
                + found.stream().map(m -> m.get("name") + " [" + m.get("id") + "]").toList()));
        return found;
    }

    // ---------------------------------------------------------------- data dir, database, disk

    private Map<String, Object> data(List<Check> checks) {
        AppHome appHome = AppHome.resolve(home);
        Path dir = appHome.dir();
        Path db = appHome.database();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("home", dir.toString());
        d.put("database", db.toString());
        d.put("logs", appHome.logs().toString());
        d.put("keyFile", appHome.keyFile().toString());
        long size = -1;
        if (Files.isRegularFile(db)) {
            try {
                size = Files.size(db);
                Path wal = db.resolveSibling(db.getFileName() + "-wal");
                if (Files.isRegularFile(wal)) size += Files.size(wal);
                checks.add(new Check("database", Status.PASS, db + " (" + human(size) + ")"));
            } catch (IOException e) {
                checks.add(new Check("database", Status.FAIL, "cannot read " + db + ": " + e.getMessage()));
            }
        } else {
            checks.add(new Check("database", Status.WARN, "no database yet at " + db
                    + " (created on first enrolment or kiosk start)"));
        }
        d.put("databaseBytes", size);

        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) {
            checks.add(new Check("home", Status.FAIL, "no existing parent of " + dir));
        } else if (!Files.isWritable(existing)) {
            checks.add(new Check("home", Status.FAIL, existing + " is not writable: choose another data directory "
                    + "with --home DIR or " + AppHome.ENV_HOME));
        } else {
            checks.add(new Check("home", Status.PASS, dir + (Files.isDirectory(dir) ? "" : " (will be created)")));
        }
        long free = -1;
        if (existing != null) {
            try {
                free = Files.getFileStore(existing).getUsableSpace();
            } catch (IOException e) {
                checks.add(new Check("disk", Status.WARN, "cannot read free space: " + e.getMessage()));
            }
        }
        d.put("freeBytes", free);
        if (free >= 0) {
            Status st = free < MIN_FREE_FAIL ? Status.FAIL : free < MIN_FREE_WARN ? Status.WARN : Status.PASS;
            checks.add(new Check("disk", st, human(free) + " free on the data directory's disk"));
        }
        return d;
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] u = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, u[i]);
    }

    @SuppressWarnings("unchecked")
    private void printText(Map<String, Object> report, List<Check> checks, boolean ok) {
        Map<String, Object> v = (Map<String, Object>) report.get("versions");
        out.println("ClockFace " + v.get("clockface") + " | Java " + v.get("java") + " | " + v.get("os")
                + " | ONNX Runtime " + (v.get("onnxruntime") == null ? "not loaded" : v.get("onnxruntime")));
        out.println();
        out.println("Models:");
        for (Map<String, Object> m : (List<Map<String, Object>>) report.get("models")) {
            out.printf("  %-26s %-10s %s%n             sha256 %s%n", m.get("id"), m.get("status"), m.get("path"),
                    m.get("sha256") == null ? "-" : m.get("sha256"));
        }
        out.println();
        out.println("Checks:");
        for (Check c : checks) out.printf("  %-4s  %-32s %s%n", c.status(), c.name(), c.detail());
        out.println();
        out.println(ok ? "All checks passed." : "Some checks FAILED: see above.");
    }
}
