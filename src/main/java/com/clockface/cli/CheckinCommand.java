package com.clockface.cli;

import com.clockface.camera.FrameSource;
import com.clockface.camera.ImageFolderSource;
import com.clockface.camera.VideoFileSource;
import com.clockface.checkin.CheckinResult;
import com.clockface.checkin.CheckinService;
import com.clockface.checkin.CheckinSession;
import com.clockface.checkin.FaceEngine;
import com.clockface.checkin.HeadlessCheckin;
import com.clockface.checkin.SessionCapsule;
import com.clockface.checkin.SessionSettings;
import com.clockface.liveness.flash.ColourTimeline;
import com.clockface.liveness.flash.FlashMode;
import com.clockface.store.AppHome;
import com.clockface.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code clockface checkin --video FILE | --frames DIR}: one whole check-in, headless, through the kiosk's own
 * session code, against the home's gallery and database (a punch is really recorded).
 */
@Command(name = "checkin", mixinStandardHelpOptions = true,
        description = "Run a whole check-in from a recording (video file or image folder) as the kiosk would: guidance, "
                + "capture, fused liveness, identification, punch. A recording cannot react to the flash, so it runs in "
                + "EXPRESS mode unless --timeline gives the colours that were shown while it was recorded. "
                + "Exit code 0 for a punch (IN/OUT/ALREADY_PUNCHED), 1 for any other decision.")
public final class CheckinCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    static final class Input {
        @Option(names = "--video", paramLabel = "FILE", required = true, description = "A video file (MP4, WebM, ...).") Path video;
        @Option(names = "--frames", paramLabel = "DIR", required = true, description = "A folder of images, played in name order.") Path frames;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Input input;

    @Option(names = "--timeline", paramLabel = "FILE", description = "Colour timeline JSON shown while the recording was made (times on the recording's clock).")
    Path timeline;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "30", description = "Frame rate of a --frames folder (it has no timestamps). Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Use at most the first S seconds of the recording.")
    Double maxSeconds;

    @Option(names = "--express", description = "Passive checks only (the default without --timeline).")
    boolean express;

    @Option(names = "--capsule", paramLabel = "OUT.zip", description = "Save the session as a capsule (frames, timeline, verdict).")
    Path capsule;

    @Override
    public Integer call() throws Exception {
        if (timeline != null && express) throw new IllegalArgumentException("--express and --timeline contradict each other: choose one.");
        SessionSettings session = SessionSettings.defaults().withFlashMode(FlashMode.EXPRESS);
        if (timeline != null) session = session.withFixedTimeline(ColourTimeline.read(timeline));
        AppHome home = common.appHome();
        Database db = Database.open(home);
        try (FaceEngine engine = common.loadEngine(db);
             FrameSource source = input.video != null ? new VideoFileSource(input.video) : new ImageFolderSource(input.frames, fps)) {
            CheckinService service = CheckinService.fromDatabase(engine, db, home.capsules());
            CheckinSession s = service.newSession(source.info(), session);
            CheckinResult r = HeadlessCheckin.run(source, s,
                    maxSeconds == null ? null : java.time.Duration.ofMillis(Math.round(maxSeconds * 1000)));
            CheckinService.Analysis a = service.lastAnalysis();
            if (capsule != null && a != null) SessionCapsule.write(capsule, a.capture(), r, service.settings(), a.assessment());
            Map<String, Object> json = SessionCapsule.verdictJson(r, a == null ? null : a.capture(), a == null ? null : a.assessment());
            common.print(json, String.format("%s: %s%nliveness %d/100 (%s)%nmatch: %s", r.decision(), r.message(),
                    r.liveness().percent(), r.liveness().outcome(),
                    r.match() == null ? "nobody" : String.format("%s %s (score %.3f)", r.match().employeeNo(), r.match().name(), r.match().score())));
            return r.decision().punched() || r.decision() == com.clockface.checkin.Decision.ALREADY_PUNCHED ? 0 : 1;
        }
    }
}
