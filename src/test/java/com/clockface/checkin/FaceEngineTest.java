package com.clockface.checkin;

import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.Outcome;
import com.clockface.store.AppHome;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.TemplateSource;
import com.clockface.vision.BgrImage;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.QualityIssue;
import com.clockface.vision.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FaceEngineTest {

    @Test
    void aPrintedPhotoScoresBelowTheLiveFaceOfTheSameSubject() throws Exception {
        FaceEngine engine = TestEngine.modelsOnly();
        // NUAA subject 1: live webcam frames and printed photos of the same person.
        double live = meanLiveness(engine, "spoof/live", "nuaa-0001");
        double print = meanLiveness(engine, "spoof/print", "nuaa-0001");
        assertTrue(live > print + 0.2, "live " + live + " vs print " + print);
    }

    @Test
    void theTabletReplaySampleFailsAndALiveSamplePasses() throws Exception {
        FaceEngine engine = TestEngine.modelsOnly();
        BgrImage replay = ImageDecoder.read(TestModels.sample("spoof_replay_F2.jpg"));
        assertEquals(Outcome.FAIL, engine.passiveLiveness(replay, engine.detect(replay), LivenessProfile.WORK_HOURS).outcome());
        BgrImage live = ImageDecoder.read(TestModels.sample("obama.jpg"));
        LivenessResult r = engine.passiveLiveness(live, engine.detect(live), LivenessProfile.WORK_HOURS);
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertTrue(r.score() > 0.9);
    }

    @Test
    void noFaceIsAnErrorWithScoreZeroNotAFake() {
        FaceEngine engine = TestEngine.modelsOnly();
        BgrImage wall = BgrImage.filled(640, 480, 200, 200, 200);
        LivenessResult r = engine.passiveLiveness(wall, engine.detect(wall), LivenessProfile.WORK_HOURS);
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(0.0, r.score());
        assertNotNull(r.reason());
    }

    @Test
    void trustedPhotoRulesAcceptAGoodPortraitAndExplainRefusals() throws Exception {
        FaceEngine engine = TestEngine.modelsOnly();
        BgrImage good = ImageDecoder.read(TestModels.sample("obama.jpg"));
        FaceQuality.Report ok = FaceQuality.assess(good, engine.detect(good), FaceQuality.Rules.TRUSTED_PHOTO);
        assertTrue(ok.ok(), () -> "refused: " + ok.problems());

        BgrImage small = good.resize(300, 375); // eyes ~38 px apart
        FaceQuality.Report tooSmall = FaceQuality.assess(small, engine.detect(small), FaceQuality.Rules.TRUSTED_PHOTO);
        assertEquals(QualityIssue.EYES_TOO_CLOSE, tooSmall.problems().get(0).issue());
        assertTrue(tooSmall.problems().get(0).message().contains("85"));

        BgrImage dark = darken(good, 0.15);
        FaceQuality.Report tooDark = FaceQuality.assess(dark, engine.detect(dark), FaceQuality.Rules.TRUSTED_PHOTO);
        assertTrue(tooDark.problems().stream().anyMatch(p -> p.issue() == QualityIssue.TOO_DARK), () -> "" + tooDark.problems());

        BgrImage blurred = boxBlur(boxBlur(boxBlur(good, 4), 4), 4); // about a Gaussian of sigma 4.5 px
        FaceQuality.Report blurry = FaceQuality.assess(blurred, engine.detect(blurred), FaceQuality.Rules.TRUSTED_PHOTO);
        assertTrue(blurry.problems().stream().anyMatch(p -> p.issue() == QualityIssue.BLURRY), () -> "" + blurry.problems() + blurry.metrics());

        BgrImage turned = ImageDecoder.read(TestModels.sample("obama2.jpg")); // head turned (MODELS.md)
        FaceQuality.Report side = FaceQuality.assess(turned, engine.detect(turned), FaceQuality.Rules.TRUSTED_PHOTO);
        assertTrue(side.problems().stream().anyMatch(p -> p.issue() == QualityIssue.NOT_FRONTAL), () -> "" + side.metrics());
    }

    @Test
    void enrolThenIdentifyWithLivenessAgainstARealDatabase(@TempDir Path home) throws Exception {
        Database db = Database.open(AppHome.at(home));
        try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), db, null)) {
            PersonRepository persons = new PersonRepository(db);
            Person ana = persons.create(Person.newPerson("EMP001", "Barack Obama", "HQ"), "test");
            BgrImage enrolImage = ImageDecoder.read(TestModels.sample("obama.jpg"));
            FaceEngine.PreparedTemplate t = engine.prepareTemplate(enrolImage, FaceQuality.Rules.TRUSTED_PHOTO, ana.id());
            assertTrue(t.lookalikes().isEmpty());
            engine.saveTemplate(ana.id(), t, TemplateSource.UPLOAD, "test");

            BgrImage probe = ImageDecoder.read(TestModels.sample("obama2.jpg"));
            for (SearchMode mode : SearchMode.values()) {
                FaceEngine.Identification id = engine.identify(probe, mode, LivenessProfile.WORK_HOURS, FaceEngine.DEFAULT_MATCH_THRESHOLD);
                assertEquals(FaceEngine.Decision.MATCH, id.decision(), mode + ": " + id.reason());
                assertEquals(ana.id(), id.match().personId());
            }

            BgrImage stranger = ImageDecoder.read(TestModels.sample("spoof_replay_F2.jpg"));
            FaceEngine.Identification attack = engine.identify(stranger, SearchMode.FAST, LivenessProfile.WORK_HOURS, FaceEngine.DEFAULT_MATCH_THRESHOLD);
            assertEquals(FaceEngine.Decision.LIVENESS_FAILED, attack.decision());
            assertNull(attack.match());

            // A second person enrolling with a photo of the first is flagged as a lookalike.
            Person other = persons.create(Person.newPerson("EMP002", "Someone Else", "HQ"), "test");
            assertFalse(engine.prepareTemplate(probe, FaceQuality.Rules.LIVE_CAPTURE, other.id()).lookalikes().isEmpty());

            // The gallery reloaded from the encrypted database finds the same person.
            try (FaceEngine reloaded = FaceEngine.load(ModelResolver.fromEnvironment(), db, null)) {
                assertEquals(1, reloaded.gallery().size());

                // Another process (the kiosk) learns of a deactivation, a new template and an activation by syncing.
                persons.deactivate(ana.id(), "test");
                engine.forgetPerson(ana.id());
                assertEquals(FaceEngine.Decision.NO_MATCH, identify(engine, probe));
                assertEquals(new FaceEngine.GallerySync(0, 1), reloaded.syncGallery());
                assertEquals(0, reloaded.gallery().size());
                assertEquals(0, engine.rememberPerson(ana.id()), "an inactive person stays out of the gallery");

                // Activation puts the stored templates back into the running gallery: recognised again at once.
                persons.activate(ana.id(), "test");
                assertEquals(1, engine.rememberPerson(ana.id()));
                assertEquals(1, engine.rememberPerson(ana.id()), "idempotent: no template twice");
                assertEquals(FaceEngine.Decision.MATCH, identify(engine, probe));
                engine.saveTemplate(ana.id(), engine.prepareTemplate(probe, FaceQuality.Rules.LIVE_CAPTURE, ana.id()),
                        TemplateSource.LIVE, "test");
                assertEquals(2, engine.gallery().size());
                assertEquals(new FaceEngine.GallerySync(2, 0), reloaded.syncGallery());
                assertEquals(new FaceEngine.GallerySync(0, 0), reloaded.syncGallery());
                assertEquals(FaceEngine.Decision.MATCH, identify(reloaded, probe));

                // Erasure deletes the templates: a sync and a remember both leave the person out.
                persons.erase(ana.id(), "test");
                assertEquals(0, engine.rememberPerson(ana.id()));
                assertEquals(new FaceEngine.GallerySync(0, 2), reloaded.syncGallery());
                assertEquals(FaceEngine.Decision.NO_MATCH, identify(reloaded, probe));
            }
        }
    }

    private static FaceEngine.Decision identify(FaceEngine engine, BgrImage probe) {
        return engine.identify(probe, SearchMode.FAST, LivenessProfile.WORK_HOURS, FaceEngine.DEFAULT_MATCH_THRESHOLD).decision();
    }

    @Test
    void refusedEnrolmentSaysWhy() throws Exception {
        FaceEngine engine = TestEngine.modelsOnly();
        EnrolmentException e = assertThrows(EnrolmentException.class,
                () -> engine.prepareTemplate(BgrImage.filled(400, 400, 128, 128, 128), FaceQuality.Rules.TRUSTED_PHOTO, 0));
        assertEquals(QualityIssue.NO_FACE, e.problems().get(0).issue());
        assertEquals("No face was found in the image.", e.getMessage());
    }

    /** Separable box blur of radius r (three passes approximate optical defocus). */
    private static BgrImage boxBlur(BgrImage img, int r) {
        int w = img.width(), h = img.height();
        byte[] src = img.data(), tmp = new byte[src.length], out = new byte[src.length];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) for (int c = 0; c < 3; c++) {
            int s = 0, n = 0;
            for (int dx = -r; dx <= r; dx++) { int xx = x + dx; if (xx >= 0 && xx < w) { s += src[(y * w + xx) * 3 + c] & 0xFF; n++; } }
            tmp[(y * w + x) * 3 + c] = (byte) (s / n);
        }
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) for (int c = 0; c < 3; c++) {
            int s = 0, n = 0;
            for (int dy = -r; dy <= r; dy++) { int yy = y + dy; if (yy >= 0 && yy < h) { s += tmp[(yy * w + x) * 3 + c] & 0xFF; n++; } }
            out[(y * w + x) * 3 + c] = (byte) (s / n);
        }
        return new BgrImage(w, h, out);
    }

    private static BgrImage darken(BgrImage img, double f) {
        byte[] d = img.data().clone();
        for (int i = 0; i < d.length; i++) d[i] = (byte) Math.round((d[i] & 0xFF) * f);
        return new BgrImage(img.width(), img.height(), d);
    }

    private static double meanLiveness(FaceEngine engine, String folder, String subject) throws Exception {
        List<Path> files = subjectFiles(folder, subject);
        double sum = 0;
        int n = 0;
        for (Path p : files.subList(0, Math.min(8, files.size()))) {
            BgrImage img = ImageDecoder.read(p);
            LivenessResult r = engine.passiveLiveness(img, engine.detect(img), LivenessProfile.WORK_HOURS);
            if (r.outcome() != Outcome.ERROR) { sum += r.score(); n++; }
        }
        assertTrue(n >= 4, "too few faces found in " + folder);
        return sum / n;
    }

    /** Files of one subject, read from the data manifest (path,split,label,...,subject is column 9). */
    static List<Path> subjectFiles(String folder, String subject) throws Exception {
        Path data = TestModels.data();
        try (Stream<String> lines = Files.lines(data.resolve("manifest.csv"))) {
            return lines.filter(l -> l.startsWith(folder + "/") && l.contains("," + subject + ","))
                    .map(l -> data.resolve(l.substring(0, l.indexOf(','))))
                    .sorted().toList();
        }
    }
}
