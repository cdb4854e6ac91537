package com.clockface.ui.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.clockface.admin.AdminAccounts;
import com.clockface.admin.AdminServices;
import com.clockface.admin.Enrolment;
import com.clockface.camera.CameraFeed;
import com.clockface.camera.VideoFileSource;
import com.clockface.checkin.CheckinResult;
import com.clockface.checkin.CheckinService;
import com.clockface.checkin.CheckinSettings;
import com.clockface.checkin.FaceEngine;
import com.clockface.checkin.HeadlessCheckin;
import com.clockface.checkin.SessionSettings;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AppHome;
import com.clockface.store.CheckEvent;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.ReviewState;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import com.clockface.ui.kiosk.ScreenModel;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.TestModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes assets/screenshots/admin-*.png of every admin screen over realistic data. Not a test: runs only
 * with -Dclockface.screenshots=true (under Xvfb: {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -Pxvfb test
 * -Dtest=AdminScreenshots -Dclockface.screenshots=true}). The camera pictures of the evaluation recordings show
 * private persons: they are blurred in the files (the data may not be published).
 */
@EnabledIfSystemProperty(named = "clockface.screenshots", matches = "true") // skip before the FX stage starts
@ExtendWith(ApplicationExtension.class)
class AdminScreenshots {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir Path dir;
    Stage stage;
    AdminServices services;
    FaceEngine engine;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        assumeTrue(Boolean.getBoolean("clockface.screenshots"), "screenshots only on request");
        Path out = Path.of("assets/screenshots");
        Files.createDirectories(out);
        AppHome home = AppHome.at(dir).ensureDirs();
        services = new AdminServices(home, Database.open(home), 10_000);
        services.settings().set("timeclock.zone", ZONE.getId(), "setup");
        services.settings().set("kiosk.name", "Front door", "setup");
        services.settings().set("kiosk.site", "Hamburg warehouse", "setup");
        engine = FaceEngine.load(ModelResolver.fromEnvironment(), services.database(), null);
        Path video = TestModels.data().resolve("videos/live/00002.webm");

        robot.interact(() -> {
            stage.setScene(new Scene(new LoginView(services, a -> { }), 1280, 800));
            stage.show();
        });
        shoot(robot, out.resolve("admin-first-run.png"));
        AdminAccounts.Admin maria = services.accounts().createFirst("Maria Keller", "246813", "setup");

        String[][] people = {{"EMP001", "Ana Lima", "warehouse"}, {"EMP002", "Jonas Becker", "warehouse"},
                {"EMP003", "Fatma Yilmaz", "office"}, {"EMP004", "Piotr Nowak", "warehouse"}, {"EMP005", "Sofia Rossi", "office"}};
        Enrolment enrolment = new Enrolment(services.database(), 10_000);
        for (String[] p : people) enrolment.createPerson(p[0], p[1], p[2], null, true, "Maria Keller");
        services.persons().deactivate(services.persons().findByEmployeeNo("EMP005").orElseThrow().id(), "Maria Keller");
        LocalDate monday = LocalDate.parse("2026-03-02");
        int[][] shifts = {{7, 58, 16, 4}, {8, 2, 17, 31}, {7, 55, 16, 0}, {8, 10, -1, -1}, {7, 49, 15, 2}};
        for (int d = 0; d < shifts.length; d++) {
            LocalDate day = monday.plusDays(d);
            services.corrections().add("EMP001", PunchKind.IN, day.atTime(shifts[d][0], shifts[d][1]), "imported", "setup");
            if (shifts[d][2] >= 0) {
                services.corrections().add("EMP001", PunchKind.OUT, day.atTime(shifts[d][2], shifts[d][3]), "imported", "setup");
            }
        }
        // Review queue: a PIN punch with its photo, an attack.
        byte[] photo = Files.readAllBytes(TestModels.sample("obama.jpg"));
        Person jonas = services.persons().findByEmployeeNo("EMP002").orElseThrow();
        var at = LocalDateTime.parse("2026-03-06T07:58").atZone(ZONE).toInstant();
        CheckEvent pin = services.events().insert(CheckEvent.of(at, "Front door", jonas.id(), "PIN", "REVIEW", 0.62, 0.71,
                "{\"passive_liveness\":0.62,\"flash_response\":0.58,\"injection\":\"none\",\"faces\":1}", ReviewState.PENDING), photo);
        new com.clockface.store.PunchRepository(services.database()).insert(new Punch(0, jonas.id(), PunchKind.IN, at, ZONE,
                "Front door", PunchSource.PIN, PunchStatus.PENDING, pin.id(), null));
        services.events().insert(CheckEvent.of(at.plusSeconds(3600), "Front door", null, "ATTACK", "FAIL", 0.08, null,
                "{\"passive_liveness\":0.08,\"flash_response\":0.02,\"screen_moire\":0.91}", ReviewState.PENDING), null);

