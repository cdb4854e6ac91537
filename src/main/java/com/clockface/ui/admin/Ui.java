package com.clockface.ui.admin;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small helpers shared by the admin screens. */
final class Ui {
    private Ui() { }

    /** One worker thread for database and model work, so the screen never waits on it. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "admin-worker");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} off the FX thread, then {@code done} or {@code failed} on it. */
    static <T> void background(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        WORKER.submit(() -> {
            try {
                T v = work.call();
                Platform.runLater(() -> done.accept(v));
            } catch (Throwable e) {
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    static Label label(String text, String... styles) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styles);
        l.setWrapText(true);
        if (java.util.List.of(styles).contains("field-label")) {
            l.setWrapText(false); // a field name never breaks into letters when space is short
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        return l;
    }

    /** ISO dates (2026-03-02) in date pickers: unambiguous in every locale. */
    static void isoDates(javafx.scene.control.DatePicker p) {
        p.setConverter(new javafx.util.converter.LocalDateStringConverter(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
    }

    static Label title(String text) { return label(text, "screen-title"); }

    static Label subtitle(String text) { return label(text, "screen-subtitle"); }

    static Label section(String text) { return label(text, "section-title"); }

    static Button button(String text, String id, Runnable action, String... styles) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll(styles);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE); // never "Save chan..."
        return b;
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    static HBox row(double gap, Node... nodes) {
        HBox h = new HBox(gap, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    static VBox card(Node... nodes) {
        VBox v = new VBox(12, nodes);
        v.getStyleClass().add("card");
        v.setPadding(new Insets(18));
        return v;
    }

    /** The sentence of an error for a person: the message, without exception class names. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static boolean confirm(Node owner, String header, String text, String okText) {
        ButtonType ok = new ButtonType(okText, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ok, ButtonType.CANCEL);
        a.setHeaderText(header);
        a.setTitle("ClockFace admin");
        if (owner != null && owner.getScene() != null) a.initOwner(owner.getScene().getWindow());
        AdminView.style(a.getDialogPane());
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    /** Shows a status line: ok (green) or error (red). */
    static void status(Label l, String text, boolean ok) {
        l.setText(text);
        l.getStyleClass().removeAll("status-ok", "status-error");
        l.getStyleClass().add(ok ? "status-ok" : "status-error");
        l.setVisible(text != null && !text.isEmpty());
        l.setManaged(l.isVisible());
    }
}
