package com.clockface.ui.kiosk;

import com.clockface.camera.ReconnectingSource;
import com.clockface.store.StoreException;
import com.clockface.vision.ModelException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The kiosk: {@code mvn javafx:run} / the kiosk launcher. Options {@code --home DIR},
 * {@code --camera file:PATH|NAME|default}, {@code --windowed}. The models and the database load off the
 * FX thread behind a splash; a missing or altered model, a locked or full database and a missing camera
 * each get a clear full-screen message.
 */
public class KioskApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(KioskApp.class);

    /** Tests replace the analyzer (e.g. with a session in express mode); null = the default. */
    static volatile Function<KioskRuntime, FrameAnalyzer> analyzerOverride;

    private KioskScreen screen;
    private volatile KioskRuntime runtime;
    private Stage stage;
    private static volatile KioskApp current;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        current = this;
        this.stage = stage;
        screen = new KioskScreen();
        Scene scene = new Scene(screen.root(), 1280, 720);
        stage.setScene(scene);
        stage.setTitle("ClockFace");
        KioskOptions opts;
        try {
            opts = KioskOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            stage.show();
            screen.showMessage("Cannot start", e.getMessage(), false, "Quit", Platform::exit);
            return;
        }
        if (!opts.windowed()) {
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // a worker must not leave the kiosk
            stage.setFullScreen(true);
            // a bare X session without a window manager (a common kiosk set-up, and Xvfb) ignores the full-screen
            // request: cover the screen ourselves as well
            javafx.geometry.Rectangle2D b = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
        }
        stage.show();
        screen.setTestSource(opts.testSource());
        screen.showMessage("ClockFace", "Starting…", true, null, null);
        Thread loader = new Thread(() -> load(opts), "kiosk-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load(KioskOptions opts) {
        try {
            KioskRuntime rt = KioskRuntime.load(opts, msg -> Platform.runLater(() -> screen.showMessage("ClockFace", msg, true, null, null)));
            runtime = rt;
            Platform.runLater(() -> started(rt));
        } catch (ModelException e) {
            log.error("face models could not be loaded: {}", e.getMessage());
            Platform.runLater(() -> screen.showMessage("Face models missing or damaged", e.getMessage()
                    + "\n\nAsk your administrator to reinstall ClockFace or restore the model files.", false, "Quit", Platform::exit));
        } catch (StoreException e) {
            log.error("database could not be opened: {}", e.getMessage());
            String title = switch (e.reason()) {
                case LOCKED -> "Database is in use";
                case DISK_FULL -> "Disk is full";
                default -> "Database problem";
            };
            Platform.runLater(() -> screen.showMessage(title, e.getMessage(), false, "Quit", Platform::exit));
        } catch (RuntimeException e) {
            log.error("kiosk start failed", e);
            Platform.runLater(() -> screen.showMessage("Cannot start", String.valueOf(e.getMessage()), false, "Quit", Platform::exit));
        }
    }

    private void started(KioskRuntime rt) {
        screen.setSite(rt.settings().getString(KioskRuntime.KEY_SITE, ""));
        screen.setTestSource(rt.testSource());
        screen.setShowFps(Boolean.getBoolean("clockface.kiosk.fps"));
        Function<KioskRuntime, FrameAnalyzer> factory = analyzerOverride != null ? analyzerOverride
                : r -> sessionAnalyzer(r, null);
        rt.start(factory, this::cameraStatus, screen.previewMeter());
        var ts = rt.timeclockSettings();
        screen.setZone(ts.zone());
        pin = new PinCheckin(rt.db(), rt.settings().getString(KioskRuntime.KEY_KIOSK_NAME, "kiosk"), ts,
                rt.settings().getInt(PinCheckin.SETTING_LOCKOUT_AFTER, 5),
                java.time.Duration.ofMinutes(rt.settings().getInt(PinCheckin.SETTING_LOCKOUT_MINUTES, 5)), java.time.Clock.systemUTC());
        screen.attach(rt.slot()::peek, rt.analysis()::latest, rt.analysis()::reportPaint, new KioskScreen.Actions() {
            @Override public void pinRequested() { openPinPad(); }
            @Override public void adminRequested() { openAdminEntry(); }
            @Override public void retry() { rt.analysis().requestReset(); }
        });
        // inactivity: an open PIN pad, admin entry or the admin screens go back to the kiosk after a while without
        // input (nobody walks away from a half-typed PIN or an open admin session)
        stage.getScene().addEventFilter(javafx.scene.input.InputEvent.ANY, e -> lastInput = System.nanoTime());
        idleCheck = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> {
                    java.time.Duration limit = adminOpen ? adminTimeout : padTimeout;
                    if (screen.overlayOpen() && !firstRun && System.nanoTime() - lastInput > limit.toNanos()) {
                        log.info("back to the kiosk after {} s without input", limit.toSeconds());
                        closeOverlay();
                    }
                }));
        if (Boolean.getBoolean("clockface.kiosk.fps")) { // -Dclockface.kiosk.fps=true: a small read-out, bottom left
            long[] last = {screen.previewMeter().total(), rt.analysis().meter().total(), System.nanoTime()};
            idleCheck.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> {
                long p = screen.previewMeter().total(), a = rt.analysis().meter().total(), t = System.nanoTime();
                double s = Math.max(1e-9, (t - last[2]) / 1e9);
                screen.setFpsText(String.format(java.util.Locale.ROOT, "preview %.0f fps, analysis %.0f fps, camera %.0f fps",
                        (p - last[0]) / s, (a - last[1]) / s, rt.capture().fps()));
                last[0] = p;
                last[1] = a;
                last[2] = t;
            }));
        }
        idleCheck.setCycleCount(javafx.animation.Animation.INDEFINITE);
        idleCheck.play();
        if (rt.camera().status() == ReconnectingSource.Status.CAMERA_UNAVAILABLE) cameraStatus(rt.camera().status(), rt.camera().problem());
        if (!new com.clockface.admin.AdminAccounts(rt.db()).exists()) openFirstRun();
        ready = true;
    }

    private volatile boolean ready;

    /** True once the kiosk runs: models loaded, camera and analysis started, screen wired (tests). */
    boolean ready() { return ready; }

    /** Without input for this long, the PIN pad or admin entry closes (tests shorten it). */
    static volatile java.time.Duration padTimeout = java.time.Duration.ofSeconds(30);
    /** ...and the admin screens, where reading a timesheet may take a while without touching anything. */
    static volatile java.time.Duration adminTimeout = java.time.Duration.ofMinutes(2);
    private volatile long lastInput = System.nanoTime();
    private boolean adminOpen;
    private javafx.animation.Timeline idleCheck;
    private PinCheckin pin;
    private boolean firstRun;
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-pin");
        t.setDaemon(true);
        return t;
    });

    private void closeOverlay() {
        screen.closeOverlay();
        adminOpen = false;
        applySettings();
        runtime.analysis().setPaused(false);
    }

    /** Worker PIN fallback: employee number + PIN; the check (PBKDF2) and the punch run off the FX thread. */
    void openPinPad() {
        KioskRuntime rt = runtime;
        rt.analysis().setPaused(true);
        PinPad[] pad = new PinPad[1];
        pad[0] = new PinPad("Clock in with PIN", "Type your employee number, then your PIN.",
                java.util.List.of(new PinPad.Field("Employee number", false, 12), new PinPad.Field("PIN", true, 12)),
                values -> {
                    String employee = new String(values.get(0));
                    char[] secret = values.get(1);
                    com.clockface.vision.Frame f = rt.slot().peek();
                    worker.submit(() -> {
                        PinCheckin.Outcome o;
                        try {
                            o = pin.punch(employee, secret, f == null ? null : f.image());
                        } catch (RuntimeException e) {
                            log.error("PIN punch failed", e);
                            o = new PinCheckin.Outcome(PinCheckin.Kind.WRONG, "The punch could not be saved: " + e.getMessage(),
                                    null, null, 0, null);
                        }
                        PinCheckin.Outcome out = o;
                        Platform.runLater(() -> pinDone(pad[0], out, f));
                    });
                }, this::closeOverlay);
        screen.showOverlay(pad[0]);
        lastInput = System.nanoTime();
        pad[0].requestFocus();
        java.time.Instant locked = pin.lockedUntil();
        if (locked != null) pad[0].locked(pin.punch("", new char[0], null).message());
    }

    private void pinDone(PinPad pad, PinCheckin.Outcome o, com.clockface.vision.Frame evidence) {
        switch (o.kind()) {
            case WRONG -> { pad.fail(o.message()); Sounds.failure(); }
            case LOCKED -> { pad.locked(o.message()); Sounds.failure(); }
            case ALREADY -> {
                closeOverlay();
                screen.showOwnCard(new ScreenModel.ResultCard(ScreenModel.ResultCard.Kind.ALREADY, "Already recorded", o.message(),
                        o.person().name(), null, null, null, null), 5);
            }
            case PUNCHED -> {
                closeOverlay();
                var zone = runtime.timeclockSettings().zone();
                String kind = o.punch().kind().name();
                screen.showOwnCard(new ScreenModel.ResultCard(ScreenModel.ResultCard.Kind.PENDING, "Clocked " + kind + " with PIN",
                        "A supervisor will confirm this punch.", o.person().name(), kind,
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(o.punch().at().atZone(zone)),
                        runtime.hoursToday(o.person().id()), null), 5);
            }
        }
    }

    /** The very first start: an admin PIN must be chosen before the kiosk is used. */
    void openFirstRun() {
        KioskRuntime rt = runtime;
        firstRun = true;
        rt.analysis().setPaused(true);
        PinPad[] pad = new PinPad[1];
        pad[0] = new PinPad("Welcome to ClockFace", "First start: choose the administrator PIN (at least "
                + com.clockface.admin.AdminAccounts.MIN_PIN_DIGITS + " digits). It opens the admin screens from this kiosk.",
                java.util.List.of(new PinPad.Field("New admin PIN", true, 12), new PinPad.Field("Repeat the PIN", true, 12)),
                values -> {
                    String secret = new String(values.get(0));
                    String again = new String(values.get(1));
                    java.util.Arrays.fill(values.get(0), '\0');
                    java.util.Arrays.fill(values.get(1), '\0');
                    try {
                        com.clockface.admin.AdminAccounts.checkSecret(secret);
                    } catch (IllegalArgumentException e) {
                        pad[0].fail(e.getMessage());
                        return;
                    }
                    if (!secret.equals(again)) {
                        pad[0].fail("The two PINs differ. Type them again.");
                        return;
                    }
                    worker.submit(() -> {
                        try {
                            new com.clockface.admin.AdminAccounts(rt.db()).createFirst(ADMIN_NAME, secret, "kiosk:"
                                    + rt.settings().getString(KioskRuntime.KEY_KIOSK_NAME, "kiosk"));
                            Platform.runLater(() -> {
                                firstRun = false;
                                closeOverlay();
                            });
                        } catch (RuntimeException e) {
                            log.error("admin could not be created: {}", e.getMessage());
                            Platform.runLater(() -> pad[0].fail("The PIN could not be saved: " + e.getMessage()));
                        }
                    });
                }, () -> pad[0].fail("Choose the admin PIN first: the kiosk cannot be used without one."));
        screen.showOverlay(pad[0]);
        lastInput = System.nanoTime();
    }

    static final String ADMIN_NAME = "admin";

    /** Admin entry behind the admin PIN (the lockout after wrong tries is the admin repository's). */
    void openAdminEntry() {
        KioskRuntime rt = runtime;
        rt.analysis().setPaused(true);
        PinPad[] pad = new PinPad[1];
        pad[0] = new PinPad("Administrator", "Enter the admin PIN.",
                java.util.List.of(new PinPad.Field("Admin PIN", true, 12)),
                values -> worker.submit(() -> {
                    String secret = new String(values.get(0));
                    java.util.Arrays.fill(values.get(0), '\0');
                    try {
                        // one admin: the PIN alone signs in (AdminAccounts); the lockout after wrong tries is theirs
                        var admin = new com.clockface.admin.AdminAccounts(rt.db()).login(null, secret);
                        Platform.runLater(() -> openAdminScreens(admin));
                    } catch (com.clockface.admin.AdminAccounts.LoginException e) {
                        Platform.runLater(() -> {
                            if (e.reason() == com.clockface.admin.AdminAccounts.LoginException.Reason.LOCKED) pad[0].locked(e.getMessage());
                            else pad[0].fail(e.getMessage());
                        });
                    } catch (RuntimeException e) {
                        log.error("admin sign-in failed", e);
                        Platform.runLater(() -> pad[0].fail("Sign-in failed: " + e.getMessage()));
                    }
                }), this::closeOverlay);
        screen.showOverlay(pad[0]);
        lastInput = System.nanoTime();
        pad[0].requestFocus();
    }

    /**
     * The admin screens over the kiosk, sharing its database, loaded face engine and camera (a live enrolment
     * takes the frames the paused check-in leaves); Close returns to idle.
     */
    private void openAdminScreens(com.clockface.admin.AdminAccounts.Admin admin) {
        KioskRuntime rt = runtime;
        var view = new com.clockface.ui.admin.AdminView(new com.clockface.admin.AdminServices(rt.home(), rt.db()), admin,
                com.clockface.ui.admin.AdminView.EngineSource.of(rt.engine()),
                () -> com.clockface.camera.CameraFeed.borrow(rt.slot(), () -> rt.camera().info(), rt.testSource(), rt.frameTimes()),
                this::closeOverlay);
        view.setId("admin-view");
        screen.showOverlay(view);
        adminOpen = true;
        lastInput = System.nanoTime();
    }

    /**
     * Back from an overlay (the admin screens above all): what the settings say applies now (the check-in settings
     * with the next session, see {@link #sessionAnalyzer}; the camera, the site name and the time zone here).
     */
    private void applySettings() {
        try {
            applySettings(runtime);
        } catch (RuntimeException e) { // the kiosk goes on with what it had
            log.warn("the settings could not be applied: {}", e.getMessage());
        }
    }

    private void applySettings(KioskRuntime rt) {
        screen.setSite(rt.settings().getString(KioskRuntime.KEY_SITE, ""));
        screen.setZone(rt.timeclockSettings().zone());
        if (rt.options().camera() != null) {
            String chosen = rt.settings().getString(KioskRuntime.KEY_CAMERA, "");
            if (!chosen.isBlank() && !chosen.equals(rt.options().camera())) {
                log.info("camera '{}' from the settings applies when the kiosk starts without --camera (now {})", chosen,
                        rt.options().camera());
            }
        } else if (rt.applyCameraSetting()) {
            screen.setTestSource(rt.testSource());
        }
    }

    /**
     * The check-in session fed by the analysis thread. Each session is built with the settings of that moment (flash
     * mode, the check-in rules, the camera), so a change in the admin screens applies to the next check-in.
     *
     * @param mode a fixed flash mode (tests), or null for the one in the settings
     */
    static SessionAdapter sessionAnalyzer(KioskRuntime r, com.clockface.liveness.flash.FlashMode mode) {
        return new SessionAdapter(() -> new com.clockface.checkin.CheckinSession(
                        com.clockface.checkin.SessionSettings.defaults().withFlashMode(mode != null ? mode : r.flashMode()),
                        r.camera().info(), r.engine()::detect, KioskAnalysers.forRuntime(r)).cameraTimes(r.frameTimes()::between),
                () -> r.timeclockSettings().zone(), r::hoursToday);
    }

    private void cameraStatus(ReconnectingSource.Status status, com.clockface.camera.CameraException problem) {
        Platform.runLater(() -> {
            if (status == ReconnectingSource.Status.CAMERA_UNAVAILABLE) {
                screen.showMessage("Camera unavailable", (problem == null ? "" : problem.getMessage())
                        + "\n\nReconnecting… The kiosk carries on by itself when the camera is back.", true, null, null);
            } else if (status == ReconnectingSource.Status.RUNNING) {
                screen.hideMessage();
            }
        });
    }

    @Override
    public void stop() {
        if (screen != null) screen.stop();
        if (idleCheck != null) idleCheck.stop();
        worker.shutdownNow();
        KioskRuntime rt = runtime;
        if (rt != null) rt.close();
        current = null;
    }

    /** The running kiosk (tests, benchmark). */
    static KioskApp current() { return current; }

    KioskScreen screen() { return screen; }

    KioskRuntime runtime() { return runtime; }

    Stage stage() { return stage; }
}
