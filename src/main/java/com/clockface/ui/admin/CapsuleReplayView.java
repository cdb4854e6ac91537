package com.clockface.ui.admin;

import com.clockface.admin.CapsuleReplay;
import com.clockface.checkin.SessionCapsule;
import com.clockface.liveness.flash.FlashColour;
import com.clockface.vision.Face;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The replay of a saved check-in on the review screen: frame by frame or played at its own speed, with the
 * tracked face box, the colour that was on screen at each frame on a timeline bar, the verdict the kiosk
 * recorded and the verdict re-analysed from the capsule alone ({@link CapsuleReplay}).
 */
final class CapsuleReplayView extends VBox {

    static final double FRAME_W = 560, FRAME_H = 420, BAR_H = 24;
    /** The signals worth a reviewer's look (the rest are in the capsule and {@code clockface analyze}). */
    private static final java.util.List<String> KEY_SIGNALS = java.util.List.of("pad.passive", "pad.frames", "flash.score",
            "flash.cap", "flash.faceFrames", "flash.delayMs", "injection.risk", "injection.fps");

    private final AdminView root;
    private final CapsuleReplay replay;
    private final ImageView image = new ImageView();
    private final Rectangle faceBox = new Rectangle();
    private final Pane overlay = new Pane(faceBox);
    private final Pane bar = new Pane();
    private final Line cursor = new Line();
    private final Slider slider;
    private final Label position = Ui.label("", "value");
    private final Rectangle swatch = new Rectangle(18, 18);
    private final Label recomputed = Ui.label("Re-analysing the recording…", "value");
    private final Label agreement = new Label();
    private final Label recomputedSignals = Ui.label("", "signals");
    private final Button play;
    private final AnimationTimer timer;
    private int index = -1;
    private long playStartNanos;
    private long playFromMs;

