package com.clockface.ui.admin;

import com.clockface.admin.KioskSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Settings: a form over every {@link KioskSettings} key, grouped. Save validates each changed value; a bad
 * one is shown next to its field and nothing else is lost. Changes are audited.
 */
final class SettingsScreen implements AdminView.Screen {

    private final AdminView root;
    private final VBox view;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Label message = new Label();

    SettingsScreen(AdminView root) {
        this.root = root;
        VBox groups = new VBox(18);
        GridPane grid = null;
        String group = null;
        int row = 0;
        for (KioskSettings.Key k : KioskSettings.keys()) {
            if (!k.group().equals(group)) {
                group = k.group();
                grid = new GridPane();
                grid.setHgap(16);
                grid.setVgap(4);
                grid.getColumnConstraints().addAll(new ColumnConstraints(300), new ColumnConstraints(280, 360, 560));
                groups.getChildren().add(Ui.card(Ui.section(group), grid));
                row = 0;
            }
            Control c;
            if (k == KioskSettings.CAMERA_NAME) {
                c = cameraField();
            } else if (!k.choices().isEmpty()) {
                ComboBox<String> cb = new ComboBox<>();
                cb.getItems().setAll(k.choices());
                cb.setMaxWidth(Double.MAX_VALUE);
                c = cb;
            } else if (k == KioskSettings.CONSENT_TEXT) {
                TextArea ta = new TextArea();
                ta.setWrapText(true);
                ta.setPrefRowCount(3);
                c = ta;
            } else {
                c = new TextField();
            }
            c.setId("setting-" + k.name());
            fields.put(k.name(), c);
            Label name = Ui.label(k.description(), "setting-label");
            Label key = Ui.label(k.name(), "setting-key");
            Label err = new Label();
            err.setWrapText(true);
            Ui.status(err, "", false);
            errors.put(k.name(), err);
            VBox left = new VBox(2, name, key);
            grid.add(left, 0, row);
            grid.add(new VBox(4, c, err), 1, row);
            GridPane.setMargin(left, new Insets(4, 0, 8, 0));
            row++;
        }
        message.setId("settings-message");
        Ui.status(message, "", true);
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        view = new VBox(16, Ui.row(12, Ui.title("Settings"), Ui.spacer(), message,
                Ui.button("Revert", "settings-revert", this::refresh),
                Ui.button("Save", "settings-save", this::save, "primary")),
                Ui.subtitle("Changes apply at once on this kiosk and are recorded in the audit log."), scroll);
        view.setPadding(new Insets(28, 32, 28, 32));
    }

    /**
     * The camera: pick one of the cameras connected now (listed off the FX thread: discovery can take a moment), or
     * type a name or {@code file:VIDEO}; empty means the first camera found. A running kiosk switches to it when the
     * admin screens close.
     */
    private static ComboBox<String> cameraField() {
        ComboBox<String> cb = new ComboBox<>();
        cb.setEditable(true);
        cb.setPromptText("First camera found");
        cb.setMaxWidth(Double.MAX_VALUE);
        Ui.background(com.clockface.camera.Cameras::list, names -> {
            String v = cb.getEditor().getText();
            cb.getItems().setAll(names);
            cb.getEditor().setText(v);
            if (names.isEmpty()) cb.setPromptText("First camera found (none is connected now)");
        }, e -> cb.setPromptText("First camera found (the list of cameras failed: " + e.getMessage() + ")"));
        return cb;
    }

    @Override
    public Node view() { return view; }

    @Override
    public void refresh() {
        KioskSettings s = root.services().settings();
        for (KioskSettings.Key k : KioskSettings.keys()) {
            set(fields.get(k.name()), s.get(k.name()));
            Ui.status(errors.get(k.name()), "", false);
        }
        Ui.status(message, "", true);
    }

    @SuppressWarnings("unchecked")
    private static void set(Control c, String v) {
        if (c instanceof ComboBox<?> cb) ((ComboBox<String>) cb).setValue(v);
        else ((TextInputControl) c).setText(v);
    }

    @SuppressWarnings("unchecked")
    private static String get(Control c) {
        if (c instanceof ComboBox<?> cb && cb.isEditable()) return cb.getEditor().getText(); // typed, not yet committed
        if (c instanceof ComboBox<?> cb) return ((ComboBox<String>) cb).getValue();
        return ((TextInputControl) c).getText();
    }

    /** Fills a field as a user would (tests). */
    void edit(String key, String value) { set(fields.get(key), value); }

    void save() {
        KioskSettings s = root.services().settings();
        int changed = 0, failed = 0;
        for (KioskSettings.Key k : KioskSettings.keys()) {
            String v = get(fields.get(k.name()));
            Label err = errors.get(k.name());
            Ui.status(err, "", false);
            if (v == null || v.equals(s.get(k.name()))) continue;
            try {
                set(fields.get(k.name()), s.set(k.name(), v, root.actor()));
                changed++;
            } catch (RuntimeException e) {
                Ui.status(err, Ui.message(e), false);
                failed++;
            }
        }
        if (failed > 0) Ui.status(message, failed + (failed == 1 ? " value was" : " values were") + " not saved; see below.", false);
        else Ui.status(message, changed == 0 ? "Nothing changed." : "Saved " + changed + (changed == 1 ? " change." : " changes."), true);
    }
}
