package com.clockface.ui.kiosk;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Screenshots of the REAL kiosk window (full screen) under Xvfb, taken with xwd + ImageMagick, into
 * assets/screenshots/kiosk-*.png: idle, aligning, flashing, result, pin. Needs DISPLAY (xvfb-run) and
 * libgtk-3-0, x11-apps, imagemagick.
 * <pre>xvfb-run -a -s "-screen 0 1280x720x24" mvn -q -Pxvfb exec:java -Dexec.classpathScope=test \
 *   -DmainClass=com.clockface.ui.kiosk.KioskScreenshots</pre>
 */
public final class KioskScreenshots {
    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "gtk");
        System.setProperty("testfx.headless", "false");
        System.setProperty("testfx.robot", "glass");
        System.setProperty("prism.order", "sw");
        System.setProperty("clockface.kiosk.mute", "true");
        Path out = Path.of(System.getProperty("shots.dir", "assets/screenshots"));
        Files.createDirectories(out);
        Path data = Path.of(System.getProperty("clockface.data", "../shared/data"));
        Path home = Files.createTempDirectory("kiosk-shots");
        KioskTestSupport.prepareHome(home);
        try (var db = com.clockface.store.Database.open(com.clockface.store.AppHome.at(home))) {
            new com.clockface.store.SettingsRepository(db).set(KioskRuntime.KEY_SITE, "Riverside Depot");
        }
        KioskTestSupport.enrolFromVideo(home, data.resolve("videos/live/00001.webm"), "2001", "Zubair Khan");

        FxToolkit.registerPrimaryStage();
        // a person who holds still (one frame of the recording, repeated), so the colour challenge runs to its end
        Path still = home.resolve("still-camera");
        Files.createDirectories(still);
        try (var src = new com.clockface.camera.VideoFileSource(data.resolve("videos/live/00001.webm"))) {
            src.open();
            com.clockface.vision.Frame f = null;
            for (int i = 0; i < 60; i++) f = src.next();
            javax.imageio.ImageIO.write(f.image().toBufferedImage(), "png", still.resolve("00001.png").toFile());
        }
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(), "--camera", "file:" + still);
        KioskApp app = KioskTestSupport.waitForRunning(180);
        KioskScreen screen = app.screen();

        app.runtime().analysis().setPaused(true);
        Thread.sleep(1500);
        shot(out, "idle");
        app.runtime().analysis().setPaused(false);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> screen.shownModel() != null
                && screen.shownModel().phase() == ScreenModel.Phase.ALIGNING && screen.previewMeter().total() > 10);
        Thread.sleep(150);
        shot(out, "aligning");
        // a challenge is cancelled when the person in the recording moves: shoot until a colour was on screen throughout
        for (int attempt = 0; attempt < 8; attempt++) {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> screen.flashShown() != null);
            var before = screen.flashShown();
            shot(out, "flashing");
            if (screen.flashShown() != null && screen.flashShown() == before) break;
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> screen.cardShown() != null);
        Thread.sleep(400);
        shot(out, "result");

        // the PIN fallback
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.cardShown() == null);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.asyncFx(app::openPinPad).get();
        for (char c : KioskTestSupport.WORKER_NO.toCharArray()) robot.clickOn("#key-" + c);
        robot.clickOn("#pin-field-1");
        for (char c : KioskTestSupport.WORKER_PIN.toCharArray()) robot.clickOn("#key-" + c);
        Thread.sleep(300);
        shot(out, "pin");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.cardShown() != null);
        Thread.sleep(300);
        shot(out, "pin-result");
        FxToolkit.cleanupApplication(app);
        System.exit(0);
    }

    static void shot(Path dir, String name) throws Exception {
        Path png = dir.resolve("kiosk-" + name + ".png");
        String display = System.getenv("DISPLAY");
        Process p = new ProcessBuilder("bash", "-c", "xwd -root -silent -display " + display + " | convert xwd:- " + png)
                .inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("xwd/convert failed for " + name);
        System.out.println("saved " + png);
    }
}
