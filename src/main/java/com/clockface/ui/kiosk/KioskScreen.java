package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.FlashColour;
import com.clockface.vision.Frame;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The kiosk's one scene graph: idle screen, live preview with oval and guidance, flash layer, result and
 * failure cards, the PIN pad and full-screen messages (loading, errors, camera unavailable). It renders
 * what the analysis thread published ({@link ScreenModel}) and the newest camera frame on each pulse of
 * one {@link AnimationTimer}; it decides nothing about check-ins. FX thread only.
 */
public final class KioskScreen {
    private static final Logger log = LoggerFactory.getLogger(KioskScreen.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final Color OK = Color.rgb(52, 211, 153);
    static final Color BAD = Color.rgb(248, 113, 113);
    static final Color WARN = Color.rgb(251, 191, 36);
    static final Color INK = Color.rgb(11, 18, 32);

    /**
     * Size of the screen against the 720-line design (1 at 1280x720, 1.5 at 1920x1080): the type is in em and
     * scales by itself, pixel sizes in code (icons, the photo, text widths) are multiplied by this. FX thread.
     */
    static final javafx.beans.property.DoubleProperty UI_SCALE = new javafx.beans.property.SimpleDoubleProperty(1);

    /** {@code px} at 720 lines, scaled to the screen. */
    static javafx.beans.binding.DoubleBinding scaled(double px) { return UI_SCALE.multiply(px); }

    /** What the buttons on the screen do; implemented by the app. */
    public interface Actions {
        void pinRequested();
        void adminRequested();
        void retry();
    }

    private final StackPane root = new StackPane();
    private final PreviewPane preview = new PreviewPane();
    private final BorderPane hud = new BorderPane();
    private final Label guidance = new Label();
    private final StackPane guidanceIcon = new StackPane();
    private final Label hudClock = new Label();
    private final Label hudSite = new Label();
    private final VBox idle = new VBox();
    private final Label idleClock = new Label();
    private final Label idleDate = new Label();
    private final Label idleSite = new Label();
    private final StackPane cardLayer = new StackPane();
    private final StackPane overlayLayer = new StackPane();
    private final VBox message = new VBox();
    private final Label messageTitle = new Label();
    private final Label messageBody = new Label();
    private final ProgressIndicator messageSpinner = new ProgressIndicator();
    private final Button messageButton = new Button();
    private final HBox testBadge = new HBox();
    private final Label fpsLabel = new Label();

    private Supplier<Frame> frames = () -> null;
    private Supplier<ScreenModel> models = ScreenModel::idle;
    private PaintReporter paintReporter = (s, t) -> { };
    private Actions actions;
    private ZoneId zone = ZoneId.systemDefault();

    private final FpsMeter previewMeter = new FpsMeter();
    private final FpsMeter pulseMeter = new FpsMeter();
    private Frame lastFrame;
    private long lastPulseNanos;
    private volatile long livePreviewNanos; // time the preview was on screen (the benchmark's preview fps is per this time)
    private ScreenModel shown;
    private final FlashPlayer flash = new FlashPlayer(preview::setFlash);
    private long lastClockSecond = -1;
    private ScreenModel.Cue shownCue;
    private boolean cardOverride; // a card the kiosk itself shows (PIN result), not the session's
    private final AnimationTimer timer;

    /** Receives the pulse time at which a challenge step reached the screen. */
    @FunctionalInterface
    public interface PaintReporter {
        void colourShown(int step, long pulseNanos);
    }

    public KioskScreen() {
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskScreen.class.getResource("kiosk.css").toExternalForm());
        // type scales with the screen height: 16 px at 720, 17 at 768, 24 at 1080
        root.heightProperty().addListener((o, a, h) -> {
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Math.max(12, h.doubleValue() / 45)));
            UI_SCALE.set(Math.max(12, h.doubleValue() / 45) / 16);
        });

        buildHud();
        buildIdle();
        buildMessage();
        cardLayer.setPickOnBounds(false);
        cardLayer.getStyleClass().add("card-backdrop"); // the live picture recedes behind a card
        overlayLayer.setPickOnBounds(false);
        testBadge.getStyleClass().add("test-badge");
        testBadge.setAlignment(Pos.CENTER);
        testBadge.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label tb = new Label("TEST SOURCE");
        testBadge.getChildren().addAll(Icons.badge(Icons.Kind.CAMERA, 22, INK, null), tb);
        testBadge.setVisible(false);
        testBadge.setCache(true);
        testBadge.setMouseTransparent(true);
        StackPane.setAlignment(testBadge, Pos.TOP_CENTER);
        StackPane.setMargin(testBadge, new Insets(14));
        fpsLabel.getStyleClass().add("fps");
        fpsLabel.setVisible(false);
        StackPane.setAlignment(fpsLabel, Pos.BOTTOM_LEFT);

        root.getChildren().addAll(preview, hud, idle, cardLayer, overlayLayer, message, testBadge, fpsLabel);
        preview.setVisible(false);
        hud.setVisible(false);
        showMessage("ClockFace", "Starting…", true, null, null);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    private void buildHud() {
        hud.getStyleClass().add("hud");
        hud.setPickOnBounds(false);
        HBox top = new HBox(hudSite, spacer(), hudClock);
        top.getStyleClass().add("hud-top");
        top.setAlignment(Pos.CENTER_LEFT);
        hudSite.getStyleClass().add("hud-site");
        hudClock.getStyleClass().add("hud-clock");
        hud.setTop(top);

        guidance.getStyleClass().add("guidance");
        guidance.setWrapText(true);
        guidanceIcon.minWidthProperty().bind(scaled(56));
        guidanceIcon.minHeightProperty().bind(scaled(56));
        HBox bar = new HBox(18, guidanceIcon, guidance);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("guidance-bar");
        bar.setMaxWidth(Region.USE_PREF_SIZE);
        // the HUD sits over the live preview and is redrawn with every frame: cached bitmaps are only blended
        top.setCache(true);
        bar.setCache(true);
        Button pin = new Button("Use PIN");
        pin.getStyleClass().addAll("ghost-button");
        pin.setGraphic(Icons.badge(Icons.Kind.KEYPAD, 26, Color.WHITE, null));
        pin.setOnAction(e -> { if (actions != null) actions.pinRequested(); });
        pin.setFocusTraversable(false);
        pin.setId("hud-pin");
        pin.setCache(true);
        BorderPane bottom = new BorderPane();
        bottom.setCenter(bar);
        bottom.setRight(pin);
        BorderPane.setAlignment(pin, Pos.BOTTOM_RIGHT);
        bottom.getStyleClass().add("hud-bottom");
        hud.setBottom(bottom);
    }

    private void buildIdle() {
        idle.getStyleClass().add("idle");
        idle.setAlignment(Pos.CENTER);
        idleSite.getStyleClass().add("idle-site");
        idleClock.getStyleClass().add("idle-clock");
        idleClock.setId("idle-clock");
        idleDate.getStyleClass().add("idle-date");
        Label step = new Label("Step up to clock in");
        step.getStyleClass().add("idle-call");
        step.setId("idle-call");
        HBox call = new HBox(18, Icons.badge(Icons.Kind.FACE, 54, INK, OK), step);
        call.setAlignment(Pos.CENTER);
        call.getStyleClass().add("idle-call-box");
        call.setMaxWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("Look at the camera above the screen. No card needed.");
        hint.getStyleClass().add("idle-hint");

        Button pin = new Button("Clock in with PIN");
        pin.setId("idle-pin");
        pin.getStyleClass().add("secondary-button");
        pin.setGraphic(Icons.badge(Icons.Kind.KEYPAD, 26, Color.WHITE, null));
        pin.setOnAction(e -> { if (actions != null) actions.pinRequested(); });
        Button admin = new Button("Admin");
        admin.setId("idle-admin");
        admin.getStyleClass().add("quiet-button");
        admin.setGraphic(Icons.badge(Icons.Kind.GEAR, 22, Color.rgb(148, 163, 184), null));
        admin.setOnAction(e -> { if (actions != null) actions.adminRequested(); });
        HBox buttons = new HBox(24, pin, admin);
        buttons.setAlignment(Pos.CENTER);

        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        idle.getChildren().addAll(idleSite, top, idleClock, idleDate, gap(40), call, gap(14), hint, bottom, buttons);
    }

    private void buildMessage() {
        message.getStyleClass().add("message");
        message.setAlignment(Pos.CENTER);
        message.setSpacing(22);
        messageTitle.getStyleClass().add("message-title");
        messageTitle.setId("message-title");
        messageBody.getStyleClass().add("message-body");
        messageBody.setId("message-body");
        messageBody.setWrapText(true);
        messageBody.maxWidthProperty().bind(scaled(900));
        messageSpinner.prefWidthProperty().bind(scaled(64));
        messageSpinner.prefHeightProperty().bind(scaled(64));
        messageButton.getStyleClass().add("primary-button");
        message.getChildren().addAll(messageTitle, messageBody, messageSpinner, messageButton);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Region gap(double h) {
        Region r = new Region();
        r.setMinHeight(h);
        return r;
    }

    // ---- wiring ------------------------------------------------------------------------------------

    public StackPane root() { return root; }

    /** Connects the screen to the camera slot and the analysis output, and starts the render loop. */
    public void attach(Supplier<Frame> newestFrame, Supplier<ScreenModel> newestModel, PaintReporter reporter, Actions a) {
        this.frames = newestFrame;
        this.models = newestModel;
        this.paintReporter = reporter;
        this.actions = a;
        hideMessage();
        timer.start();
    }

    public void stop() { timer.stop(); }

    public void setSite(String site) {
        String s = site == null || site.isBlank() ? "" : site;
        idleSite.setText(s);
        hudSite.setText(s);
    }

    public void setZone(ZoneId z) { zone = z; }

    public void setTestSource(boolean test) { testBadge.setVisible(test); }

    public void setShowFps(boolean show) { fpsLabel.setVisible(show); }

    public FpsMeter previewMeter() { return previewMeter; }

    /** Nanoseconds the live preview was visible so far (benchmark: frames painted per second of preview). */
    public long livePreviewNanos() { return livePreviewNanos; }

    /** Render-loop pulses (the refresh the flash colours are quantised to). */
    public FpsMeter pulseMeter() { return pulseMeter; }

    // ---- full-screen messages ------------------------------------------------------------------------

    /** A full-screen message (loading, a problem to fix); {@code button} may be null. */
    public void showMessage(String title, String body, boolean spinner, String button, Runnable onButton) {
        messageTitle.setText(title);
        messageBody.setText(body == null ? "" : body);
        messageSpinner.setVisible(spinner);
        messageSpinner.setManaged(spinner);
        messageButton.setVisible(button != null);
        messageButton.setManaged(button != null);
        if (button != null) {
            messageButton.setText(button);
            messageButton.setOnAction(e -> onButton.run());
        }
        message.setVisible(true);
    }

    public void hideMessage() { message.setVisible(false); }

    public boolean messageVisible() { return message.isVisible(); }

    // ---- overlays the app opens (PIN pad, admin) -------------------------------------------------------

    public void showOverlay(Node n) {
        overlayLayer.getChildren().setAll(n);
    }

    public void closeOverlay() { overlayLayer.getChildren().clear(); }

    public boolean overlayOpen() { return !overlayLayer.getChildren().isEmpty(); }

    /** A card the kiosk shows by itself (PIN punch), over whatever the session shows, for {@code seconds}. */
    public void showOwnCard(ScreenModel.ResultCard card, double seconds) {
        cardOverride = true;
        chime(card);
        idle.setVisible(false);
        hud.setVisible(false);
        cardLayer.getChildren().setAll(ResultCards.build(card, actions));
        cardLayer.setVisible(true);
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
        p.setOnFinished(e -> {
            cardOverride = false;
            cardLayer.getChildren().clear();
            cardLayer.setVisible(false);
            shown = null; // redraw from the session's model
        });
        p.play();
    }

    // ---- the render loop -----------------------------------------------------------------------------

    private void pulse(long now) {
        pulseMeter.tick();
        if (lastPulseNanos != 0 && preview.isVisible()) livePreviewNanos += now - lastPulseNanos;
        lastPulseNanos = now;
        updateClock();
        ScreenModel m = models.get();
        if (m != shown) {
            render(m);
            shown = m;
        }
        Frame f = frames.get();
        if (f != null && f != lastFrame && preview.isVisible()) {
            preview.showFrame(f.image());
            previewMeter.tick();
        }
        lastFrame = f;
        flash.pulse(m, now, paintReporter);
        preview.flush(); // one composition per pulse, with this pulse's frame and colour
    }

    private static void chime(ScreenModel.ResultCard c) {
        if (c.success() || c.kind() == ScreenModel.ResultCard.Kind.ALREADY) Sounds.success();
        else Sounds.failure();
    }

    /** The challenge colour on screen now (tests, screenshots), or null. */
    public FlashColour flashShown() { return preview.flash(); }

    /** The card on screen now (tests), or null. */
    public ScreenModel.ResultCard cardShown() {
        return cardLayer.isVisible() && !cardLayer.getChildren().isEmpty() ? (ScreenModel.ResultCard) cardLayer.getChildren().get(0).getUserData() : null;
    }

    private void updateClock() {
        long sec = System.currentTimeMillis() / 1000;
        if (sec == lastClockSecond) return;
        lastClockSecond = sec;
        ZonedDateTime t = ZonedDateTime.now(zone);
        String hm = CLOCK.format(t);
        idleClock.setText(hm);
        hudClock.setText(hm);
        idleDate.setText(DATE.format(t));
    }


    private void render(ScreenModel m) {
        boolean live = m.phase() == ScreenModel.Phase.ALIGNING || m.phase() == ScreenModel.Phase.FLASHING
                || m.phase() == ScreenModel.Phase.ANALYSING;
        idle.setVisible(m.phase() == ScreenModel.Phase.IDLE && !cardOverride);
        preview.setVisible(live || m.phase() == ScreenModel.Phase.RESULT);
        hud.setVisible(live);
        if (!cardOverride) {
            if (m.phase() == ScreenModel.Phase.RESULT && m.card() != null) {
                if (shown == null || shown.card() != m.card()) chime(m.card());
                cardLayer.getChildren().setAll(ResultCards.build(m.card(), actions));
                cardLayer.setVisible(true);
            } else {
                cardLayer.getChildren().clear();
                cardLayer.setVisible(false);
            }
        }
        if (live) {
            guidance.setText(m.sentence());
            if (m.cue() != shownCue) { // a new icon only when the cue changes: new nodes would re-cache the bar
                guidanceIcon.getChildren().setAll(cueIcon(m.cue()));
                shownCue = m.cue();
            }
            preview.follow(m);
        }
    }

    private static Node cueIcon(ScreenModel.Cue cue) {
        return switch (cue) {
            case OK -> Icons.badge(Icons.Kind.CHECK, 52, INK, OK);
            case ADJUST -> Icons.badge(Icons.Kind.WARNING, 52, INK, WARN);
            case WAIT -> Icons.badge(Icons.Kind.HOURGLASS, 52, INK, Color.rgb(147, 197, 253));
            case NONE -> Icons.badge(Icons.Kind.FACE, 52, INK, Color.rgb(226, 232, 240));
        };
    }

    /** Text of the guidance sentence shown now (tests). */
    public String guidanceText() { return guidance.getText(); }

    /** The model the screen last rendered (tests). */
    public ScreenModel shownModel() { return shown; }

    /** Updates the small fps read-out (when enabled). */
    public void setFpsText(String s) { fpsLabel.setText(s); }

    static ImageView photo(com.clockface.vision.BgrImage img, double height) {
        ImageView v = new ImageView(PreviewImage.still(img));
        v.setPreserveRatio(true);
        v.fitHeightProperty().bind(scaled(height));
        v.setSmooth(true);
        return v;
    }
}
