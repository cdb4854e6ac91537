package com.clockface.ui.kiosk;

import com.clockface.store.AppHome;
import com.clockface.store.Database;
import com.clockface.store.SettingsRepository;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the REAL kiosk on a 640x480 30 fps video file (looped, real time; by default a constant-rate copy of
 * data/videos/live/00002.webm made in target/bench) and prints, per analyzer, the preview fps
 * (new camera frames painted per second while the live preview was on screen), the analysis fps (frames the
 * analysis thread processed per second), the camera fps, the frames the slot dropped (the analysis thread was
 * busy), the FX pulse rate, the time spent in each screen phase and the load average. Prints figures; asserts
 * nothing. Headless Monocle by default; the real window under Xvfb with {@code -Dglass.platform=gtk}:
 * <pre>
 * export CLOCKFACE_MODEL_MIRROR=../shared/models
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clockface.ui.kiosk.KioskBenchmark
 * xvfb-run -a -s "-screen 0 1280x720x24" mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.clockface.ui.kiosk.KioskBenchmark -Dglass.platform=gtk
 * </pre>
 * Options: {@code -Dbench.seconds=20}, {@code -Dbench.video=PATH}, {@code -Dbench.analyzers=session,detect,none}
 * (session = the kiosk's own check-in session with the flash mode below; detect = face detection on every frame
 * only; none = the preview and oval without any model), {@code -Dbench.flash=STANDARD|GENTLE|EXPRESS},
 * {@code -Dbench.fullscreen=true} (the screen's size instead of a 1280x720 window).
 */
public final class KioskBenchmark {
    public static void main(String[] args) throws Exception {
        if (System.getProperty("glass.platform") == null) System.setProperty("glass.platform", "Monocle");
        boolean headless = System.getProperty("glass.platform").equalsIgnoreCase("Monocle");
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", Boolean.toString(headless));
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("java.awt.headless", "true");
        System.setProperty("clockface.kiosk.mute", "true");

        Path data = Path.of(System.getProperty("clockface.data", "../shared/data"));
        // live/00002 is 640x480 but only 18 fps (variable rate): the default source is a 30 fps copy of it
        Path video = System.getProperty("bench.video") != null ? Path.of(System.getProperty("bench.video"))
                : KioskTestSupport.constantRateCopy(data.resolve("videos/live/00002.webm"), 30,
                        Path.of("target/bench/live-00002-30fps.avi"));
        int seconds = Integer.getInteger("bench.seconds", 20);
        String flash = System.getProperty("bench.flash", "STANDARD");
        System.out.printf(Locale.ROOT, "kiosk benchmark: %s, glass %s, prism %s, %d cores, Java %s; load average %s%n",
                video, System.getProperty("glass.platform"), System.getProperty("prism.order"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        FxToolkit.registerPrimaryStage();
        for (String which : System.getProperty("bench.analyzers", "session,detect,none").split(",")) {
            run(which.strip(), video, seconds, flash);
        }
        System.exit(0);
    }

    private static void run(String which, Path video, int seconds, String flash) throws Exception {
        Path home = Files.createTempDirectory("kiosk-bench");
        KioskTestSupport.prepareHome(home); // an admin exists: no first-run PIN screen over the preview
        try (Database db = Database.open(AppHome.at(home))) {
            var s = new SettingsRepository(db);
            s.set(KioskRuntime.KEY_FLASH_MODE, flash);
            // a recording cannot answer the colour flash: its ATTACK verdicts must not lock the kiosk mid-benchmark
            s.set(com.clockface.admin.KioskSettings.ATTACK_LOCKOUT_AFTER.name(), "0");
        }
        if (which.equals("session")) KioskTestSupport.enrolFromVideo(home, video, "3001", "Bench Person");
        KioskTestSupport.configureAnalyzer(which.equals("session") ? "default" : which);
        var args = new java.util.ArrayList<>(java.util.List.of("--home", home.toString(), "--camera", "file:" + video));
        if (!Boolean.getBoolean("bench.fullscreen")) args.add("--windowed");
        FxToolkit.setupApplication(KioskApp.class, args.toArray(String[]::new));
        KioskApp app = KioskTestSupport.waitForRunning(120);
        Thread.sleep(3000); // warm-up: JIT, first inferences
        KioskScreen screen = app.screen();
        FpsMeter preview = screen.previewMeter(), analysis = app.runtime().analysis().meter(), pulses = screen.pulseMeter();
        long p0 = preview.total(), a0 = analysis.total(), u0 = pulses.total(), l0 = screen.livePreviewNanos();
        long c0 = app.runtime().capture().frames(), d0 = app.runtime().slot().dropped();
        Map<String, Long> cpu0 = threadCpuTicks();
        Map<ScreenModel.Phase, Integer> phases = new EnumMap<>(ScreenModel.Phase.class);
        int results = 0;
        ScreenModel.Phase last = null;
        long t0 = System.nanoTime(), end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) { // sample the phase on screen every 50 ms
            ScreenModel m = screen.shownModel();
            ScreenModel.Phase ph = m == null ? ScreenModel.Phase.IDLE : m.phase();
            phases.merge(ph, 1, Integer::sum);
            if (ph == ScreenModel.Phase.RESULT && last != ScreenModel.Phase.RESULT) results++;
            last = ph;
            Thread.sleep(50);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> cpu = threadCpuTicks();
        cpu0.forEach((k, v) -> cpu.merge(k, -v, Long::sum));
        long p = preview.total() - p0, a = analysis.total() - a0, u = pulses.total() - u0;
        long c = app.runtime().capture().frames() - c0, d = app.runtime().slot().dropped() - d0;
        double live = (screen.livePreviewNanos() - l0) / 1e9;
        int samples = phases.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder ph = new StringBuilder();
        phases.forEach((k, v) -> ph.append(String.format(Locale.ROOT, " %s %.0f%%", k, 100.0 * v / samples)));
        System.out.printf(Locale.ROOT, "[%s] %dx%d window, %.1f s: preview %.1f fps (%d frames painted in %.1f s of live preview), "
                        + "analysis %.1f fps (%d frames), camera %.1f fps, frames dropped by the slot %d (%.0f%%), FX pulses %.1f/s, "
                        + "check-ins finished %d; phases%s; load average %s%n",
                which, (int) app.stage().getWidth(), (int) app.stage().getHeight(), secs, live > 0 ? p / live : 0, p, live,
                a / secs, a, c / secs, d, c > 0 ? 100.0 * d / c : 0, u / secs, results, ph, loadAverage());
        StringBuilder threads = new StringBuilder();
        cpu.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> threads.append(String.format(Locale.ROOT, " %s %.0f%%", e.getKey(), 100.0 * e.getValue() / TICKS / secs)));
        System.out.println("    CPU per thread (% of one core):" + threads);
        FxToolkit.cleanupApplication(app);
        KioskApp.analyzerOverride = null;
    }

    private static final double TICKS = 100; // USER_HZ of /proc/*/stat on Linux

    /** CPU ticks (user + system) of this process's threads, summed by thread name (Linux; empty elsewhere). */
    private static Map<String, Long> threadCpuTicks() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // thread names are cut to 15 characters; ONNX Runtime's and the JVM's own native threads are "java"
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
