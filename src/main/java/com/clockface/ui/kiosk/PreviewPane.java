package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.FlashColour;
import com.clockface.vision.BgrImage;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;

/**
 * The live preview with the face oval: the mirrored camera picture fitted into the pane and darkened around the
 * oval, the oval ring and a progress arc; and the flash layer (the challenge colour over the whole pane around
 * the oval, slightly translucent inside it so the worker still sees themself). The picture, the darkening and
 * the flash are composed into one unscaled image by {@link PreviewImage}; the bars beside a 4:3 picture are the
 * pane's background (dark, or the flash colour). FX thread only. The admin screens' live enrolment shows the same pane.
 */
public final class PreviewPane extends Pane {
    static final Color RING_NEUTRAL = Color.rgb(235, 240, 248);
    static final Color RING_OK = Color.rgb(52, 211, 153);
    static final Color RING_ADJUST = Color.rgb(251, 191, 36);
    private static final Background DARK = new Background(new BackgroundFill(
            Color.rgb(PreviewImage.MASK_R + 2, PreviewImage.MASK_G + 4, PreviewImage.MASK_B + 7), null, null));

    private final PreviewImage picture = new PreviewImage();
    private final ImageView imageView = new ImageView();
    private final Ellipse ring = new Ellipse();
    private final Arc progressArc = new Arc();

    private BgrImage frame;
    private ScreenModel.OvalBox oval;
    private int ovalFrameWidth;
    private FlashColour flash;
    private boolean dirty;
    // geometry from the last layout: picture size and place, and the oval in picture pixels
    private int geomFrameW, geomFrameH, picW, picH;
    private double ovalCx, ovalCy, ovalRx, ovalRy;

    public PreviewPane() {
        getStyleClass().add("preview");
        setBackground(DARK);
        imageView.setSmooth(false);
        ring.setFill(Color.TRANSPARENT);
        ring.setStrokeWidth(6);
        ring.setStroke(RING_NEUTRAL);
        progressArc.setType(ArcType.OPEN);
        progressArc.setFill(Color.TRANSPARENT);
        progressArc.setStroke(RING_OK);
        progressArc.setStrokeWidth(10);
        progressArc.setStrokeLineCap(StrokeLineCap.ROUND);
        progressArc.setStartAngle(90);
        // redrawn over every camera frame: as cached bitmaps they are blended, and rasterised again only when they
        // change (a colour, the progress); rasterising them each frame cost more than the picture in the SW pipeline
        for (Shape sh : new Shape[] {ring, progressArc}) {
            sh.setCache(true);
            sh.setMouseTransparent(true);
        }
        getChildren().addAll(imageView, ring, progressArc);
    }

    /** Shows a new camera frame at the next {@link #flush()}; FX thread. */
    public void showFrame(BgrImage f) {
        frame = f;
        dirty = true;
    }

    /** Composes the picture once per pulse if the frame or the flash changed (or leaves it to the layout pass). */
    public void flush() {
        if (!dirty || frame == null) return;
        if (frame.width() != geomFrameW || frame.height() != geomFrameH) requestLayout(); // the layout composes it
        else paint();
    }

    public boolean hasFrame() { return picture.image() != null; }

    public void setOval(ScreenModel.OvalBox o, int frameWidth) {
        if (o == null || o.equals(oval) && frameWidth == ovalFrameWidth) return;
        oval = o;
        ovalFrameWidth = frameWidth;
        geomFrameW = -1; // recompute the geometry at the next layout
        requestLayout();
    }

    /** The oval and the ring of a screen model: its cue colours the ring (green OK/wait, amber adjust, white none). */
    public void follow(ScreenModel m) {
        setOval(m.oval(), m.frameWidth());
        Color ring = switch (m.cue()) {
            case OK, WAIT -> RING_OK;
            case ADJUST -> RING_ADJUST;
            case NONE -> RING_NEUTRAL;
        };
        setRing(ring, m.progress());
    }

    public void setRing(Color c, double progress) {
        ring.setStroke(c);
        progressArc.setLength(-360 * Math.max(0, Math.min(1, progress)));
        progressArc.setVisible(flash == null && progress > 0.001);
    }

    /** Paints a challenge colour, or clears it with null, at the next {@link #flush()} (this pulse). */
    public void setFlash(FlashColour c) {
        if (java.util.Objects.equals(c, flash)) return;
        flash = c;
        boolean on = c != null;
        setBackground(on ? new Background(new BackgroundFill(Color.rgb(c.r(), c.g(), c.b()), null, null)) : DARK);
        ring.setVisible(!on);
        progressArc.setVisible(!on && progressArc.getLength() != 0);
        dirty = true;
    }

    public FlashColour flash() { return flash; }

    /** The composed preview picture (tests). */
    PreviewImage picture() { return picture; }

    private void paint() {
        if (frame == null || picW <= 0 || picH <= 0) return;
        if (picture.compose(frame, picW, picH, ovalCx, ovalCy, ovalRx, ovalRy, flash)) imageView.setImage(picture.image());
        dirty = false;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (frame == null || w <= 0 || h <= 0) return;
        int iw = frame.width(), ih = frame.height();
        double s = Math.min(w / iw, h / ih);
        int pw = (int) Math.round(iw * s), ph = (int) Math.round(ih * s);
        // whole pixels: the picture is drawn unscaled, so it must sit on the pixel grid
        int ox = (int) Math.round((w - pw) / 2), oy = (int) Math.round((h - ph) / 2);
        imageView.relocate(ox, oy);
        ScreenModel.OvalBox o = oval != null ? oval
                : new ScreenModel.OvalBox(iw / 2.0, ih * 0.48, ih * 0.31 * 0.75, ih * 0.31);
        // the preview is mirrored, so is the oval's x; scale the oval from the frame it was computed on
        double fs = ovalFrameWidth > 0 ? (double) iw / ovalFrameWidth : 1.0;
        double cx = (iw - o.centerX() * fs) * s, cy = o.centerY() * fs * s;
        double rx = o.radiusX() * fs * s, ry = o.radiusY() * fs * s;
        boolean changed = iw != geomFrameW || ih != geomFrameH || pw != picW || ph != picH
                || cx != ovalCx || cy != ovalCy || rx != ovalRx || ry != ovalRy;
        geomFrameW = iw;
        geomFrameH = ih;
        picW = pw;
        picH = ph;
        ovalCx = cx;
        ovalCy = cy;
        ovalRx = rx;
        ovalRy = ry;
        ring.setCenterX(ox + cx);
        ring.setCenterY(oy + cy);
        ring.setRadiusX(rx);
        ring.setRadiusY(ry);
        progressArc.setCenterX(ox + cx);
        progressArc.setCenterY(oy + cy);
        progressArc.setRadiusX(rx + 14);
        progressArc.setRadiusY(ry + 14);
        if (changed) paint();
    }

    /** Centre and radii of the oval on screen (for tests and the card layout). */
    double[] ovalOnScreen() {
        return new double[] {ring.getCenterX(), ring.getCenterY(), ring.getRadiusX(), ring.getRadiusY()};
    }
}
