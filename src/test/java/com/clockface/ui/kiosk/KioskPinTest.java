package com.clockface.ui.kiosk;

import com.clockface.store.AppHome;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import com.clockface.store.PunchRepository;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The PIN fallback, the first-run admin PIN and the admin entry, on the REAL kiosk (headless Monocle). */
class KioskPinTest {
    @TempDir
    Path home;
    KioskApp app;
    final FxRobot robot = new FxRobot();

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(KioskApp.class, "--home", home.toString(),
                "--camera", "file:" + KioskTestSupport.emptyRoomCamera(home.resolve("camera")), "--windowed");
        app = KioskTestSupport.waitForRunning(120);
    }

    private void type(String digits) {
        for (char c : digits.toCharArray()) robot.clickOn("#key-" + c);
    }

    private String padError() {
        return robot.lookup("#pin-error").queryLabeled().getText();
    }

    @Test
    void pinPunchIsStoredAsPendingWithTheCameraFrameAsEvidence() throws Exception {
        long person = KioskTestSupport.prepareHome(home);
        start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.runtime().slot().peek() != null);
        robot.clickOn("#idle-pin");
        assertTrue(app.screen().overlayOpen());
        type(KioskTestSupport.WORKER_NO);
        robot.clickOn("#pin-field-1");
        type("9999");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> padError().contains("not right"));
        assertTrue(padError().contains("4 tries left"), padError());

        type(KioskTestSupport.WORKER_PIN);
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.screen().cardShown() != null);
        ScreenModel.ResultCard card = app.screen().cardShown();
        assertEquals(ScreenModel.ResultCard.Kind.PENDING, card.kind());
        assertEquals("Ana Lopez", card.name());
        assertEquals("IN", card.punchLabel());
        assertFalse(app.screen().overlayOpen(), "the pad closed");

        try (Database db = Database.open(AppHome.at(home))) {
            List<Punch> punches = new PunchRepository(db).listByPerson(person, Instant.now().minus(1, ChronoUnit.HOURS),
                    Instant.now().plus(1, ChronoUnit.HOURS));
            assertEquals(1, punches.size());
            Punch p = punches.get(0);
            assertEquals(PunchSource.PIN, p.source());
            assertEquals(PunchStatus.PENDING, p.status(), "a PIN punch waits for an admin");
            assertNotNull(p.checkEventId());
            byte[] evidence = new CheckEventRepository(db).loadEvidence(p.checkEventId()).orElseThrow();
            assertTrue(evidence.length > 1000 && (evidence[0] & 0xFF) == 0xFF && (evidence[1] & 0xFF) == 0xD8,
                    "the camera frame is kept as a JPEG for the review");
        }
    }

    /** A worker who walks away from a half-typed PIN: the kiosk goes back to its idle screen by itself. */
    @Test
    void aPinPadLeftAloneGoesBackToTheKiosk() throws Exception {
        KioskTestSupport.prepareHome(home);
        KioskApp.padTimeout = java.time.Duration.ofSeconds(2);
        try {
            start();
            robot.clickOn("#idle-pin");
            type("10");
            assertTrue(app.screen().overlayOpen());
            assertTrue(robot.lookup("\u25B6 Employee number").tryQuery().isPresent(), "the field typed into is marked, not only coloured");
            Thread.sleep(1000);
            assertTrue(app.screen().overlayOpen(), "still open while the worker may be thinking");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.screen().overlayOpen());
            long analysed = app.runtime().analysis().meter().total();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.runtime().analysis().meter().total() > analysed); // face check-ins resume
            robot.clickOn("#idle-pin");
            assertEquals(" ", robot.lookup("#pin-field-0").queryLabeled().getText(), "a new pad: the digits typed before are gone");
        } finally {
            KioskApp.padTimeout = java.time.Duration.ofSeconds(30);
        }
    }

    @Test
    void fiveWrongPinsLockThePad() throws Exception {
        KioskTestSupport.prepareHome(home);
        start();
        robot.clickOn("#idle-pin");
        for (int i = 1; i <= 5; i++) {
            robot.clickOn("#pin-field-0");
            robot.clickOn("#key-clear");
            type("4242");
            robot.clickOn("#pin-field-1");
            type("0000");
            robot.clickOn("#pin-ok");
            int n = i;
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> n < 5 ? padError().contains((5 - n) + (n == 4 ? " try" : " tries"))
                    : padError().contains("locked"));
        }
        assertTrue(padError().contains("locked for 5 minutes"), padError());
        assertTrue(robot.lookup("#pin-ok").query().isDisabled(), "no more tries while locked");
        // the right PIN does not help while locked, even after reopening the pad
        robot.clickOn("#pin-cancel");
        robot.clickOn("#idle-pin");
        assertTrue(padError().contains("locked"), padError());
    }

    @Test
    void firstRunAsksForTheAdminPinAndTheAdminEntryChecksIt() throws Exception {
        start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.screen().overlayOpen());
        assertNotNull(robot.lookup("Welcome to ClockFace").tryQuery().orElse(null));
        type("1234");
        robot.clickOn("#pin-field-1");
        type("1234");
        robot.clickOn("#pin-ok");
        assertTrue(padError().contains("at least 6"), padError());
        robot.clickOn("#pin-field-0");
        type("864213");
        robot.clickOn("#pin-field-1");
        type("864213");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.screen().overlayOpen());
        WaitForAsyncUtils.waitForFxEvents();
        try (Database db = Database.open(AppHome.at(home))) {
            assertFalse(new com.clockface.store.AdminRepository(db).none(), "the admin was created");
        }

        robot.clickOn("#idle-admin");
        type("111111");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> padError().startsWith("Wrong PIN"));
        type("864213");
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#admin-view").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // the pad has left the scene before the next click
        robot.clickOn("#close-admin");
        assertFalse(app.screen().overlayOpen());
    }
}