    CapsuleReplayView(AdminView root, String title, CapsuleReplay replay, Runnable onBack) {
        this.root = root;
        this.replay = replay;
        setId("replay");
        setSpacing(10);
        setPadding(new Insets(24, 32, 20, 32));

        image.setPreserveRatio(true);
        image.setFitWidth(FRAME_W);
        image.setFitHeight(FRAME_H);
        image.setId("replay-frame");
        faceBox.setFill(Color.TRANSPARENT);
        faceBox.setStroke(Color.rgb(52, 211, 153));
        faceBox.setStrokeWidth(3);
        faceBox.setArcWidth(8);
        faceBox.setArcHeight(8);
        overlay.setMouseTransparent(true);
        StackPane frame = new StackPane(image, overlay);
        frame.getStyleClass().add("live-preview");
        frame.setPrefSize(FRAME_W, FRAME_H);
        frame.setMinSize(FRAME_W, FRAME_H);
        frame.setMaxSize(FRAME_W, FRAME_H);
        Rectangle clip = new Rectangle(FRAME_W, FRAME_H);
        clip.setArcWidth(20);
        clip.setArcHeight(20);
        frame.setClip(clip);

        buildBar();
        slider = new Slider(0, Math.max(0, replay.size() - 1), 0);
        slider.setId("replay-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.setPrefWidth(FRAME_W);
        slider.valueProperty().addListener((o, a, v) -> show((int) Math.round(v.doubleValue())));
        Button first = Ui.button("|◀", "replay-first", () -> { pause(); show(0); });
        Button prev = Ui.button("◀", "replay-prev", () -> { pause(); show(index - 1); });
        play = Ui.button("▶  Play", "replay-play", this::togglePlay, "primary");
        Button next = Ui.button("▶", "replay-next", () -> { pause(); show(index + 1); });
        position.setId("replay-position");
        HBox controls = Ui.row(8, first, prev, play, next);
        swatch.setArcWidth(4);
        swatch.setArcHeight(4);
        swatch.setStroke(Color.rgb(150, 160, 175));
        HBox where = Ui.row(8, swatch, position);
        Label axis0 = Ui.label("0 s", "muted");
        Label axis1 = Ui.label(String.format(Locale.ROOT, "%.1f s", replay.durationMs() / 1000.0), "muted");
        HBox axis = new HBox(axis0, Ui.spacer(), axis1);
        axis.setPrefWidth(FRAME_W);
        axis.setMaxWidth(FRAME_W);
        Label barTitle = Ui.label(replay.timeline().isEmpty() ? "Colour challenge: none (" + replay.flashMode()
                + ", passive checks only)" : "Colours on screen (" + replay.flashMode() + ")", "field-label");
        VBox left = new VBox(8, frame, barTitle, bar, axis, slider, controls, where);

        recomputed.setId("replay-recomputed");
        agreement.setId("replay-agreement");
        Ui.status(agreement, "", true);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(8);
        Label recorded = Ui.label(replay.recordedDecision() + ", liveness " + Math.round(replay.recordedScore() * 100) + " / 100 ("
                + replay.recordedOutcome() + ")", "value");
        for (Label l : new Label[] {recorded, recomputed, position}) l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        facts.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(100), new javafx.scene.layout.ColumnConstraints(180, 230, 400));
        facts.addRow(0, Ui.label("Recorded", "field-label"), recorded);
        facts.addRow(1, Ui.label("Re-analysed", "field-label"), recomputed);
        facts.addRow(2, Ui.label("Frames", "field-label"), Ui.label(replay.size() + " in "
                + String.format(Locale.ROOT, "%.1f s", replay.durationMs() / 1000.0), "value"));
        Label note = Ui.label("Recomputed from the saved frames, faces, colours and the settings in force then (JPEG frames: "
                + "the score may differ a little).", "muted");
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        recomputedSignals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox side = Ui.card(Ui.section("Verdict"), facts, agreement, Ui.section("Key signals (re-analysed)"), recomputedSignals, note);
        side.setPrefWidth(360);
        side.setMinWidth(320);
        HBox.setHgrow(side, Priority.ALWAYS);

        Button back = Ui.button("Back to the queue", "replay-back", () -> { pause(); onBack.run(); });
        HBox head = Ui.row(14, Ui.title("Recording"), Ui.spacer(), back);
        getChildren().addAll(head, Ui.subtitle(title), new HBox(20, left, side));

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) { tick(now); }
        };
        sceneProperty().addListener((o, a, s) -> { if (s == null) pause(); });
        show(0);
        reanalyse();
    }

    /** The colour timeline as a bar: a segment per colour, grey where none was shown, and a cursor. */
    private void buildBar() {
        bar.setId("replay-colours");
        bar.setPrefSize(FRAME_W, BAR_H);
        bar.setMinSize(FRAME_W, BAR_H);
        bar.setMaxSize(FRAME_W, BAR_H);
        Rectangle rest = new Rectangle(FRAME_W, BAR_H, Color.rgb(203, 210, 220));
        rest.setArcWidth(6);
        rest.setArcHeight(6);
        bar.getChildren().add(rest);
        double scale = FRAME_W / Math.max(1, replay.durationMs());
        for (CapsuleReplay.Segment s : replay.timeline()) {
            Rectangle r = new Rectangle(s.fromMs() * scale, 0, Math.max(1, (s.toMs() - s.fromMs()) * scale), BAR_H);
            FlashColour c = s.colour();
            r.setFill(Color.rgb(c.r(), c.g(), c.b()));
            bar.getChildren().add(r);
        }
        cursor.setStartY(-4);
        cursor.setEndY(BAR_H + 4);
        cursor.setStrokeWidth(3);
        cursor.setStroke(Color.rgb(22, 32, 47));
        bar.getChildren().add(cursor);
    }

    /** Shows frame {@code i} (clamped). */
    void show(int i) {
        if (replay.size() == 0) return;
        int k = Math.max(0, Math.min(replay.size() - 1, i));
        if (k == index) return;
        index = k;
        CapsuleReplay.Step step = replay.step(k);
        image.setImage(FxImages.of(replay.frame(k)));
        double s = Math.min(FRAME_W / replay.frame(k).width(), FRAME_H / replay.frame(k).height());
        double ox = (FRAME_W - replay.frame(k).width() * s) / 2, oy = (FRAME_H - replay.frame(k).height() * s) / 2;
        Face f = step.face();
        faceBox.setVisible(f != null);
        if (f != null) {
            faceBox.setX(ox + f.x() * s);
            faceBox.setY(oy + f.y() * s);
            faceBox.setWidth(f.width() * s);
            faceBox.setHeight(f.height() * s);
        }
        double x = step.ms() * FRAME_W / Math.max(1, replay.durationMs());
        cursor.setStartX(x);
        cursor.setEndX(x);
        position.setText(String.format(Locale.ROOT, "Frame %d of %d  ·  %.2f s  ·  %s", k + 1, replay.size(), step.ms() / 1000.0,
                step.colour() == null ? "no colour on screen" : "on screen: " + step.colour().name())
                + (f == null ? "  ·  no face" : ""));
        swatch.setFill(step.colour() == null ? Color.rgb(203, 210, 220) : Color.rgb(step.colour().r(), step.colour().g(), step.colour().b()));
        if ((int) Math.round(slider.getValue()) != k) slider.setValue(k);
    }

    int index() { return index; }

    private void togglePlay() {
        if (playStartNanos != 0) {
            pause();
            return;
        }
        if (index >= replay.size() - 1) show(0);
        playFromMs = replay.step(index).ms();
        playStartNanos = System.nanoTime();
        play.setText("❚❚  Pause");
        timer.start();
    }

    private void pause() {
        timer.stop();
        playStartNanos = 0;
        play.setText("▶  Play");
    }

    boolean playing() { return playStartNanos != 0; }

    private void tick(long now) {
        long ms = playFromMs + (now - playStartNanos) / 1_000_000L;
        show(replay.stepAt(ms));
        if (ms >= replay.step(replay.size() - 1).ms()) pause();
    }

    private void reanalyse() {
        Ui.background(() -> replay.reanalyse(root.engineNow().scorer()), (SessionCapsule.Reanalysis r) -> {
            recomputed.setText("liveness " + Math.round(r.recomputed().score() * 100) + " / 100 (" + r.recomputed().outcome() + ")");
            Ui.status(agreement, r.agrees() ? "Agrees with the recorded verdict." : "Differs from the recorded verdict: look closer.",
                    r.agrees());
            StringBuilder b = new StringBuilder();
            r.recomputed().signals().forEach((k, v) -> {
                boolean firedInjection = k.startsWith("injection.") && !k.equals("injection.fps") && v != null && v > 0;
                if (!KEY_SIGNALS.contains(k) && !firedInjection) return;
                b.append(b.length() == 0 ? "" : "\n").append(k).append(": ").append(String.format(Locale.ROOT, "%.3f", v));
            });
            recomputedSignals.setText(b.toString());
        }, e -> {
            recomputed.setText("—");
            Ui.status(agreement, "Could not re-analyse: " + Ui.message(e), false);
        });
    }

    /** The re-analysis outcome line (tests). */
    String agreementText() { return agreement.getText(); }
}
