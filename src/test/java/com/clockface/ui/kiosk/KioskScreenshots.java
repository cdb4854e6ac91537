package com.clockface.ui.kiosk;

import com.clockface.store.AppHome;
import com.clockface.store.Database;
import com.clockface.store.SettingsRepository;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Screenshots of the REAL kiosk window (full screen, the size of the X screen) under Xvfb, taken with xwd +
 * ImageMagick, into {@code assets/screenshots/kiosk-STATE-WxH.png}: idle, aligning, flashing, pin, pin-result
 * (a person holding still, standard colour flash) and result (a real check-in of an enrolled person on their
 * recording, express mode: clocked in, with photo and name). Needs DISPLAY (xvfb-run) and libgtk-3-0, x11-apps,
 * imagemagick. For each screen size:
 * <pre>xvfb-run -a -s "-screen 0 1920x1080x24" mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.clockface.ui.kiosk.KioskScreenshots</pre>
 */
public final class KioskScreenshots {
    static final String SITE = "Riverside Depot";

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "gtk");
        System.setProperty("testfx.headless", "false");
        System.setProperty("testfx.robot", "glass");
        System.setProperty("prism.order", "sw");
        System.setProperty("clockface.kiosk.mute", "true");
        Path out = Path.of(System.getProperty("shots.dir", "assets/screenshots"));
        Files.createDirectories(out);
        Path data = Path.of(System.getProperty("clockface.data", "../shared/data"));
        Path video = data.resolve("videos/live/00002.webm"); // apfol: a live person, passive liveness ~1.00
        FxToolkit.registerPrimaryStage();

        // 1. a person who holds still (one frame of the recording, repeated), so the colour challenge runs to its end
        Path home = home("kiosk-shots", video, "STANDARD");
        Path still = home.resolve("still-camera");
        Files.createDirectories(still);
        try (var src = new com.clockface.camera.VideoFileSource(video)) {
            src.open();
            com.clockface.vision.Frame f = null;
            for (int i = 0; i <= 45; i++) f = src.next(); // frame 45: facing the camera, in the middle
            javax.imageio.ImageIO.write(f.image().toBufferedImage(), "png", still.resolve("00001.png").toFile());
        }
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(), "--camera", "file:" + still);
        KioskApp app = KioskTestSupport.waitForRunning(180);
        KioskScreen screen = app.screen();
        Thread.sleep(1500); // full screen settles
        String size = (int) app.stage().getWidth() + "x" + (int) app.stage().getHeight();

        app.runtime().analysis().setPaused(true);
        Thread.sleep(1000);
        shot(out, "idle", size);
        app.runtime().analysis().setPaused(false);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> screen.shownModel() != null
                && screen.shownModel().phase() == ScreenModel.Phase.ALIGNING && screen.previewMeter().total() > 10);
        Thread.sleep(150);
        shot(out, "aligning", size);
        // a shot whose pixels show the colour the screen was painting (steps last 250-550 ms; the X screen gets a
        // change a little after the scene has it, more so on a loaded machine)
        for (int attempt = 0; ; attempt++) {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> screen.flashShown() != null);
            var colour = screen.flashShown();
            Thread.sleep(80);
            Path png = save(grab(), out, "flashing", size);
            var img = javax.imageio.ImageIO.read(png.toFile());
            int rgb = img.getRGB(img.getWidth() / 12, img.getHeight() / 2) & 0xFFFFFF; // left of the oval, below the HUD
            if (rgb == (colour.r() << 16 | colour.g() << 8 | colour.b())) break;
            if (attempt == 20) throw new IllegalStateException("no shot showed the flash colour");
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> screen.flashShown() != colour);
        }

        // the PIN fallback
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> screen.cardShown() != null);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.cardShown() == null);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.asyncFx(app::openPinPad).get();
        for (char c : KioskTestSupport.WORKER_NO.toCharArray()) robot.clickOn("#key-" + c);
        robot.clickOn("#pin-field-1");
        for (char c : KioskTestSupport.WORKER_PIN.toCharArray()) robot.clickOn("#key-" + c);
        Thread.sleep(300);
        shot(out, "pin", size);
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.cardShown() != null);
        Thread.sleep(300);
        shot(out, "pin-result", size);
        FxToolkit.cleanupApplication(app);

        // 2. a real check-in: the enrolled person walks up (their recording), express mode; the card is a confirmed IN
        Path home2 = home("kiosk-shots-checkin", video, "EXPRESS");
        FxToolkit.setupApplication(KioskApp.class, "--home", home2.toString(), "--camera", "file:" + video);
        app = KioskTestSupport.waitForRunning(180);
        KioskScreen screen2 = app.screen();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> screen2.cardShown() != null);
        if (screen2.cardShown().kind() != ScreenModel.ResultCard.Kind.CLOCKED_IN) {
            throw new IllegalStateException("expected a clocked-in card, got " + screen2.cardShown());
        }
        Thread.sleep(400);
        shot(out, "result", size);
        FxToolkit.cleanupApplication(app);
        System.exit(0);
    }

    /** A prepared kiosk home (admin PIN, a PIN worker, the site name) with the recording's person enrolled. */
    private static Path home(String prefix, Path video, String flashMode) throws Exception {
        Path home = Files.createTempDirectory(prefix);
        KioskTestSupport.prepareHome(home);
        try (Database db = Database.open(AppHome.at(home))) {
            var s = new SettingsRepository(db);
            s.set(KioskRuntime.KEY_SITE, SITE);
            s.set(KioskRuntime.KEY_FLASH_MODE, flashMode);
        }
        KioskTestSupport.enrolFromVideo(home, video, "2002", "Ana Pfol");
        return home;
    }

    static void shot(Path dir, String name, String size) throws Exception {
        save(grab(), dir, name, size);
    }

    /** The whole X screen now, as an xwd file (fast: a flash colour must not change meanwhile). */
    static Path grab() throws Exception {
        Path xwd = Files.createTempFile("kiosk-shot", ".xwd");
        Process p = new ProcessBuilder("xwd", "-root", "-silent", "-display", System.getenv("DISPLAY"), "-out", xwd.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("xwd failed");
        return xwd;
    }

    static Path save(Path xwd, Path dir, String name, String size) throws Exception {
        Path png = dir.resolve("kiosk-" + name + "-" + size + ".png");
        Process c = new ProcessBuilder("convert", "xwd:" + xwd, png.toString()).inheritIO().start();
        if (c.waitFor() != 0) throw new IllegalStateException("convert failed for " + name);
        Files.delete(xwd);
        System.out.println("saved " + png);
        return png;
    }
}
