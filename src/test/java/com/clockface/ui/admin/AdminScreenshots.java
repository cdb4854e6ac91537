package com.clockface.ui.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.clockface.admin.AdminAccounts;
import com.clockface.admin.AdminServices;
import com.clockface.admin.Enrolment;
import com.clockface.checkin.FaceEngine;
import com.clockface.store.AppHome;
import com.clockface.store.CheckEvent;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.ReviewState;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import com.clockface.vision.ModelResolver;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
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
 * with -Dclockface.screenshots=true (under Xvfb: {@code xvfb-run -a mvn -Pxvfb test -Dtest=AdminScreenshots
 * -Dclockface.screenshots=true}).
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
        AppHome home = AppHome.at(dir);
        services = new AdminServices(home, Database.open(home), 10_000);
        services.settings().set("timeclock.zone", ZONE.getId(), "setup");
        services.settings().set("kiosk.name", "Front door", "setup");
        services.settings().set("kiosk.site", "Hamburg warehouse", "setup");
        engine = FaceEngine.load(ModelResolver.fromEnvironment(), services.database(), null);

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
        // Review queue: a PIN punch with its photo, a doubtful liveness, an attack.
        byte[] photo = Files.readAllBytes(Path.of(System.getenv(ModelResolver.ENV_MIRROR)).resolve("samples/obama.jpg"));
        Person jonas = services.persons().findByEmployeeNo("EMP002").orElseThrow();
        var at = LocalDateTime.parse("2026-03-06T07:58").atZone(ZONE).toInstant();
        CheckEvent pin = services.events().insert(CheckEvent.of(at, "Front door", jonas.id(), "PIN", "REVIEW", 0.62, 0.71,
                "{\"passive_liveness\":0.62,\"flash_response\":0.58,\"injection\":\"none\",\"faces\":1}", ReviewState.PENDING), photo);
        services.database();
        new com.clockface.store.PunchRepository(services.database()).insert(new Punch(0, jonas.id(), PunchKind.IN, at, ZONE,
                "Front door", PunchSource.PIN, PunchStatus.PENDING, pin.id(), null));
        services.events().insert(CheckEvent.of(at.plusSeconds(3600), "Front door", null, "ATTACK", "FAIL", 0.08, null,
                "{\"passive_liveness\":0.08,\"flash_response\":0.02,\"screen_moire\":0.91}", ReviewState.PENDING), null);

        robot.interact(() -> stage.getScene().setRoot(new AdminView(services, maria, () -> engine, () -> { })));
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
        robot.interact(() -> enrol.photo.set(Path.of(System.getenv(ModelResolver.ENV_MIRROR)).resolve("samples/obama.jpg")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !enrol.busy());
        shoot(robot, out.resolve("admin-enrol.png"));

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
        robot.interact(() -> view.show("settings"));
        shoot(robot, out.resolve("admin-settings.png"));
        engine.close();
    }

    private void shoot(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        write(img[0], file);
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
        write(img[0], file);
    }

    private static void write(WritableImage img, Path file) throws Exception {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            b.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageIO.write(b, "png", file.toFile());
    }
}
