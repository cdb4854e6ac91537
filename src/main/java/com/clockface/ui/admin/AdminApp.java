package com.clockface.ui.admin;

import com.clockface.admin.AdminServices;
import com.clockface.camera.CameraFeed;
import com.clockface.checkin.FaceEngine;
import com.clockface.store.AppHome;
import com.clockface.vision.ModelResolver;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code clockface admin}: the admin screens in a window on a desk PC, after the admin sign-in (or the
 * first-admin set-up). The face models load on first use (enrolment); a live enrolment opens the camera of
 * {@code --camera=SPEC}, else the one in the settings, else the default camera, and closes it afterwards.
 */
public final class AdminApp extends Application {

    private AdminServices services;
    private FaceEngine engine;

    @Override
    public void start(Stage stage) {
        String home = getParameters().getNamed().get("home");
        String camera = getParameters().getNamed().get("camera");
        services = AdminServices.open(AppHome.resolve(home == null ? null : Path.of(home)));
        stage.setTitle("ClockFace admin");
        Scene scene = new Scene(new LoginView(services, admin -> {
            AdminView view = new AdminView(services, admin, this::loadEngine, () -> CameraFeed.open(cameraSpec(camera)), Platform::exit);
            stage.getScene().setRoot(view);
        }), 1280, 800);
        stage.setScene(scene);
        stage.setMinWidth(1100);
        stage.setMinHeight(700);
        stage.show();
    }

    private synchronized FaceEngine loadEngine() throws Exception {
        if (engine == null) engine = FaceEngine.load(ModelResolver.fromEnvironment(), services.database(), null);
        return engine;
    }

    private String cameraSpec(String option) {
        if (option != null && !option.isBlank()) return option;
        String configured = services.settings().cameraName();
        return configured.isBlank() ? "default" : configured;
    }

    @Override
    public void stop() {
        if (engine != null) engine.close();
    }

    /** Arguments: {@code --home=DIR}, {@code --camera=SPEC} (both optional). */
    public static void main(String[] args) {
        launch(AdminApp.class, args);
    }
}
