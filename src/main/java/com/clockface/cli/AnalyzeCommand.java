package com.clockface.cli;

import com.clockface.checkin.SessionCapsule;
import com.clockface.liveness.PadFusion;
import com.clockface.liveness.PassiveLiveness;
import com.clockface.liveness.PassiveLivenessScorer;
import com.clockface.vision.ModelResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code clockface analyze CAPSULE}: recompute a session's liveness verdict from its capsule alone. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Recompute the liveness verdict of a session capsule from the capsule alone (its frames, faces, colour "
                + "timeline and the settings stored in it) and compare it with the recorded verdict. A kiosk's own capsules are "
                + "encrypted with its data folder's key: give --home. Exit code 0 when they agree, 1 when they do not.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Parameters(index = "0", paramLabel = "CAPSULE") Path capsule;

    @Override
    public Integer call() throws Exception {
        com.clockface.store.Crypto key = null;
        if (java.nio.file.Files.isRegularFile(capsule) && SessionCapsule.isSealed(capsule)) {
            Path keyFile = com.clockface.store.AppHome.resolve(common.home).keyFile();
            if (!java.nio.file.Files.isRegularFile(keyFile)) {
                throw new IllegalArgumentException("The capsule " + capsule + " is encrypted with a kiosk's key: give that kiosk's "
                        + "data folder with --home DIR (there is no key file at " + keyFile + ").");
            }
            key = com.clockface.store.KeyFile.load(keyFile);
        }
        SessionCapsule.Contents c = SessionCapsule.read(capsule, key);
        ModelResolver models = ModelResolver.fromEnvironment();
        SessionCapsule.Reanalysis r;
        try (PassiveLiveness passive = new PassiveLiveness(models.resolve("minifasnet-v2-80"), models.resolve("minifasnet-v1se-80"))) {
            r = SessionCapsule.analyze(c, new PassiveLivenessScorer(passive, PadFusion.shipped()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agrees", r.agrees());
        out.put("recorded", r.recorded());
        Map<String, Object> live = new LinkedHashMap<>();
        live.put("score", r.recomputed().score());
        live.put("outcome", r.recomputed().outcome().name());
        live.put("signals", r.recomputed().signals());
        out.put("recomputed", Map.of("liveness", live));
        out.put("frames", c.capture().frames().size());
        common.print(com.clockface.checkin.SessionCapsule.jsonSafe(out), String.format(
                "recorded:   %s, liveness %.3f (%s)%nrecomputed: liveness %.3f (%s)%n%s",
                r.recorded().path("decision").asText(), r.recordedScore(), r.recordedOutcome(),
                r.recomputed().score(), r.recomputed().outcome(), r.agrees() ? "AGREES" : "DIFFERS"));
        return r.agrees() ? 0 : 1;
    }
}
