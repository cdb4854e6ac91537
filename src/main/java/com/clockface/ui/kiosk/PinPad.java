package com.clockface.ui.kiosk;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An on-screen numeric keypad with one or more fields (employee number, PIN, confirm PIN). Touch or the
 * keyboard's digits, Backspace and Enter. Masked fields show dots. FX thread only.
 */
final class PinPad extends StackPane {
    record Field(String label, boolean masked, int maxDigits) { }

    private final List<Field> fields;
    private final List<StringBuilder> values = new ArrayList<>();
    private final List<Label> boxes = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Label error = new Label();
    private final Button ok = new Button("OK");
    private int active;
    private boolean busy;

    /**
     * @param onSubmit gets the entered values (digits) in field order; it must call {@link #done}, {@link #fail}
     *                 or close the pad
     */
    PinPad(String title, String subtitle, List<Field> fields, Consumer<List<char[]>> onSubmit, Runnable onCancel) {
        this.fields = fields;
        getStyleClass().add("pin-backdrop");
        setId("pin-pad");
        VBox panel = new VBox();
        panel.getStyleClass().add("pin-panel");
        panel.setAlignment(Pos.CENTER);
        panel.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label t = new Label(title);
        t.getStyleClass().add("pin-title");
        HBox head = new HBox(16, Icons.badge(Icons.Kind.KEYPAD, 48, KioskScreen.INK, Color.rgb(226, 232, 240)), t);
        head.setAlignment(Pos.CENTER);
        panel.getChildren().add(head);
        if (subtitle != null) {
            Label s = new Label(subtitle);
            s.getStyleClass().add("pin-field-label");
            s.setWrapText(true);
            s.maxWidthProperty().bind(KioskScreen.scaled(720));
            s.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            s.setAlignment(Pos.CENTER);
            panel.getChildren().add(s);
        }
        // landscape screens (1280x720, 1366x768): the fields on the left, the keypad beside them, so the pad
        // fits the height with room to spare
        VBox left = new VBox(14);
        left.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < fields.size(); i++) {
            values.add(new StringBuilder());
            Label l = new Label(fields.get(i).label());
            l.getStyleClass().add("pin-field-label");
            labels.add(l);
            Label box = new Label(" ");
            box.getStyleClass().add("pin-field");
            box.setId("pin-field-" + i);
            int idx = i;
            box.setOnMouseClicked(e -> select(idx));
            boxes.add(box);
            left.getChildren().add(new VBox(6, l, box));
        }
        error.getStyleClass().add("pin-error");
        error.setId("pin-error");
        error.setWrapText(true);
        error.maxWidthProperty().bind(KioskScreen.scaled(420));
        error.setMinHeight(Region.USE_PREF_SIZE);
        left.getChildren().add(error);

        GridPane keys = new GridPane();
        keys.setHgap(12);
        keys.setVgap(12);
        keys.setAlignment(Pos.CENTER);
        String[] labels = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "Del"};
        for (int i = 0; i < labels.length; i++) {
            Button b = new Button(labels[i]);
            b.getStyleClass().add("pin-key");
            b.setId("key-" + labels[i].toLowerCase());
            b.setFocusTraversable(false);
            String k = labels[i];
            b.setOnAction(e -> press(k));
            if (k.length() > 1) b.getStyleClass().add("pin-key-word");
            keys.add(b, i % 3, i / 3);
        }
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("secondary-button");
        cancel.setId("pin-cancel");
        cancel.setOnAction(e -> onCancel.run());
        ok.getStyleClass().add("primary-button");
        ok.setId("pin-ok");
        ok.setDefaultButton(false);
        ok.setOnAction(e -> submit(onSubmit));
        HBox actions = new HBox(18, cancel, ok);
        actions.setAlignment(Pos.CENTER_LEFT);
        left.getChildren().add(actions);
        HBox body = new HBox(40, left, keys);
        body.setAlignment(Pos.CENTER);
        panel.getChildren().add(body);
        getChildren().add(panel);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isDigitKey()) press(e.getText().isEmpty() ? e.getCode().getName().replaceAll("\\D", "") : e.getText());
            else if (e.getCode() == KeyCode.BACK_SPACE) press("Del");
            else if (e.getCode() == KeyCode.ENTER) submit(onSubmit);
            else if (e.getCode() == KeyCode.ESCAPE) onCancel.run();
            else if (e.getCode() == KeyCode.TAB) select((active + 1) % fields.size());
            else return;
            e.consume();
        });
        setFocusTraversable(true);
        select(0);
        refresh();
    }

    private void select(int i) {
        active = i;
        for (int j = 0; j < boxes.size(); j++) {
            boxes.get(j).getStyleClass().remove("pin-field-active");
            labels.get(j).getStyleClass().remove("pin-field-label-active");
            // not by colour alone: the field being typed into also has a marker and a bright bold label
            labels.get(j).setText((j == i ? "\u25B6 " : "") + fields.get(j).label());
            if (j == i) {
                boxes.get(j).getStyleClass().add("pin-field-active");
                labels.get(j).getStyleClass().add("pin-field-label-active");
            }
        }
    }

    /** The field digits go into now (tests). */
    int activeField() { return active; }

    void press(String k) {
        if (busy) return;
        StringBuilder v = values.get(active);
        switch (k) {
            case "Clear" -> v.setLength(0);
            case "Del" -> { if (v.length() > 0) v.setLength(v.length() - 1); }
            default -> {
                if (!k.matches("\\d")) return;
                if (v.length() < fields.get(active).maxDigits()) v.append(k);
            }
        }
        error.setText("");
        refresh();
    }

    private void refresh() {
        for (int i = 0; i < boxes.size(); i++) {
            StringBuilder v = values.get(i);
            boxes.get(i).setText(v.length() == 0 ? " " : fields.get(i).masked() ? "\u25CF".repeat(v.length()) : v.toString());
        }
    }

    private void submit(Consumer<List<char[]>> onSubmit) {
        if (busy) return;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length() == 0) {
                select(i);
                error.setText("Enter your " + fields.get(i).label().toLowerCase() + ".");
                return;
            }
        }
        // the employee number is done: OK moves on to the next empty field first
        List<char[]> out = new ArrayList<>();
        for (StringBuilder v : values) {
            char[] c = new char[v.length()];
            v.getChars(0, v.length(), c, 0);
            out.add(c);
        }
        busy = true;
        ok.setDisable(true);
        error.setText("Checking…");
        onSubmit.accept(out);
    }

    /** Shows an error and lets the worker try again (clears the masked fields). */
    void fail(String message) {
        busy = false;
        ok.setDisable(false);
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).masked()) values.get(i).setLength(0);
        refresh();
        error.setText(message);
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).masked()) { select(i); break; }
    }

    void locked(String message) {
        fail(message);
        busy = true;
        ok.setDisable(true);
    }

    String errorText() { return error.getText(); }
}
