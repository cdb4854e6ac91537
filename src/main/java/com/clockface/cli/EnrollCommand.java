package com.clockface.cli;

import com.clockface.admin.Enrolment;
import com.clockface.admin.KioskSettings;
import com.clockface.admin.LiveEnrolment;
import com.clockface.camera.Cameras;
import com.clockface.camera.FrameSource;
import com.clockface.camera.ImageFolderSource;
import com.clockface.camera.VideoFileSource;
import com.clockface.checkin.EnrolmentException;
import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Candidate;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.Template;
import com.clockface.store.TemplateSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enrol a person from trusted photos (PNG, JPEG, JPEG 2000; at most 2 MB; at least 85 px between "
                + "the eyes; frontal, sharp, well lit), or with --live from a camera through the kiosk's check-in session "
                + "(liveness must pass the high-security profile; several frames from a short head turn). Creates the "
                + "person if the employee number is new (needs --name and --consent). Exit code 0 when enrolled, 1 when "
                + "refused (nothing is saved then).")
public final class EnrollCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--id", required = true, description = "Employee number, e.g. EMP001.") String employeeNo;
    @Option(names = "--name", description = "Full name (required for a new person).") String name;
    @Option(names = "--collection", description = "Site or group. Default: ${DEFAULT-VALUE}.", defaultValue = Person.DEFAULT_COLLECTION)
    String collection;
    @Option(names = "--consent", description = "The person has read and accepted the consent text "
            + "(clockface settings get consent.text); required to create a new person, recorded with the time and --actor.")
    boolean consent;
    @Option(names = "--actor", paramLabel = "NAME", description = "Who enrols, for the audit log. Default: cli:<your user name>.")
    String actor;
    @Option(names = "--allow-duplicate", description = "Save even if the face already matches another enrolled person.")
    boolean allowDuplicate;
    @Option(names = "--live", description = "Capture from --camera through the check-in session instead of photos.")
    boolean live;
    @Option(names = "--camera", paramLabel = "SPEC", description = "With --live: file:VIDEO or file:DIR (a recording, run as "
            + "fast as it decodes), or a camera name, v4l2:/dev/videoN, default. Default: the camera in the settings. The command "
            + "line has no screen for the colour flash: passive and injection checks only (the admin screens use the flash).")
    String camera;
    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "30", description = "With --live: give up after S seconds. "
            + "Default: ${DEFAULT-VALUE}.")
    double maxSeconds;
    @Parameters(arity = "0..*", paramLabel = "IMAGE", description = "Photo files of this person (not with --live).") List<Path> images;

    @Override
    public Integer call() throws Exception {
        boolean photos = images != null && !images.isEmpty();
        if (live == photos) throw new IllegalArgumentException(live ? "--live captures from the camera: give no IMAGE files."
                : "Give photo files (IMAGE...), or --live to capture from a camera.");
        if (!live && camera != null) throw new IllegalArgumentException("--camera needs --live.");
        Database db = common.openDatabase();
        PersonRepository persons = new PersonRepository(db);
        Person existing = persons.findByEmployeeNo(employeeNo).orElse(null);
        if (existing == null && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("--name is required to create the new person " + employeeNo + ".");
        }
        if (existing == null && !consent) {
            throw new IllegalArgumentException("--consent is required to create the new person " + employeeNo
                    + ": they must read and accept the consent text first (clockface settings get consent.text).");
        }
        try (FaceEngine engine = common.loadEngine(db)) {
            return live ? live(db, engine, existing) : photos(db, engine, persons, existing);
        }
    }

    private String actor() {
        return actor != null && !actor.isBlank() ? actor.strip() : "cli:" + System.getProperty("user.name", "unknown");
    }

    private Person create(Database db) {
        return new Enrolment(db).createPerson(employeeNo, name, collection, null, true, actor());
    }

    private int live(Database db, FaceEngine engine, Person existing) throws Exception {
        KioskSettings settings = new KioskSettings(db);
        String spec = camera != null ? camera : settings.cameraName().isBlank() ? "default" : settings.cameraName();
        boolean recording = spec.strip().toLowerCase(Locale.ROOT).startsWith("file:");
        // headless: there is no screen to show the colour flash, so the session runs EXPRESS (passive and injection checks)
        LiveEnrolment enrolment = new LiveEnrolment(engine, db, existing == null ? 0 : existing.id(), FlashMode.EXPRESS);
        LiveEnrolment.Result r;
        try (FrameSource source = source(spec, recording)) {
            r = enrolment.runHeadless(source, Duration.ofMillis(Math.round(maxSeconds * 1000)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("employee_no", employeeNo);
        out.put("accepted", r.accepted());
        out.put("refusal", r.refusal() == null ? null : r.refusal().name());
        out.put("message", r.message());
        Map<String, Object> liveness = new LinkedHashMap<>();
        liveness.put("score", r.liveness() == null ? null : r.liveness().score());
        liveness.put("outcome", r.liveness() == null ? null : r.liveness().outcome().name());
        liveness.put("profile", LiveEnrolment.PROFILE.name());
        liveness.put("flash_mode", r.flashMode().name());
        liveness.put("signals", r.liveness() == null ? Map.of() : r.liveness().signals());
        out.put("liveness", liveness);
        out.put("frames_seen", r.framesSeen());
        out.put("good_frames", r.goodFrames());
        List<Map<String, Object>> frames = new ArrayList<>();
        for (LiveEnrolment.ChosenFrame f : r.frames()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("frame", f.index());
            m.put("yaw", round(f.yaw()));
            m.put("quality", round(f.quality()));
            frames.add(m);
        }
        out.put("frames", frames);
        out.put("yaw_spread", round(r.yawSpread()));
        out.put("lookalikes", r.lookalikes().stream().map(l -> Map.of("employee_no", l.employeeNo(), "score", round(l.score()))).toList());
        boolean blocked = r.accepted() && r.duplicateSuspected() && !allowDuplicate;
        if (!r.accepted() || blocked) {
            out.put("enrolled", false);
            if (blocked) out.put("message", r.message() + " Use --allow-duplicate if that is intended.");
            common.print(com.clockface.checkin.SessionCapsule.jsonSafe(out), out.get("message") + "\nNothing was saved.");
            return 1;
        }
        Person person = existing != null ? existing : create(db);
        List<Template> saved = enrolment.save(person.id(), r, allowDuplicate, actor());
        out.put("enrolled", true);
        out.put("person_id", person.id());
        out.put("templates", saved.stream().map(Template::id).toList());
        common.print(com.clockface.checkin.SessionCapsule.jsonSafe(out), r.message() + "\nEnrolled " + employeeNo + " ("
                + person.name() + ") with " + saved.size() + " live templates.");
        return 0;
    }

    /** A recording plays as fast as it decodes (its own timestamps), like {@code clockface checkin --video}. */
    private static FrameSource source(String spec, boolean recording) throws Exception {
        if (!recording) return Cameras.create(spec);
        Path p = Path.of(spec.strip().substring("file:".length()));
        return Files.isDirectory(p) ? new ImageFolderSource(p, Cameras.IMAGE_FOLDER_FPS) : new VideoFileSource(p);
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private int photos(Database db, FaceEngine engine, PersonRepository persons, Person existing) {
        long personId = existing == null ? -1 : existing.id();
        // Check every photo before creating anything: a refused photo leaves no half-enrolled person.
        List<FaceEngine.PreparedTemplate> ready = new ArrayList<>();
        List<Map<String, Object>> report = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean refused = false;
        for (Path image : images) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("image", image.toString());
            try {
                FaceEngine.PreparedTemplate t = engine.prepareTrustedPhoto(image, personId);
                row.put("quality", t.quality().score());
                if (!t.lookalikes().isEmpty() && !allowDuplicate) {
                    Candidate c = t.lookalikes().get(0);
                    String other = persons.findById(c.personId()).map(Person::employeeNo).orElse("#" + c.personId());
                    row.put("status", "refused");
                    row.put("reason", "DUPLICATE");
                    row.put("message", "This face already matches " + other + " (score " + String.format("%.2f", c.score())
                            + "). Use --allow-duplicate if that is intended.");
                    refused = true;
                } else {
                    row.put("status", "accepted");
                    ready.add(t);
                }
            } catch (EnrolmentException e) {
                row.put("status", "refused");
                row.put("reason", e.problems().get(0).issue().name());
                row.put("message", e.getMessage());
                refused = true;
            }
            text.append(image.getFileName()).append(": ").append(row.get("status"))
                    .append(row.containsKey("message") ? " - " + row.get("message") : "").append('\n');
            report.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("employee_no", employeeNo);
        result.put("images", report);
        if (refused || ready.isEmpty()) {
            result.put("enrolled", false);
            common.print(result, text + "Nothing was saved.");
            return 1;
        }
        Person person = existing != null ? existing : create(db);
        List<Long> templateIds = new ArrayList<>();
        for (Template saved : engine.saveTemplates(person.id(), ready, TemplateSource.UPLOAD, actor())) templateIds.add(saved.id());
        result.put("enrolled", true);
        result.put("person_id", person.id());
        result.put("templates", templateIds);
        common.print(result, text + "Enrolled " + employeeNo + " (" + person.name() + ") with " + templateIds.size() + " template(s).");
        return 0;
    }
}
