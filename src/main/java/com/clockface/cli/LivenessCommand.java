package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.Outcome;
import com.clockface.vision.BgrImage;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ImageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "liveness", mixinStandardHelpOptions = true,
        description = "Passive (single-image) liveness of the largest face in each image: score 0-1, outcome "
                + "SUCCESS/REVIEW/FAIL/ERROR under the profile. Exit code 0 when every image is SUCCESS.")
public final class LivenessCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Parameters(arity = "1..*", paramLabel = "IMAGE") List<Path> images;
    @Option(names = "--profile", defaultValue = "work-hours", description = "work-hours or high-security. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Override
    public Integer call() throws Exception {
        LivenessProfile p = LivenessProfile.named(profile);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean allPass = true;
        try (FaceEngine engine = common.loadModels()) {
            for (Path image : images) {
                LivenessResult r;
                try {
                    BgrImage img = ImageDecoder.read(image);
                    r = engine.passiveLiveness(img, engine.detect(img), p);
                } catch (ImageException e) {
                    r = LivenessResult.error(e.getMessage()); // one bad file does not stop the others
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("image", image.toString());
                row.put("score", r.score());
                row.put("outcome", r.outcome());
                row.put("signals", r.signals());
                if (r.reason() != null) row.put("reason", r.reason());
                rows.add(row);
                allPass &= r.outcome() == Outcome.SUCCESS;
                text.append(String.format("%s: %s %d/100%s%n", image.getFileName(), r.outcome(), r.percent(),
                        r.reason() == null ? "" : " - " + r.reason()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profile", p.name());
        out.put("results", rows);
        common.print(out, text.toString().stripTrailing());
        return allPass ? 0 : 1;
    }
}
