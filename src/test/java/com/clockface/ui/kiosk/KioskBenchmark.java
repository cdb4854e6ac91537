package com.clockface.ui.kiosk;

import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the REAL kiosk (headless Monocle unless -Pxvfb style properties are given) on a 640x480 video
 * file for a while and prints the measured preview fps (new camera frames painted per second), the
 * analysis fps (frames the analysis thread processed) and the camera fps. Prints figures; asserts nothing.
 * <pre>CLOCKFACE_MODEL_MIRROR=../shared/models CLOCKFACE_MODELS=target/models \
 *   mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clockface.ui.kiosk.KioskBenchmark</pre>
 * Optional: {@code -Dbench.seconds=20 -Dbench.video=PATH -Dbench.analyzer=detect|session}.
 */
public final class KioskBenchmark {
    public static void main(String[] args) throws Exception {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("testfx.robot", "glass");
            System.setProperty("testfx.headless", "true");
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
        Path data = Path.of(System.getProperty("clockface.data", "../shared/data"));
        Path video = Path.of(System.getProperty("bench.video", data.resolve("videos/live/00002.webm").toString()));
        int seconds = Integer.getInteger("bench.seconds", 20);
        Path home = Files.createTempDirectory("kiosk-bench");
        KioskTestSupport.configureAnalyzer(System.getProperty("bench.analyzer", "detect"));

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(), "--camera", "file:" + video, "--windowed");
        KioskApp app = KioskTestSupport.waitForRunning(60);
        System.out.printf("kiosk running on %s (%dx%d window)%n", video.getFileName(),
                (int) app.stage().getWidth(), (int) app.stage().getHeight());
        Thread.sleep(3000); // warm-up: JIT, first inferences
        FpsMeter preview = app.screen().previewMeter();
        FpsMeter analysis = app.runtime().analysis().meter();
        FpsMeter pulses = app.screen().pulseMeter();
        long u0 = pulses.total();
        long p0 = preview.total(), a0 = analysis.total(), c0 = app.runtime().capture().frames(), d0 = app.runtime().slot().dropped();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double secs = (System.nanoTime() - t0) / 1e9;
        long p = preview.total() - p0, a = analysis.total() - a0, c = app.runtime().capture().frames() - c0;
        long d = app.runtime().slot().dropped() - d0;
        long u = pulses.total() - u0;
        System.out.printf("over %.1f s: camera %.1f fps, preview %.1f fps (%d frames painted), analysis %.1f fps (%d frames), "
                + "frames dropped by the slot %d, FX pulses %.1f/s; load average %s%n", secs, c / secs, p / secs, p, a / secs, a, d,
                u / secs, Files.readString(Path.of("/proc/loadavg")).strip());
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.exit(0);
    }
}
