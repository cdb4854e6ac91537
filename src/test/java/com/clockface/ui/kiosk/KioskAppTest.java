package com.clockface.ui.kiosk;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The REAL kiosk under headless Monocle, with a recorded video as the camera. */
class KioskAppTest {
    static final Path DATA = Path.of(System.getProperty("clockface.data", "../shared/data"));

    @TempDir
    Path home;
    KioskApp app;

    @AfterEach
    void tearDown() throws Exception {
        KioskApp.analyzerOverride = null;
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void startsOnTheVideoCameraAndGuidesTheFaceIntoTheOval() throws Exception {
        KioskTestSupport.prepareHome(home);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(),
                "--camera", "file:" + DATA.resolve("videos/live/00001.webm"), "--windowed");
        app = KioskTestSupport.waitForRunning(120);
        FxRobot robot = new FxRobot();
        KioskScreen screen = app.screen();
        // the FX thread hides the splash on its next pulse after loading: wait for it rather than race it
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !screen.messageVisible());
        assertFalse(screen.messageVisible(), "the splash is gone once the models are loaded");
        Node badge = robot.lookup("TEST SOURCE").query();
        assertTrue(badge.getParent().isVisible(), "a file camera is labelled as a test source");

        // the person in the video is found: the live view with the oval and a guidance sentence
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> screen.shownModel() != null
                && screen.shownModel().phase() != ScreenModel.Phase.IDLE && screen.previewMeter().total() > 0);
        ScreenModel m = screen.shownModel();
        assertNotNull(m.oval(), "the session gives the oval");
        assertFalse(screen.guidanceText().isBlank());
        assertTrue(app.runtime().analysis().meter().total() > 0, "frames were analysed off the FX thread");
        assertTrue(screen.previewMeter().total() > 0, "camera frames reached the preview");
        assertTrue(app.runtime().home().database().toFile().isFile(), "the kiosk opened its database in --home");
    }

    @Test
    void aMissingVideoShowsCameraUnavailableAndKeepsRunning() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(),
                "--camera", "file:" + home.resolve("no-such-video.webm"), "--windowed");
        app = KioskTestSupport.waitForRunning(120);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.screen().messageVisible()
                && "Camera unavailable".equals(new FxRobot().lookup("#message-title").queryAs(Label.class).getText()));
        String body = new FxRobot().lookup("#message-body").queryAs(Label.class).getText();
        assertTrue(body.contains("no-such-video.webm") && body.contains("Reconnecting"), body);
    }
}
