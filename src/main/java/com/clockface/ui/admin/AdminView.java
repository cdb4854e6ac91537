package com.clockface.ui.admin;

import com.clockface.admin.AdminAccounts;
import com.clockface.admin.AdminServices;
import com.clockface.checkin.FaceEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The admin screens' root: a side bar (People, Enrol, Import, Timesheets, Review, Settings), a top bar with the
 * site and the signed-in admin, and the current screen. Every action is taken in the admin's name.
 *
 * <p>The kiosk embeds it after its admin PIN check:
 * {@code new AdminView(services, admin, () -> engine, () -> backToIdle())}; the desk-PC app
 * ({@code clockface admin}) does the same after its own sign-in.
 */
public final class AdminView extends BorderPane {

    /** Where the face models come from: the kiosk passes its loaded engine; the desk app loads one on first use. */
    @FunctionalInterface
    public interface EngineSource extends Callable<FaceEngine> {
        /** An engine that is loaded already (the kiosk's): gallery changes made here reach it at once. */
        static EngineSource of(FaceEngine loaded) { return new Loaded(loaded); }
    }

    /**
     * Where a live enrolment gets its camera: the kiosk lends its running one
     * ({@link com.clockface.camera.CameraFeed#borrow}); the desk app opens one ({@link com.clockface.camera.CameraFeed#open}).
     */
    @FunctionalInterface
    public interface CameraSource {
        com.clockface.camera.CameraFeed open() throws com.clockface.camera.CameraException;
    }

    private record Loaded(FaceEngine engine) implements EngineSource {
        @Override public FaceEngine call() { return engine; }
    }

    public static final String CSS = AdminView.class.getResource("admin.css").toExternalForm();

    private final AdminServices services;
    private final AdminAccounts.Admin admin;
    private final EngineSource engine;
    private final CameraSource camera;
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final Map<String, ToggleButton> nav = new LinkedHashMap<>();
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();

    /** One screen of the admin area. */
    interface Screen {
        Node view();

        /** Called each time the screen is shown: reload what may have changed. */
        void refresh();
    }

    /**
     * @param onClose what "Close" does (the kiosk returns to its idle screen; the desk app quits)
     */
    public AdminView(AdminServices services, AdminAccounts.Admin admin, EngineSource engine, Runnable onClose) {
        this(services, admin, engine, null, onClose);
    }

    /**
     * @param camera the camera for live enrolment, or null when there is none (live capture is then unavailable)
     * @param onClose what "Close" does (the kiosk returns to its idle screen; the desk app quits)
     */
    public AdminView(AdminServices services, AdminAccounts.Admin admin, EngineSource engine, CameraSource camera, Runnable onClose) {
        this.camera = camera;
        this.services = services;
        this.admin = admin;
        this.engine = engine;
        if (engine instanceof Loaded l) loadedEngine = l.engine();
        getStylesheets().add(CSS);
        getStyleClass().add("admin-root");

        add("people", "People", new PeopleScreen(this));
        add("enrol", "Enrol", new EnrolScreen(this));
        add("import", "Import", new ImportScreen(this));
        add("timesheets", "Timesheets", new TimesheetScreen(this));
        add("review", "Review queue", new ReviewScreen(this));
        add("settings", "Settings", new SettingsScreen(this));
        add("accounts", "Admin accounts", new AccountsScreen(this));

        VBox side = new VBox(4);
        side.getStyleClass().add("sidebar");
        Label brand = Ui.label("ClockFace", "brand");
        Label brandSub = Ui.label("Administration", "brand-sub");
        VBox brandBox = new VBox(0, brand, brandSub);
        brandBox.setPadding(new Insets(0, 0, 18, 0));
        side.getChildren().add(brandBox);
        side.getChildren().addAll(nav.values());
        side.getChildren().add(Ui.spacer());
        Button close = Ui.button("Close", "close-admin", onClose == null ? () -> { } : onClose, "nav-close");
        close.setMaxWidth(Double.MAX_VALUE);
        side.getChildren().add(close);
        setLeft(side);

        String site = services.settings().site();
        Label where = Ui.label(services.settings().kioskName() + (site.isBlank() ? "" : "  ·  " + site), "topbar-site");
        Label who = Ui.label("Signed in as " + admin.name(), "topbar-user");
        HBox top = new HBox(12, where, Ui.spacer(), who);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("topbar");
        content.getStyleClass().add("content");
        BorderPane main = new BorderPane(content);
        main.setTop(top);
        setCenter(main);
        show("people");
    }

    private void add(String id, String text, Screen s) {
        screens.put(id, s);
        ToggleButton b = new ToggleButton(text);
        b.setId("nav-" + id);
        b.getStyleClass().add("nav-button");
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> show(id));
        nav.put(id, b);
    }

    /** Shows a screen by id: people, enrol, import, timesheets, review, settings, accounts. */
    public void show(String id) {
        Screen s = screens.get(id);
        if (s == null) throw new IllegalArgumentException("no screen " + id);
        nav.get(id).setSelected(true);
        content.getChildren().setAll(s.view());
        s.refresh();
    }

    /** The screen object, for tests and for the kiosk to pre-select things. */
    @SuppressWarnings("unchecked")
    public <T> T screen(String id) { return (T) screens.get(id); }

    AdminServices services() { return services; }

    /** The camera for live enrolment, or null. */
    CameraSource cameraSource() { return camera; }

    AdminAccounts.Admin admin() { return admin; }

    /** The audit actor of actions taken here. */
    String actor() { return admin.name(); }

    private volatile FaceEngine loadedEngine;

    /** The face engine, loading it on first use (call off the FX thread: loading models takes seconds). */
    FaceEngine engineNow() throws Exception {
        FaceEngine e = loadedEngine;
        if (e == null) {
            synchronized (this) {
                if (loadedEngine == null) loadedEngine = engine.call();
                e = loadedEngine;
            }
        }
        return e;
    }

    java.util.Optional<FaceEngine> engineIfLoaded() { return java.util.Optional.ofNullable(loadedEngine); }

    static void style(DialogPane pane) {
        pane.getStylesheets().add(CSS);
        pane.getStyleClass().add("admin-dialog");
    }

    static Parent wrap(Node n) {
        StackPane p = new StackPane(n);
        p.getStylesheets().add(CSS);
        return p;
    }
}