        // the admin screens with a camera: the live recording, in step with the analysis
        AdminView.CameraSource camera = () -> CameraFeed.lockStep(new VideoFileSource(video).loop(true));
        robot.interact(() -> stage.getScene().setRoot(new AdminView(services, maria, AdminView.EngineSource.of(engine), camera, () -> { })));
        AdminView view = (AdminView) stage.getScene().getRoot();
        robot.interact(() -> view.show("people"));
        robot.clickOn("Ana Lima");
        shoot(robot, out.resolve("admin-people.png"));

        robot.interact(() -> view.show("enrol"));
        EnrolScreen enrol = view.screen("enrol");
        robot.clickOn("#enrol-employee-no").write("EMP006");
        robot.clickOn("#enrol-name").write("Barack Obama");
        robot.clickOn("#enrol-collection").write("office");
        robot.clickOn("#enrol-consent");
        robot.interact(() -> enrol.photo.set(TestModels.sample("obama.jpg")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !enrol.busy());
        shoot(robot, out.resolve("admin-enrol.png"));
        robot.clickOn("#enrol-save");

        // live capture: a new person in front of the camera
        robot.clickOn("#enrol-employee-no").write("EMP007");
        robot.clickOn("#enrol-name").write("Lena Fischer");
        robot.clickOn("#enrol-collection").write("warehouse");
        robot.clickOn("#enrol-consent");
        robot.clickOn("#enrol-live");
        LiveCaptureView live = enrol.liveCapture();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> live.phase() == ScreenModel.Phase.ALIGNING
                && robot.lookup("#live-guidance").queryLabeled().getText().startsWith("Perfect"));
        shoot(robot, out.resolve("admin-live-capture.png"), robot.lookup("#live-preview").query());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> live.result() != null);
        shoot(robot, out.resolve("admin-live-result.png"), robot.lookup("#live-preview").query(), robot.lookup("#live-frames").query());
        robot.clickOn("#live-use");
        robot.clickOn("#enrol-save");

        // a check-in of Lena with the colour challenge, which the recording cannot follow: doubtful, saved for review
        CheckinSettings cs = new CheckinSettings("Front door", LivenessProfile.WORK_HOURS, FlashMode.STANDARD, SearchMode.FAST,
                FaceEngine.DEFAULT_MATCH_THRESHOLD, 0, Duration.ofMinutes(10), Duration.ofMinutes(5),
                CheckinSettings.CapsulePolicy.REVIEW_AND_FAIL, Duration.ofDays(7));
        CheckinService kiosk = new CheckinService(engine, services.database(), cs, services.settings().timeclock(), home.capsules());
        CheckinResult doubtful;
        try (VideoFileSource src = new VideoFileSource(video)) {
            doubtful = HeadlessCheckin.run(src, kiosk.newSession(src.info(), SessionSettings.defaults()));
        }

        // bulk import
        Path ids = TestModels.data().resolve("identities");
        Path csv = dir.resolve("new-starters.csv");
        Files.writeString(csv, "employee_no,name,photo,collection\r\n"
                + "EMP010,Mehmet Demir," + ids.resolve("nuaa-0008/00001.jpg") + ",warehouse\r\n"
                + "EMP011,Julia Wagner," + ids.resolve("nuaa-0005/00003.jpg") + ",office\r\n"
                + "EMP012,Tomasz Kowalski," + ids.resolve("nuaa-0008/00002.jpg") + ",warehouse\r\n"
                + "EMP013,Emma Schulz," + ids.resolve("lfw-Tom_Hanks/00001.jpg") + ",office\r\n"
                + "EMP014,Lukas Hoffmann," + ids.resolve("nuaa-0007/00003.jpg") + ",warehouse\r\n"
                + "EMP015,Sara Klein,sara-klein.jpg,office\r\n"
                + "EMP016,Noah Weber," + ids.resolve("nuaa-0003/00001.jpg") + ",warehouse\r\n"
                + "EMP017,Mia Braun," + ids.resolve("nuaa-0001/00004.jpg") + ",office\r\n");
        robot.interact(() -> view.show("import"));
        ImportScreen importer = view.screen("import");
        robot.interact(() -> importer.load(csv));
        robot.clickOn("#import-consent");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> importer.report() != null);
        robot.interact(() -> robot.lookup("#import-rows").queryTableView().getSelectionModel().select(2)); // the duplicate
        shoot(robot, out.resolve("admin-import.png"));

        robot.interact(() -> view.show("timesheets"));
        TimesheetScreen ts = view.screen("timesheets");
        robot.interact(() -> ts.select("EMP001", TimesheetScreen.Length.WEEK, monday));
        shoot(robot, out.resolve("admin-timesheets.png"));
        robot.clickOn("#ts-add");
        robot.interact(() -> robot.lookup("#corr-kind").<javafx.scene.control.ComboBox<PunchKind>>query().setValue(PunchKind.OUT));
        robot.interact(() -> robot.lookup("#corr-date").<javafx.scene.control.DatePicker>query().setValue(monday.plusDays(3)));
        robot.clickOn("#corr-time").write("16:45");
        robot.clickOn("#corr-reason").write("Forgot to clock out; confirmed by the shift lead.");
        shootWindow(robot, out.resolve("admin-correction.png"));
        robot.clickOn("#corr-ok");

        robot.interact(() -> view.show("review"));
        robot.clickOn("EMP002 Jonas Becker");
        shoot(robot, out.resolve("admin-review.png"));
        ReviewScreen review = view.screen("review");
        javafx.scene.control.ListView<com.clockface.admin.ReviewQueue.Item> list = robot.lookup("#review-list").queryListView();
        robot.interact(() -> list.getItems().stream().filter(i -> i.event().id() == doubtful.checkEventId()).findFirst()
                .ifPresent(i -> list.getSelectionModel().select(i)));
        robot.clickOn("#review-replay");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> review.replayView() != null);
        CapsuleReplayView replay = review.replayView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !replay.agreementText().isEmpty());
        // a frame in the middle of the colour challenge
        com.clockface.admin.CapsuleReplay capsule = services.review().replay(home, doubtful.checkEventId(), "screenshots");
        int mid = capsule.stepAt((capsule.timeline().get(2).fromMs() + capsule.timeline().get(2).toMs()) / 2);
        robot.interact(() -> replay.show(mid));
        shoot(robot, out.resolve("admin-review-replay.png"), robot.lookup("#replay-frame").query());

        robot.interact(() -> view.show("settings"));
        shoot(robot, out.resolve("admin-settings.png"));
        robot.interact(() -> view.show("accounts"));
        shoot(robot, out.resolve("admin-accounts.png"));
        engine.close();
    }

    /** A snapshot of the window; the camera pictures in {@code blur} (image views) are blurred beyond recognition. */
    private void shoot(FxRobot robot, Path file, Node... blur) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            List<javafx.scene.image.ImageView> views = new ArrayList<>();
            for (Node n : blur) {
                if (n instanceof javafx.scene.image.ImageView v) views.add(v);
                for (Node d : n.lookupAll("*")) if (d instanceof javafx.scene.image.ImageView v && !views.contains(v)) views.add(v);
            }
            for (javafx.scene.image.ImageView v : views) v.setEffect(new javafx.scene.effect.BoxBlur(36, 36, 3));
            img[0] = stage.getScene().snapshot(null);
            for (javafx.scene.image.ImageView v : views) v.setEffect(null);
        });
        ImageIO.write(toAwt(img[0]), "png", file.toFile());
    }

    /** The focused dialog window on top of the main one. */
    private void shootWindow(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            javafx.stage.Window w = robot.listTargetWindows().stream().filter(x -> x != stage && x.isFocused()).findFirst()
                    .orElse(robot.listTargetWindows().get(robot.listTargetWindows().size() - 1));
            img[0] = w.getScene().snapshot(null);
        });
        ImageIO.write(toAwt(img[0]), "png", file.toFile());
    }

    private static BufferedImage toAwt(WritableImage img) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        return b;
    }
}
