package com.clockface.cli;

import com.clockface.vision.TestModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The engine's commands end to end: real models, a real database in a temp home, JSON output. */
class EngineCommandsTest {

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception { return new ObjectMapper().readTree(out); }
    }

    static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void enrolIdentifyListAndEraseAPerson(@TempDir Path home) throws Exception {
        String h = home.toString();
        Run noConsent = run("enroll", "--home", h, "--json", "--id", "EMP001", "--name", "Barack Obama",
                TestModels.sample("obama.jpg").toString());
        assertEquals(2, noConsent.exit());
        assertTrue(noConsent.err().contains("--consent"), noConsent.err());
        Run enrol = run("enroll", "--home", h, "--json", "--id", "EMP001", "--name", "Barack Obama", "--collection", "HQ",
                "--consent", "--actor", "maria", TestModels.sample("obama.jpg").toString());
        assertEquals(0, enrol.exit(), enrol.err() + enrol.out());
        assertTrue(enrol.json().get("enrolled").asBoolean());

        Run id = run("identify", "--home", h, "--json", "--mode", "ACCURATE", TestModels.sample("obama2.jpg").toString());
        assertEquals(0, id.exit(), id.out());
        JsonNode j = id.json();
        assertEquals("MATCH", j.get("decision").asText());
        assertEquals("EMP001", j.get("match").get("person").asText());
        assertTrue(j.get("match").get("score").asDouble() >= 0.5);
        assertEquals("SUCCESS", j.get("liveness").get("outcome").asText());
        assertTrue(j.get("liveness").get("score").asDouble() > 0.75);

        Run attack = run("identify", "--home", h, "--json", TestModels.sample("spoof_replay_F2.jpg").toString());
        assertEquals(1, attack.exit());
        assertEquals("LIVENESS_FAILED", attack.json().get("decision").asText());
        assertTrue(attack.json().get("match").isNull());

        Run list = run("persons", "list", "--home", h, "--json");
        assertEquals("EMP001", list.json().get(0).get("employee_no").asText());
        assertFalse(list.json().get(0).get("consent_at").isNull(), "consent recorded");
        Run show = run("persons", "show", "--home", h, "--json", "EMP001");
        assertEquals(1, show.json().get("templates").size());

        Run erase = run("persons", "delete", "--home", h, "--json", "EMP001");
        assertEquals(0, erase.exit(), erase.err());
        assertEquals(1, erase.json().get("templates_deleted").asInt());
        Run after = run("identify", "--home", h, "--json", TestModels.sample("obama2.jpg").toString());
        assertEquals("NO_MATCH", after.json().get("decision").asText());
    }

    @Test
    void liveEnrolmentFromARecordingEnrolsTheLivePersonAndRefusesTheReplay(@TempDir Path home) throws Exception {
        String h = home.toString();
        Path videos = TestModels.data().resolve("videos");
        Run replay = run("enroll", "--home", h, "--json", "--live", "--camera", "file:" + videos.resolve("replay/00002.webm"),
                "--max-seconds", "6", "--id", "EMP701", "--name", "Replay Attack", "--consent");
        assertEquals(1, replay.exit(), replay.err());
        assertEquals("LIVENESS_FAILED", replay.json().get("refusal").asText());
        assertEquals("FAIL", replay.json().get("liveness").get("outcome").asText());
        assertFalse(replay.json().get("enrolled").asBoolean());
        assertEquals(0, run("persons", "list", "--home", h, "--json").json().size(), "a refusal creates nobody");

        Run live = run("enroll", "--home", h, "--json", "--live", "--camera", "file:" + videos.resolve("live/00002.webm"),
                "--id", "EMP700", "--name", "Apfol Live", "--consent");
        assertEquals(0, live.exit(), live.err() + live.out());
        JsonNode j = live.json();
        assertTrue(j.get("enrolled").asBoolean());
        assertEquals("high-security", j.get("liveness").get("profile").asText());
        assertTrue(j.get("liveness").get("score").asDouble() >= 0.9);
        assertTrue(j.get("frames").size() >= 3, j.toString());
        assertTrue(j.get("yaw_spread").asDouble() >= 0.08);
        Run show = run("persons", "show", "--home", h, "--json", "EMP700");
        assertEquals(j.get("frames").size(), show.json().get("templates").size());
        assertEquals("LIVE", show.json().get("templates").get(0).get("source").asText());

        Run both = run("enroll", "--home", h, "--live", "--id", "EMP700", TestModels.sample("obama.jpg").toString());
        assertEquals(2, both.exit());
    }

    @Test
    void theKiosksCapsulesAreEncryptedAndAnalyzeOpensThemWithTheHomesKey(@TempDir Path home, @TempDir Path out) throws Exception {
        String h = home.toString();
        assertEquals(0, run("settings", "set", "capsule.save", "ALL", "--home", h).exit());
        Path plain = out.resolve("bug-report.zip");
        Run checkin = run("checkin", "--home", h, "--json", "--video", TestModels.data().resolve("videos/live/00002.webm").toString(),
                "--capsule", plain.toString());
        assertEquals(1, checkin.exit(), "nobody is enrolled: " + checkin.out());
        Path sealed;
        try (var files = Files.list(home.resolve("capsules"))) {
            sealed = files.filter(p -> p.toString().endsWith(".capsule")).findFirst().orElseThrow();
        }
        Run noKey = run("analyze", "--json", sealed.toString());
        assertEquals(2, noKey.exit());
        assertTrue(noKey.err().contains("encrypted") && noKey.err().contains("--home"), noKey.err());
        Run withKey = run("analyze", "--json", "--home", h, sealed.toString());
        assertEquals(0, withKey.exit(), withKey.err() + withKey.out());
        assertTrue(withKey.json().get("agrees").asBoolean());
        Run export = run("analyze", "--json", plain.toString());
        assertEquals(0, export.exit(), "an explicit export stays a plain zip for bug reports: " + export.err());
    }

    @Test
    void aRefusedPhotoSavesNothingAndSaysWhy(@TempDir Path home, @TempDir Path files) throws Exception {
        Path tiny = files.resolve("small.jpg");
        javax.imageio.ImageIO.write(com.clockface.vision.ImageDecoder.read(TestModels.sample("obama.jpg")).resize(300, 375)
                .toBufferedImage(), "jpg", tiny.toFile());
        Run r = run("enroll", "--home", home.toString(), "--json", "--id", "EMP009", "--name", "Too Small", "--consent", tiny.toString());
        assertEquals(1, r.exit());
        JsonNode row = r.json().get("images").get(0);
        assertEquals("EYES_TOO_CLOSE", row.get("reason").asText());
        assertTrue(row.get("message").asText().contains("85"));
        assertEquals(0, run("persons", "list", "--home", home.toString(), "--json").json().size());

        Path text = Files.writeString(files.resolve("photo.png"), "not a picture");
        Run bad = run("enroll", "--home", home.toString(), "--json", "--id", "EMP010", "--name", "X", "--consent", text.toString());
        assertEquals("UNSUPPORTED_FORMAT", bad.json().get("images").get(0).get("reason").asText());
    }

    @Test
    void compareAndLivenessCommands() throws Exception {
        Run same = run("compare", "--json", TestModels.sample("obama.jpg").toString(), TestModels.sample("obama2.jpg").toString());
        assertEquals(0, same.exit());
        assertTrue(same.json().get("same_person").asBoolean());
        Run diff = run("compare", "--json", TestModels.sample("obama.jpg").toString(), TestModels.sample("spoof_replay_F2.jpg").toString());
        assertEquals(1, diff.exit());

        Run live = run("liveness", "--json", TestModels.sample("obama.jpg").toString(), TestModels.sample("spoof_replay_F2.jpg").toString());
        JsonNode results = live.json().get("results");
        assertEquals("SUCCESS", results.get(0).get("outcome").asText());
        assertEquals("FAIL", results.get(1).get("outcome").asText());
        assertEquals(1, live.exit());
    }

    @Test
    void badInputEndsWithASentenceAndExitCode2(@TempDir Path dir) throws Exception {
        Path corrupt = Files.write(dir.resolve("broken.jpg"), Arrays.copyOf(Files.readAllBytes(TestModels.sample("obama.jpg")), 500));
        Run r = run("compare", corrupt.toString(), TestModels.sample("obama.jpg").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("corrupt"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());

        Run noFace = run("compare", TestModels.sample("obama.jpg").toString(), writeBlank(dir).toString());
        assertEquals(2, noFace.exit());
        assertTrue(noFace.err().contains("No face"), noFace.err());
    }

    private static Path writeBlank(Path dir) throws Exception {
        Path p = dir.resolve("wall.png");
        javax.imageio.ImageIO.write(com.clockface.vision.BgrImage.filled(320, 240, 180, 180, 180).toBufferedImage(), "png", p.toFile());
        return p;
    }
}
