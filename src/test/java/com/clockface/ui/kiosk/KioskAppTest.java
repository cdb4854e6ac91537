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

    /**
     * The camera comes from the settings when there is no --camera; an admin picks another one in the admin Settings
     * screen, opened from the kiosk, and the kiosk switches to it when the admin screens close.
     */
    @Test
    void aCameraPickedInTheSettingsScreenIsUsedWhenTheAdminScreensClose() throws Exception {
        KioskTestSupport.prepareHome(home);
        String room = "file:" + KioskTestSupport.emptyRoomCamera(home.resolve("room"));
        String video = "file:" + DATA.resolve("videos/live/00002.webm");
        try (var db = com.clockface.store.Database.open(com.clockface.store.AppHome.at(home))) {
            new com.clockface.store.SettingsRepository(db).set(KioskRuntime.KEY_CAMERA, room);
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(), "--windowed");
        app = KioskTestSupport.waitForRunning(120);
        assertEquals(room, app.runtime().activeCamera(), "no --camera: the camera named in the settings");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.runtime().slot().peek() != null);
        assertEquals(640, app.runtime().slot().peek().image().width());

        FxRobot robot = new FxRobot();
        robot.clickOn("#idle-admin");
        for (char c : KioskTestSupport.ADMIN_PIN.toCharArray()) robot.clickOn("#key-" + c);
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#admin-view").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-settings");
        javafx.scene.control.ComboBox<?> camera = robot.lookup(n -> ("setting-" + KioskRuntime.KEY_CAMERA).equals(n.getId()))
                .queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(camera.isEditable(), "a camera is picked from the list of cameras found, or typed");
        assertEquals(room, camera.getEditor().getText(), "the field shows the camera in use");
        WaitForAsyncUtils.asyncFx(() -> camera.getEditor().setText(video)).get(); // as typed (the field is below the fold)
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(video, app.runtime().settings().getString(KioskRuntime.KEY_CAMERA, ""), "stored");
        assertEquals(room, app.runtime().activeCamera(), "still the old camera while the admin screens are open");

        robot.clickOn("#close-admin");
        assertEquals(video, app.runtime().activeCamera());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "00002.webm".equals(app.runtime().camera().info().name()));
        // the recording's person now stands in front of the kiosk: the live view shows them
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.screen().shownModel() != null
                && app.screen().shownModel().phase() != ScreenModel.Phase.IDLE);
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
