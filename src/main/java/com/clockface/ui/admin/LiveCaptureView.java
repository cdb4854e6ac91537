package com.clockface.ui.admin;

import com.clockface.admin.LiveEnrolment;
import com.clockface.camera.CameraFeed;
import com.clockface.checkin.FaceEngine;
import com.clockface.ui.kiosk.AnalysisLoop;
import com.clockface.ui.kiosk.FlashPlayer;
import com.clockface.ui.kiosk.PreviewPane;
import com.clockface.ui.kiosk.ScreenModel;
import com.clockface.ui.kiosk.SessionAdapter;
import com.clockface.vision.Frame;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Live capture for an enrolment: the kiosk's own preview (mirrored camera, oval, progress ring, colour flash),
 * fed by the check-in session through the kiosk's {@link SessionAdapter} on one {@link AnalysisLoop} thread;
 * the capture is judged by {@link LiveEnrolment}. This view only renders and reports paints; it decides
 * nothing. The camera comes from {@link AdminView.CameraSource} (the kiosk lends its own).
 */
final class LiveCaptureView extends VBox {

    private final AdminView root;
    private final Consumer<LiveEnrolment.Result> onUse;
    private final Runnable onCancel;
    private final PreviewPane preview = new PreviewPane();
    private final StackPane previewBox = new StackPane(preview);
    private final Label guidance = Ui.label("", "live-guidance");
    private final Label status = new Label();
    private final Label sourceNote = Ui.label("", "muted");
    private final VBox resultBox = new VBox(10);
    private final FlowPane thumbs = new FlowPane(8, 8);
    private final GridPane facts = new GridPane();
    private final Button use;
    private final Label steps;
    private final Label howTo;
    private final Button retry;
    private final AnimationTimer timer;

    private volatile CameraFeed feed;
    private volatile AnalysisLoop loop;
    private LiveEnrolment enrolment;
    private LiveEnrolment.Result result;
    private ScreenModel shown;
    private Frame lastFrame;
    private final FlashPlayer flash = new FlashPlayer(c -> {
        preview.setFlash(c);
        // the whole capture area lights up, not just the preview: more light on the face
        setBackground(c == null ? null : new Background(new BackgroundFill(Color.rgb(c.r(), c.g(), c.b()), null, null)));
    });
    private boolean running;

