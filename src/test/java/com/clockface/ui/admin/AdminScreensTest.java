package com.clockface.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clockface.admin.AdminAccounts;
import com.clockface.admin.AdminServices;
import com.clockface.admin.Enrolment;
import com.clockface.checkin.FaceEngine;
import com.clockface.store.AppHome;
import com.clockface.store.AuditLog;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.Shift;
import com.clockface.vision.ModelResolver;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real admin screens on headless Monocle, over a real SQLite home and the real face models. */
@ExtendWith(ApplicationExtension.class)
class AdminScreensTest {

    @TempDir static Path dir;
    static AdminServices services;
    static FaceEngine engine;
    AdminView view;
    AdminAccounts.Admin maria;

    static synchronized FaceEngine engine() throws Exception {
        if (engine == null) engine = FaceEngine.load(ModelResolver.fromEnvironment(), services.database(), null);
        return engine;
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) engine.close();
    }

    @Start
    void start(Stage stage) {
        if (services == null) {
            AppHome home = AppHome.at(dir);
            services = new AdminServices(home, Database.open(home), 10_000);
            services.settings().set("timeclock.zone", "Europe/Berlin", "test");
            services.settings().set("kiosk.name", "Front door", "test");
            services.settings().set("kiosk.site", "Hamburg warehouse", "test");
        }
        maria = services.accounts().exists() ? services.accounts().login("Maria", "246813")
                : services.accounts().createFirst("Maria", "246813", "test");
        try {
            view = new AdminView(services, maria, AdminView.EngineSource.of(engine()), () -> { }); // as the kiosk does
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void timesheetCorrectionThroughTheScreen(FxRobot robot) {
        PersonRepository persons = services.persons();
        Person ana = persons.findByEmployeeNo("EMP100").orElseGet(() ->
                persons.create(Person.newPerson("EMP100", "Ana Lima", "front"), "test"));
        services.corrections().add("EMP100", PunchKind.IN, LocalDateTime.parse("2026-03-02T08:00"), "set-up", "test");

        robot.clickOn("#nav-timesheets");
        TimesheetScreen ts = view.screen("timesheets");
        robot.interact(() -> ts.select("EMP100", TimesheetScreen.Length.WEEK, LocalDate.parse("2026-03-02")));
        TableView<Shift> shifts = robot.lookup("#ts-shifts").queryTableView();
        assertEquals(1, shifts.getItems().size());
        assertTrue(shifts.getItems().get(0).missingPunch(), "only an IN so far");

        robot.clickOn("#ts-add");
        Button ok = robot.lookup("#corr-ok").queryButton();
        assertTrue(ok.isDisabled(), "no reason, no correction");
        robot.interact(() -> {
            robot.lookup("#corr-kind").<ComboBox<PunchKind>>query().setValue(PunchKind.OUT);
            robot.lookup("#corr-date").<DatePicker>query().setValue(LocalDate.parse("2026-03-02"));
        });
        robot.clickOn("#corr-time").write("16:30");
        robot.clickOn("#corr-reason").write("forgot to clock out");
        assertFalse(ok.isDisabled());
        robot.clickOn("#corr-ok");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, shifts.getItems().size());
        Shift s = shifts.getItems().get(0);
        assertFalse(s.missingPunch());
        assertEquals("8.50", s.hours().toPlainString());
        Label msg = robot.lookup("#ts-message").queryAs(Label.class);
        assertTrue(msg.getText().startsWith("Added OUT at 16:30"), msg.getText());
        List<AuditLog.Entry> audit = services.audit().listForTarget("punch:" + s.outPunchId(), 5);
        assertEquals("punch.correct", audit.get(0).action());
        assertEquals("Maria", audit.get(0).actor());
        assertTrue(audit.get(0).detail().contains("forgot to clock out"));

        // Approve the week; a further correction is refused inside the dialog, which stays open.
        robot.clickOn("#ts-lock");
        robot.clickOn("#ts-add");
        robot.interact(() -> robot.lookup("#corr-date").<DatePicker>query().setValue(LocalDate.parse("2026-03-03")));
        robot.clickOn("#corr-time").write("09:00");
        robot.clickOn("#corr-reason").write("late entry");
        robot.clickOn("#corr-ok");
        Label err = robot.lookup("#corr-error").queryAs(Label.class);
        assertTrue(err.getText().contains("approved period"), err.getText());
        robot.clickOn("Cancel");
        assertEquals(2, services.timesheets().punches(ana.id(), com.clockface.timeclock.Period.of(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-08"))).size(), "nothing added to the locked week");
    }

    @Test
    void enrolmentByPhotoUpload(FxRobot robot) throws Exception {
        Path samples = Path.of(System.getenv(ModelResolver.ENV_MIRROR)).resolve("samples");
        Path good = samples.resolve("obama.jpg");
        // The same photo at a quarter of its size: the eyes are far closer than 85 px.
        BufferedImage full = ImageIO.read(good.toFile());
        BufferedImage small = new BufferedImage(full.getWidth() / 4, full.getHeight() / 4, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(full, 0, 0, small.getWidth(), small.getHeight(), null);
        Path lowRes = dir.resolve("small.jpg");
        ImageIO.write(small, "jpg", lowRes.toFile());
        Path notImage = dir.resolve("notes.jpg");
        Files.writeString(notImage, "not a photo");

        robot.clickOn("#nav-enrol");
        EnrolScreen enrol = view.screen("enrol");
        Label status = robot.lookup("#enrol-photo-status").queryAs(Label.class);

        robot.interact(() -> enrol.photo.set(notImage));
        await(enrol);
        assertTrue(status.getText().contains("not a PNG, JPEG or JPEG 2000"), status.getText());

        robot.interact(() -> enrol.photo.set(lowRes));
        await(enrol);
        assertTrue(status.getStyleClass().contains("status-error"));
        assertTrue(status.getText().startsWith("The photo was refused") && status.getText().contains("85"), status.getText());

        robot.clickOn("#enrol-employee-no").write("EMP200");
        robot.clickOn("#enrol-name").write("Barack Obama");
        robot.clickOn("#enrol-pin").write("4826");
        robot.interact(() -> enrol.photo.set(good));
        await(enrol);
        assertTrue(status.getText().startsWith("Photo accepted"), status.getText());

        robot.clickOn("#enrol-save");
        Label msg = robot.lookup("#enrol-message").queryAs(Label.class);
        assertTrue(msg.getText().contains("consent"), "consent is required: " + msg.getText());
        assertTrue(services.persons().findByEmployeeNo("EMP200").isEmpty());

        robot.clickOn("#enrol-consent");
        robot.clickOn("#enrol-save");
        assertTrue(msg.getText().startsWith("Enrolled Barack Obama"), msg.getText());
        Person p = services.persons().findByEmployeeNo("EMP200").orElseThrow();
        assertNotNull(p.consentAt());
        assertEquals("Maria", p.consentBy());
        assertEquals(services.settings().consentText(), p.consentText());
        assertTrue(com.clockface.store.SecretHash.verify("4826".toCharArray(), p.pinHash()));
        assertEquals(1, services.templates().listForPerson(p.id()).size());

        // The same face again is flagged as a likely duplicate before anything is saved.
        robot.interact(() -> enrol.photo.set(good));
        await(enrol);
        assertTrue(status.getText().contains("looks like Barack Obama"), status.getText());
    }

    @Test
    void deactivationActivationAndErasureReachTheRunningGallery(FxRobot robot) throws Exception {
        Path photo = Path.of(System.getenv(ModelResolver.ENV_MIRROR)).resolve("samples/obama.jpg");
        Enrolment enrolment = new Enrolment(services.database(), 10_000);
        Person p = enrolment.createPerson("EMP300", "Gallery Probe", "front", null, true, "test");
        enrolment.saveTemplate(engine(), p.id(), enrolment.checkPhoto(engine(), photo, p.id()), "test");
        assertTrue(engine().gallery().templateIds().containsValue(p.id()));

        robot.clickOn("#nav-people");
        robot.clickOn("#people-search").write("EMP300");
        robot.clickOn("Gallery Probe");
        robot.clickOn("#person-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(services.persons().findById(p.id()).orElseThrow().active());
        assertFalse(engine().gallery().templateIds().containsValue(p.id()), "deactivated: out of the running gallery");

        robot.clickOn("#person-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(services.persons().findById(p.id()).orElseThrow().active());
        assertEquals(1, engine().gallery().templateIds().values().stream().filter(id -> id == p.id()).count(),
                "activated: its template is back, once");

        robot.clickOn("#person-erase");
        robot.clickOn("#erase-confirm").write("EMP300");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(engine().gallery().templateIds().containsValue(p.id()), "erased: out of the gallery");
        assertTrue(services.templates().listForPerson(p.id()).isEmpty());
    }

    @Test
    void enrolmentByLiveCaptureThroughTheCheckinSession(FxRobot robot) throws Exception {
        // The camera is the live recording of apfol, in step with the analysis (every frame analysed however
        // busy the machine is: the liveness verdict is the recording's, not the load's).
        Path video = com.clockface.vision.TestModels.data().resolve("videos/live/00002.webm");
        AdminView withCamera = new AdminView(services, maria, AdminView.EngineSource.of(engine()),
                () -> com.clockface.camera.CameraFeed.lockStep(new com.clockface.camera.VideoFileSource(video).loop(true)), () -> { });
        robot.interact(() -> view.getScene().setRoot(withCamera));
        robot.clickOn("#nav-enrol");
        EnrolScreen enrol = withCamera.screen("enrol");
        robot.clickOn("#enrol-employee-no").write("EMP400");
        robot.clickOn("#enrol-name").write("Apfol Live");
        robot.clickOn("#enrol-consent");

        robot.clickOn("#enrol-live");
        LiveCaptureView live = enrol.liveCapture();
        assertNotNull(live);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> live.result() != null);
        WaitForAsyncUtils.waitForFxEvents();
        com.clockface.admin.LiveEnrolment.Result r = live.result();
        assertTrue(r.accepted(), r.message());
        assertTrue(r.liveness().score() >= 0.9, "high-security liveness: " + r.liveness().score());
        assertEquals(r.frames().size(), robot.lookup("#live-frames").queryAs(javafx.scene.layout.FlowPane.class).getChildren().size());
        assertTrue(robot.lookup("#live-status").queryAs(Label.class).getText().startsWith("Live capture accepted"));

        robot.clickOn("#live-use");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(enrol.liveCapture() == null, "back on the form");
        Label status = robot.lookup("#enrol-photo-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Live capture accepted"), status.getText());
        robot.clickOn("#enrol-save");
        Label msg = robot.lookup("#enrol-message").queryAs(Label.class);
        assertTrue(msg.getText().startsWith("Enrolled Apfol Live (EMP400) with " + r.frames().size()), msg.getText());
        Person p = services.persons().findByEmployeeNo("EMP400").orElseThrow();
        assertEquals("Maria", p.consentBy());
        List<com.clockface.store.Template> stored = services.templates().listForPerson(p.id());
        assertEquals(r.frames().size(), stored.size());
        assertTrue(stored.stream().allMatch(t -> t.source() == com.clockface.store.TemplateSource.LIVE));
        assertTrue(services.audit().listForTarget("person:" + p.id(), 10).stream()
                .anyMatch(e -> e.action().equals("person.enrol_live") && e.actor().equals("Maria")));
        assertTrue(engine().gallery().templateIds().containsValue(p.id()), "recognisable at once");
    }

    @Test
    void bulkImportShowsProgressAndAReportLinePerRow(FxRobot robot) throws Exception {
        Path ids = com.clockface.vision.TestModels.data().resolve("identities");
        Path csv = dir.resolve("import.csv");
        Files.writeString(csv, "employee_no,name,photo,collection\r\n"
                + "EMP600,Jonas Becker," + ids.resolve("nuaa-0008/00001.jpg") + ",warehouse\r\n"
                + "EMP601,Someone Else," + ids.resolve("nuaa-0008/00002.jpg") + ",warehouse\r\n"
                + "EMP602,Tom Hanks," + ids.resolve("lfw-Tom_Hanks/00001.jpg") + ",office\r\n"
                + "EMP603,Lost Photo,missing.jpg,office\r\n");
        robot.clickOn("#nav-import");
        ImportScreen screen = view.screen("import");
        robot.interact(() -> screen.load(csv));
        assertEquals("4 rows to check.", robot.lookup("#import-source-info").queryAs(Label.class).getText());

        robot.clickOn("#import-start");
        Label summary = robot.lookup("#import-summary").queryAs(Label.class);
        assertTrue(summary.getText().contains("consent"), "no import without the consent confirmation: " + summary.getText());
        assertTrue(services.persons().findByEmployeeNo("EMP600").isEmpty());

        robot.clickOn("#import-consent");
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> screen.report() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, robot.lookup("#import-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress());
        TableView<com.clockface.admin.BulkImport.RowResult> table = robot.lookup("#import-rows").queryTableView();
        assertEquals(4, table.getItems().size());
        assertEquals(List.of("Imported", "Duplicate?", "Refused: face too small", "Refused: no photo file"),
                table.getItems().stream().map(ImportScreen::statusText).toList());
        assertTrue(table.getItems().get(1).message().contains("EMP600 Jonas Becker"), table.getItems().get(1).message());
        assertEquals("1 imported  ·  1 duplicate not imported  ·  2 refused  ·  0 skipped", summary.getText());
        Person jonas = services.persons().findByEmployeeNo("EMP600").orElseThrow();
        assertEquals("Maria", jonas.consentBy());
        assertEquals(1, services.templates().listForPerson(jonas.id()).size());
        assertTrue(engine().gallery().templateIds().containsValue(jonas.id()));
    }

    @Test
    void aSavedCheckinIsReplayedFromTheReviewQueue(FxRobot robot) throws Exception {
        com.clockface.store.CheckEvent e = com.clockface.admin.CapsuleReplayTest.doubtfulCheckinWithCapsule(engine(),
                services.database(), services.home());
        robot.clickOn("#nav-review");
        ReviewScreen review = view.screen("review");
        javafx.scene.control.ListView<com.clockface.admin.ReviewQueue.Item> list = robot.lookup("#review-list").queryListView();
        robot.interact(() -> list.getItems().stream().filter(i -> i.event().id() == e.id()).findFirst()
                .ifPresent(i -> list.getSelectionModel().select(i)));
        robot.clickOn("#review-replay");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> review.replayView() != null);
        WaitForAsyncUtils.waitForFxEvents();
        CapsuleReplayView replay = review.replayView();
        Label position = robot.lookup("#replay-position").queryAs(Label.class);
        assertTrue(position.getText().startsWith("Frame 1 of "), position.getText());
        assertTrue(robot.lookup("#replay-colours").queryAs(javafx.scene.layout.Pane.class).getChildren().size() >= 7,
                "the bar shows the 5-8 colours of the challenge");
        robot.clickOn("#replay-next");
        assertTrue(position.getText().startsWith("Frame 2 of "), position.getText());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !replay.agreementText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Agrees with the recorded verdict.", replay.agreementText());

        robot.clickOn("#replay-play");
        assertTrue(replay.playing());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !replay.playing());
        assertTrue(position.getText().matches("Frame (\\d+) of \\1 .*"), "played to the last frame: " + position.getText());
        robot.clickOn("#replay-back");
        assertTrue(review.replayView() == null);
        assertTrue(robot.lookup("#review-list").tryQuery().isPresent());
    }

    private static void await(EnrolScreen enrol) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !enrol.busy());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
