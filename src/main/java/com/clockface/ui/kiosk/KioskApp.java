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
                : r -> sessionAnalyzer(r, r.flashMode());
        rt.start(factory, this::cameraStatus, screen.previewMeter());
        screen.attach(rt.slot()::peek, rt.analysis()::latest, rt.analysis()::reportPaint, new KioskScreen.Actions() {
            @Override public void pinRequested() { }
            @Override public void adminRequested() { }
            @Override public void retry() { rt.analysis().requestReset(); }
        });
        if (rt.camera().status() == ReconnectingSource.Status.CAMERA_UNAVAILABLE) cameraStatus(rt.camera().status(), rt.camera().problem());
    }

    /** The check-in session fed by the analysis thread, with the flash mode from the settings. */
    static SessionAdapter sessionAnalyzer(KioskRuntime r, com.clockface.liveness.flash.FlashMode mode) {
        var ts = r.timeclockSettings();
        return new SessionAdapter(com.clockface.checkin.SessionSettings.defaults().withFlashMode(mode),
                () -> r.camera().info(), r.engine()::detect, KioskAnalysers.forRuntime(r), ts.zone(), r::hoursToday);
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
