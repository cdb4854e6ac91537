package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Gallery;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ImageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "1:1 comparison of the largest face in two images. Exit code 0 when they are the same person.")
public final class CompareCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Parameters(index = "0", paramLabel = "IMAGE") Path first;
    @Parameters(index = "1", paramLabel = "IMAGE") Path second;
    @Option(names = "--min-score", description = "Same-person threshold (cosine). Default: " + FaceEngine.DEFAULT_MATCH_THRESHOLD)
    Double minScore;

    @Override
    public Integer call() throws Exception {
        double threshold = minScore == null ? FaceEngine.DEFAULT_MATCH_THRESHOLD : minScore;
        try (FaceEngine engine = common.loadModels()) {
            float[] a = embedLargest(engine, first), b = embedLargest(engine, second);
            double score = Gallery.compare(a, b);
            boolean same = score >= threshold;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("score", score);
            out.put("min_score", threshold);
            out.put("same_person", same);
            common.print(out, String.format("score %.3f: %s", score, same ? "same person" : "different people"));
            return same ? 0 : 1;
        }
    }

    private static float[] embedLargest(FaceEngine engine, Path file) throws ImageException {
        BgrImage img = ImageDecoder.read(file);
        List<Face> faces = engine.detect(img);
        if (faces.isEmpty()) throw new ImageException("No face was found in " + file.getFileName() + ".");
        return engine.embed(img, FaceQuality.largest(faces));
    }
}
