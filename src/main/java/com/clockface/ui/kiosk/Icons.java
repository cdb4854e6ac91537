package com.clockface.ui.kiosk;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;

/**
 * Simple vector icons drawn as shapes (no font glyphs: kiosk machines often lack symbol fonts). Each
 * meaning has its own shape, so a colour-blind worker reads the icon, not its colour.
 */
final class Icons {
    private Icons() {}

    enum Kind { CHECK, CROSS, WARNING, HOURGLASS, LOCK, FACE, KEYPAD, CAMERA, GEAR, ARROW_IN, ARROW_OUT }

    private static String path(Kind k) {
        return switch (k) {
            case CHECK -> "M6 13 L10.5 17.5 L19 8";
            case CROSS -> "M7 7 L17 17 M17 7 L7 17";
            case WARNING -> "M12 6 L12 13.5 M12 17 L12 17.6";
            case HOURGLASS -> "M8 6 L16 6 L12 12 L16 18 L8 18 L12 12 Z";
            case LOCK -> "M8 11 L8 8.5 A4 4 0 0 1 16 8.5 L16 11 M7 11 L17 11 L17 18 L7 18 Z";
            case FACE -> "M12 5 A5.5 6.5 0 1 1 11.99 5 Z M9.5 10.5 L9.5 11 M14.5 10.5 L14.5 11 M9.5 14.5 Q12 16.5 14.5 14.5";
            case KEYPAD -> "M7 7 L7.1 7 M12 7 L12.1 7 M17 7 L17.1 7 M7 12 L7.1 12 M12 12 L12.1 12 M17 12 L17.1 12 M7 17 L7.1 17 M12 17 L12.1 17 M17 17 L17.1 17";
            case CAMERA -> "M5 8.5 L8.5 8.5 L10 6.5 L14 6.5 L15.5 8.5 L19 8.5 L19 17 L5 17 Z M12 10 A2.6 2.6 0 1 1 11.99 10 Z";
            case GEAR -> "M12 9 A3 3 0 1 1 11.99 9 Z M12 4.5 L12 7 M12 17 L12 19.5 M4.5 12 L7 12 M17 12 L19.5 12 M6.7 6.7 L8.5 8.5 M15.5 15.5 L17.3 17.3 M6.7 17.3 L8.5 15.5 M15.5 8.5 L17.3 6.7";
            case ARROW_IN -> "M5 12 L15 12 M11 8 L15 12 L11 16 M17 5 L19 5 L19 19 L17 19";
            case ARROW_OUT -> "M9 12 L19 12 M15 8 L19 12 L15 16 M7 5 L5 5 L5 19 L7 19";
        };
    }

    /**
     * An icon in a filled circle badge.
     *
     * @param size   diameter in pixels on a 720-line screen (scaled with {@link KioskScreen#UI_SCALE})
     * @param fg     stroke colour of the symbol
     * @param badge  circle fill, or null for no badge
     */
    static Node badge(Kind kind, double size, Color fg, Color badge) {
        SVGPath p = new SVGPath();
        p.setContent(path(kind));
        p.setFill(kind == Kind.HOURGLASS ? fg : Color.TRANSPARENT);
        p.setStroke(fg);
        p.setStrokeWidth(kind == Kind.KEYPAD ? 3.2 : 2.2);
        p.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        p.setStrokeLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        var px = KioskScreen.scaled(size);
        var scale = px.divide(24.0).multiply(badge == null ? 1.0 : 0.8);
        p.scaleXProperty().bind(scale);
        p.scaleYProperty().bind(scale);
        StackPane sp = new StackPane();
        sp.minWidthProperty().bind(px);
        sp.minHeightProperty().bind(px);
        sp.prefWidthProperty().bind(px);
        sp.prefHeightProperty().bind(px);
        sp.maxWidthProperty().bind(px);
        sp.maxHeightProperty().bind(px);
        if (badge != null) {
            Circle c = new Circle(size / 2, badge);
            c.radiusProperty().bind(px.divide(2));
            sp.getChildren().add(c);
        }
        sp.getChildren().add(p);
        sp.getStyleClass().add("icon");
        return sp;
    }
}
