package com.clockface.liveness;

import com.clockface.checkin.FaceEngine;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ModelResolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Per-frame cost of passive liveness, detection excluded: the plain MiniFASNet pair against the
 * shipped scorer. Not a test (timing on a shared machine is noise for a pass/fail).
 * Run: mvn -q test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.clockface.liveness.PassiveLivenessBenchmark   (env as in the pom's surefire config)
 */
public final class PassiveLivenessBenchmark {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("clockface.data", "../shared/data"));
        List<Path> files;
        try (Stream<Path> s = Files.list(data.resolve("spoof/live"))) {
            files = s.sorted().limit(20).toList();
        }
        try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment())) {
            PassiveLivenessScorer plain = new PassiveLivenessScorer(engine.passive(), null);
            PassiveLivenessScorer full = engine.scorer();
            BgrImage[] images = new BgrImage[files.size()];
            Face[] faces = new Face[files.size()];
            int n = 0;
            for (Path f : files) {
                BgrImage img = ImageDecoder.read(f);
                List<Face> found = engine.detect(img);
                if (found.isEmpty()) continue;
                images[n] = img;
                faces[n++] = FaceQuality.largest(found);
            }
            int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
            for (int round = 0; round < 2; round++) { // round 0 is the warm-up
                double[] tp = new double[runs], tf = new double[runs];
                for (int i = 0; i < runs; i++) {
                    int k = i % n;
                    long t0 = System.nanoTime();
                    plain.score(images[k], faces[k]);
                    long t1 = System.nanoTime();
                    full.score(images[k], faces[k]);
                    long t2 = System.nanoTime();
                    tp[i] = (t1 - t0) / 1e6;
                    tf[i] = (t2 - t1) / 1e6;
                }
                if (round == 1) {
                    System.out.printf("passive liveness per face, median of %d runs on %d NUAA frames (%d cores):%n", runs, n,
                            Runtime.getRuntime().availableProcessors());
                    System.out.printf("  plain pair (V2 2.7 + V1SE 4.0): %.2f ms%n", median(tp));
                    System.out.printf("  shipped scorer %s: %.2f ms%n", full.fusion() == null ? "(plain)" : full.fusion().features(), median(tf));
                }
            }
        }
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
