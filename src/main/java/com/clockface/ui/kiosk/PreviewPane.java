package com.clockface.ui.kiosk;

import com.clockface.liveness.flash.FlashColour;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;

/**
 * The live preview with the face oval: the mirrored camera image fitted into the pane, a dark mask
 * around the oval, the oval ring and a progress arc; and the flash layer (the challenge colour over the
 * whole pane around the oval, slightly translucent inside it so the worker still sees themself).
 * FX thread only. The admin screens' live enrolment shows the same pane.
 */
public final class PreviewPane extends Pane {
    static final Color MASK = Color.rgb(6, 10, 18, 0.78);
    public static final Color RING_NEUTRAL = Color.rgb(235, 240, 248);
    public static final Color RING_OK = Color.rgb(52, 211, 153);
    public static final Color RING_ADJUST = Color.rgb(251, 191, 36);
    private static final double FLASH_INSIDE_OPACITY = 0.30;

    private final PreviewImage preview = new PreviewImage();
    private final ImageView imageView = new ImageView();
    private Shape mask = new Rectangle();
    private Shape flashOutside = new Rectangle();
    private final Ellipse flashInside = new Ellipse();
    private final Ellipse ring = new Ellipse();
    private final Arc progressArc = new Arc();

    private ScreenModel.OvalBox oval;
    private int ovalFrameWidth;
    private FlashColour flash;
    private double lastW = -1, lastH = -1, lastScale, lastOx, lastOy;
    private ScreenModel.OvalBox lastOval;

    public PreviewPane() {
        getStyleClass().add("preview");
        imageView.setSmooth(false); // nearest-neighbour: bilinear scaling in the software pipeline costs more than the whole rest of the frame
        imageView.setPreserveRatio(false);
        ring.setFill(Color.TRANSPARENT);
        ring.setStrokeWidth(6);
        ring.setStroke(RING_NEUTRAL);
        progressArc.setType(ArcType.OPEN);
        progressArc.setFill(Color.TRANSPARENT);
        progressArc.setStroke(RING_OK);
        progressArc.setStrokeWidth(10);
        progressArc.setStrokeLineCap(StrokeLineCap.ROUND);
        progressArc.setStartAngle(90);
        flashInside.setVisible(false);
        getChildren().addAll(imageView, mask, flashOutside, flashInside, ring, progressArc);
        flashOutside.setVisible(false);
    }

    /** Shows a new camera frame; FX thread. */
    public void showFrame(com.clockface.vision.BgrImage frame) {
        if (preview.show(frame)) {
            imageView.setImage(preview.image());
            requestLayout();
        }
    }

    public boolean hasFrame() { return preview.image() != null; }

    public void setOval(ScreenModel.OvalBox o, int frameWidth) {
        if (o == null || o.equals(oval) && frameWidth == ovalFrameWidth) return;
        oval = o;
        ovalFrameWidth = frameWidth;
        requestLayout();
    }

    public void setRing(Color c, double progress) {
        ring.setStroke(c);
        progressArc.setLength(-360 * Math.max(0, Math.min(1, progress)));
        progressArc.setVisible(progress > 0.001);
    }

    /** Paints a challenge colour, or clears it with null. */
    public void setFlash(FlashColour c) {
        flash = c;
        boolean on = c != null;
        flashOutside.setVisible(on);
        flashInside.setVisible(on);
        ring.setVisible(!on);
        progressArc.setVisible(!on && progressArc.getLength() != 0);
        if (on) {
            flashOutside.setFill(Color.rgb(c.r(), c.g(), c.b()));
            flashInside.setFill(Color.rgb(c.r(), c.g(), c.b(), FLASH_INSIDE_OPACITY));
        }
    }

    public FlashColour flash() { return flash; }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        int iw = preview.width(), ih = preview.height();
        if (iw == 0 || w <= 0 || h <= 0) return;
        double s = Math.min(w / iw, h / ih);
        double dw = iw * s, dh = ih * s;
        double ox = (w - dw) / 2, oy = (h - dh) / 2;
        imageView.setFitWidth(dw);
        imageView.setFitHeight(dh);
        imageView.relocate(ox, oy);
        ScreenModel.OvalBox o = oval != null ? oval
                : new ScreenModel.OvalBox(iw / 2.0, ih * 0.48, ih * 0.31 * 0.75, ih * 0.31);
        if (w == lastW && h == lastH && s == lastScale && ox == lastOx && oy == lastOy && o.equals(lastOval)) return;
        lastW = w; lastH = h; lastScale = s; lastOx = ox; lastOy = oy; lastOval = o;
        // the preview is mirrored, so is the oval's x; scale the oval from the frame it was computed on
        double fs = ovalFrameWidth > 0 ? (double) iw / ovalFrameWidth : 1.0;
        double cx = ox + (iw - o.centerX() * fs) * s;
        double cy = oy + o.centerY() * fs * s;
        double rx = o.radiusX() * fs * s, ry = o.radiusY() * fs * s;
        for (Ellipse e : new Ellipse[] {ring, flashInside}) {
            e.setCenterX(cx);
            e.setCenterY(cy);
            e.setRadiusX(rx);
            e.setRadiusY(ry);
        }
        progressArc.setCenterX(cx);
        progressArc.setCenterY(cy);
        progressArc.setRadiusX(rx + 14);
        progressArc.setRadiusY(ry + 14);
        Shape newMask = Shape.subtract(new Rectangle(0, 0, w, h), new Ellipse(cx, cy, rx, ry));
        newMask.setFill(MASK);
        Shape newFlash = Shape.subtract(new Rectangle(0, 0, w, h), new Ellipse(cx, cy, rx, ry));
        newFlash.setFill(flashOutside.getFill());
        newFlash.setVisible(flashOutside.isVisible());
        getChildren().set(getChildren().indexOf(mask), newMask);
        getChildren().set(getChildren().indexOf(flashOutside), newFlash);
        mask = newMask;
        flashOutside = newFlash;
        mask.setMouseTransparent(true);
        mask.setCache(true); // a cached bitmap is blended, not re-rasterised, when the preview under it changes
        flashOutside.setMouseTransparent(true);
    }

    /** Centre and radii of the oval on screen (for tests and the card layout). */
    double[] ovalOnScreen() {
        return new double[] {ring.getCenterX(), ring.getCenterY(), ring.getRadiusX(), ring.getRadiusY()};
    }
}
