package com.clockface.ui.kiosk;

import com.clockface.ui.kiosk.ScreenModel.ResultCard;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The result card (photo, name, IN/OUT, time, hours today) and the failure cards. Each kind has its own
 * icon and headline word, so the card reads without its colour.
 */
final class ResultCards {
    private ResultCards() {}

    static Node build(ResultCard c, KioskScreen.Actions actions) {
        Icons.Kind icon;
        Color accent;
        String style;
        switch (c.kind()) {
            case CLOCKED_IN -> { icon = Icons.Kind.ARROW_IN; accent = KioskScreen.OK; style = "card-ok"; }
            case CLOCKED_OUT -> { icon = Icons.Kind.ARROW_OUT; accent = KioskScreen.OK; style = "card-ok"; }
            case PENDING -> { icon = Icons.Kind.HOURGLASS; accent = Color.rgb(147, 197, 253); style = "card-info"; }
            case ALREADY -> { icon = Icons.Kind.CHECK; accent = Color.rgb(147, 197, 253); style = "card-info"; }
            case LOCKED -> { icon = Icons.Kind.LOCK; accent = KioskScreen.BAD; style = "card-bad"; }
            case LIVENESS_FAILED, ERROR -> { icon = Icons.Kind.CROSS; accent = KioskScreen.BAD; style = "card-bad"; }
            default -> { icon = Icons.Kind.WARNING; accent = KioskScreen.WARN; style = "card-warn"; }
        }
        VBox card = new VBox(14);
        card.getStyleClass().addAll("card", style);
        card.setId("result-card");
        card.setUserData(c);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setCache(true); // over the live preview: its drop shadow is not recomputed with every camera frame

        Label title = new Label(c.title());
        title.getStyleClass().add("card-title");
        title.setId("card-title");
        title.setWrapText(true);
        HBox head = new HBox(20, Icons.badge(icon, 72, KioskScreen.INK, accent), title);
        head.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().add(head);

        if (c.success() || c.kind() == ResultCard.Kind.ALREADY) {
            VBox facts = new VBox(6);
            facts.setAlignment(Pos.CENTER_LEFT);
            if (c.name() != null) {
                Label name = new Label(c.name());
                name.getStyleClass().add("card-name");
                name.setId("card-name");
                facts.getChildren().add(name);
            }
            if (c.punchLabel() != null) {
                Label punch = new Label(c.punchLabel() + (c.time() != null ? "  " + c.time() : ""));
                punch.getStyleClass().add("card-punch");
                punch.setId("card-punch");
                facts.getChildren().add(punch);
            }
            if (c.hoursToday() != null) {
                Label hours = new Label(c.hoursToday());
                hours.getStyleClass().add("card-detail");
                facts.getChildren().add(hours);
            }
            if (c.detail() != null) {
                Label d = new Label(c.detail());
                d.getStyleClass().add("card-detail");
                d.setWrapText(true);
                d.maxWidthProperty().bind(KioskScreen.scaled(640));
                facts.getChildren().add(d);
            }
            HBox body = new HBox(28);
            body.setAlignment(Pos.CENTER_LEFT);
            if (c.photo() != null) {
                Node photo = KioskScreen.photo(c.photo(), 220);
                photo.getStyleClass().add("card-photo");
                body.getChildren().add(photo);
            }
            body.getChildren().add(facts);
            card.getChildren().add(body);
        } else {
            Label d = new Label(c.detail());
            d.getStyleClass().add("card-detail");
            d.setId("card-detail");
            d.setWrapText(true);
            d.maxWidthProperty().bind(KioskScreen.scaled(720));
            card.getChildren().add(d);
            if (actions != null && (c.kind() == ResultCard.Kind.NOT_RECOGNISED || c.kind() == ResultCard.Kind.LIVENESS_FAILED
                    || c.kind() == ResultCard.Kind.ERROR)) {
                Button again = new Button("Try again");
                again.getStyleClass().add("primary-button");
                again.setId("card-retry");
                again.setOnAction(e -> actions.retry());
                Button pin = new Button("Use PIN");
                pin.getStyleClass().add("secondary-button");
                pin.setId("card-pin");
                pin.setGraphic(Icons.badge(Icons.Kind.KEYPAD, 26, Color.WHITE, null));
                pin.setOnAction(e -> actions.pinRequested());
                HBox buttons = new HBox(18, again, pin);
                card.getChildren().add(buttons);
            }
        }
        return card;
    }
}