    LiveCaptureView(AdminView root, Consumer<LiveEnrolment.Result> onUse, Runnable onCancel) {
        this.root = root;
        this.onUse = onUse;
        this.onCancel = onCancel;
        setId("live-capture");
        getStyleClass().add("live-capture");
        setSpacing(16);
        setPadding(new Insets(28, 32, 28, 32));

        previewBox.getStyleClass().add("live-preview");
        previewBox.setId("live-preview");
        previewBox.setMinSize(480, 360);
        previewBox.setPrefSize(720, 540);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle(); // nothing draws outside the box
        clip.widthProperty().bind(previewBox.widthProperty());
        clip.heightProperty().bind(previewBox.heightProperty());
        clip.setArcWidth(20);
        clip.setArcHeight(20);
        previewBox.setClip(clip);
        preview.setMinSize(0, 0);
        guidance.setId("live-guidance");
        guidance.setMaxWidth(Double.MAX_VALUE);
        guidance.setAlignment(Pos.CENTER);
        VBox left = new VBox(12, previewBox, guidance);
        VBox.setVgrow(previewBox, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        status.setId("live-status");
        status.setWrapText(true);
        Ui.status(status, "", true);
        sourceNote.setId("live-source");
        steps = Ui.label("1.  Face the screen with your face inside the oval.\n"
                + "2.  Hold still while the screen flashes colours.\n"
                + "3.  Then turn your head slowly a little to the left and to the right.", "live-steps");
        for (Label l : new Label[] {steps, sourceNote, status}) l.setMinHeight(Region.USE_PREF_SIZE); // wrap, never "…"
        facts.setHgap(12);
        facts.setVgap(6);
        thumbs.setId("live-frames");
        thumbs.setPrefWrapLength(280);
        use = Ui.button("Use these frames", "live-use", this::use, "primary");
        use.setMaxWidth(Double.MAX_VALUE);
        retry = Ui.button("Try again", "live-retry", this::start);
        Button cancel = Ui.button("Cancel", "live-cancel", this::cancel);
        resultBox.getChildren().addAll(Ui.section("Captured frames"), thumbs, facts);
        resultBox.setVisible(false);
        resultBox.setManaged(false);
        use.setDisable(true);
        retry.setDisable(true);
        howTo = Ui.section("How it works");
        VBox side = Ui.card(howTo, steps, sourceNote, status, resultBox, Ui.spacer(), new VBox(8, use, Ui.row(8, retry, cancel)));
        side.setPrefWidth(330);
        side.setMinWidth(300);
        side.setMaxWidth(360);

        HBox body = new HBox(20, left, side);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label sub = Ui.subtitle("Liveness must pass the high-security check; frames from a short head turn become the face templates.");
        sub.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(Ui.title("Live capture"), sub, body);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) { pulse(now); }
        };
        // leaving the screen (navigation, the kiosk closing its admin overlay) stops the capture
        sceneProperty().addListener((o, a, s) -> { if (s == null) stop(); });
    }

    /** Opens the camera and starts a capture (the engine and camera load off the FX thread). */
    void start() {
        stopAnalysis();
        result = null;
        use.setDisable(true);
        retry.setDisable(true);
        resultBox.setVisible(false);
        resultBox.setManaged(false);
        thumbs.getChildren().clear();
        facts.getChildren().clear();
        showHowTo(true);
        shown = null;
        flash.reset();
        running = true;
        Ui.status(status, feed == null ? "Starting the camera…" : "Look at the camera.", true);
        Ui.background(() -> {
            FaceEngine engine = root.engineNow();
            CameraFeed f = feed;
            if (f == null) {
                f = root.cameraSource().open();
                feed = f;
            }
            LiveEnrolment e = new LiveEnrolment(engine, root.services().database(), 0,
                    LiveEnrolment.flashModeFor(f.testSource(), root.services().settings().flashMode()));
            CameraFeed cam = f;
            e.onResult(r -> Platform.runLater(() -> finished(e, r)));
            java.time.ZoneId zone = root.services().settings().zone();
            SessionAdapter adapter = new SessionAdapter(() -> new com.clockface.checkin.CheckinSession(e.sessionSettings(),
                    cam.info(), engine::detect, e).cameraTimes(cam.times() == null ? null : cam.times()::between), () -> zone, id -> null);
            return new Started(e, new AnalysisLoop(cam.slot(), adapter));
        }, started -> {
            if (!running) return; // cancelled while loading (the loop never started: nothing to stop)
            enrolment = started.enrolment();
            loop = started.loop().start();
            sourceNote.setText("Camera: " + feed.info().name() + (feed.testSource()
                    ? ". A recording: passive checks only, it cannot follow the colour flash." : ""));
            Ui.status(status, "Look at the camera.", true);
            timer.start();
        }, e -> {
            running = false;
            Ui.status(status, "The live capture cannot start: " + Ui.message(e), false);
            retry.setDisable(false);
        });
    }

    private record Started(LiveEnrolment enrolment, AnalysisLoop loop) { }

    private void finished(LiveEnrolment e, LiveEnrolment.Result r) {
        if (e != enrolment || !running) return;
        result = r;
        stopAnalysis();
        preview.setFlash(null);
        setBackground(null);
        retry.setDisable(false);
        guidance.setText(r.accepted() ? "Done. Thank you." : "Not accepted: see the reason on the right.");
        Ui.status(status, r.message(), r.accepted() && !r.duplicateSuspected());
        if (r.accepted()) {
            use.setDisable(false);
            for (LiveEnrolment.ChosenFrame f : r.frames()) {
                if (f.faceCrop() == null) continue;
                ImageView v = new ImageView(FxImages.of(f.faceCrop()));
                v.setFitHeight(64);
                v.setPreserveRatio(true);
                v.setSmooth(true);
                thumbs.getChildren().add(v);
            }
        }
        int row = 0;
        if (r.liveness() != null) {
            Label live = Ui.label(r.liveness().percent() + " / 100, " + r.liveness().outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + LiveEnrolment.PROFILE.name() + ")", "value");
            live.setMinHeight(Region.USE_PREF_SIZE);
            facts.addRow(row++, Ui.label("Liveness", "field-label"), live);
        }
        facts.addRow(row++, Ui.label("Good frames", "field-label"), Ui.label(r.goodFrames() + " of " + r.facesSeen(), "value"));
        if (r.accepted()) facts.addRow(row, Ui.label("Kept", "field-label"), Ui.label(r.frames().size() + " frames", "value"));
        resultBox.setVisible(true);
        resultBox.setManaged(true);
        showHowTo(false);
    }

    private void showHowTo(boolean on) {
        for (Label l : new Label[] {howTo, steps}) {
            l.setVisible(on);
            l.setManaged(on);
        }
    }

    private void use() {
        if (result == null || !result.accepted()) return;
        LiveEnrolment.Result r = result;
        stop();
        onUse.accept(r);
    }

    private void cancel() {
        stop();
        onCancel.run();
    }

    /** The enrolment that judged the last capture (it saves it). */
    LiveEnrolment enrolment() { return enrolment; }

    /** What the preview shows now (tests, screenshots). */
    ScreenModel.Phase phase() { return shown == null ? null : shown.phase(); }

    /** The last result (tests). */
    LiveEnrolment.Result result() { return result; }

    /** Stops analysis and the render loop and releases an owned camera (a borrowed one keeps running). */
    void stop() {
        running = false;
        stopAnalysis();
        CameraFeed f = feed;
        feed = null;
        if (f != null) Ui.background(() -> { f.close(); return null; }, x -> { }, x -> { });
    }

    private void stopAnalysis() {
        timer.stop();
        AnalysisLoop l = loop;
        loop = null;
        if (l != null) new Thread(l::close, "live-capture-stop").start(); // close() joins the thread: not on the FX thread
    }

    private void pulse(long now) {
        CameraFeed f = feed;
        AnalysisLoop l = loop;
        if (f == null || l == null) return;
        Frame frame = f.slot().peek();
        if (frame != null && frame != lastFrame) preview.showFrame(frame.image());
        lastFrame = frame;
        ScreenModel m = l.latest();
        if (m != shown) {
            render(m);
            shown = m;
        }
        flash.pulse(m, now, l::reportPaint);
        preview.flush(); // one composition per pulse, with this pulse's frame and colour
    }

    private void render(ScreenModel m) {
        if (m.phase() == ScreenModel.Phase.RESULT) return; // LiveEnrolment's result is shown instead of the kiosk's card
        guidance.setText(m.phase() == ScreenModel.Phase.IDLE ? "Step in front of the camera." : m.sentence());
        preview.follow(m);
        if (m.phase() == ScreenModel.Phase.ANALYSING) Ui.status(status, "Checking liveness and choosing frames…", true);
    }
}
