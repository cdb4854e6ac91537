package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Gallery;
import com.clockface.gallery.SearchMode;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ModelResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Per-call speed of each model on this machine: median and 90th percentile of many runs after warm-up.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "A photo with one face (default: a 640x480 crop of a sample in the model mirror).")
    Path image;
    @Option(names = "--runs", defaultValue = "50", description = "Timed runs per model. Default: ${DEFAULT-VALUE}.") int runs;
    @Option(names = "--gallery", defaultValue = "10000", description = "Templates in the synthetic gallery for the search timing. Default: ${DEFAULT-VALUE}.")
    int gallerySize;

    @Override
    public Integer call() throws Exception {
        BgrImage img = image != null ? ImageDecoder.read(image) : defaultFrame();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("image", img.width() + "x" + img.height());
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        try (FaceEngine engine = common.loadModels()) {
            Face face = engine.detect(img).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No face in the benchmark image."));
            out.put("detect_yunet_ms", time(() -> engine.detect(img)));
            out.put("align_ms", time(() -> engine.embedder().align(img, face)));
            out.put("embed_" + engine.modelId() + "_ms", time(() -> engine.embed(img, face)));
            out.put("passive_liveness_pair_ms", time(() -> engine.passive().score(img, face)));
            out.put("passive_liveness_shipped_scorer_ms", time(() -> engine.scorer().score(img, face)));
            Gallery g = new Gallery(engine.modelId(), engine.embedder().dimension());
            Random rnd = new Random(1);
            for (int i = 0; i < gallerySize; i++) {
                float[] v = new float[g.dim()];
                for (int j = 0; j < v.length; j++) v[j] = (float) rnd.nextGaussian();
                g.add(i / 2, i, v);
            }
            float[] probe = engine.embed(img, face);
            out.put("search_fast_" + gallerySize + "_templates_ms", time(() -> g.search(probe, null, SearchMode.FAST, 5)));
        }
        StringBuilder text = new StringBuilder();
        out.forEach((k, v) -> text.append(String.format("%-40s %s%n", k, v)));
        common.print(out, text.toString().stripTrailing());
        return 0;
    }

    private Map<String, Double> time(Runnable r) {
        for (int i = 0; i < 10; i++) r.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("median", Math.round(ms[runs / 2] * 100) / 100.0);
        m.put("p90", Math.round(ms[(int) (runs * 0.9)] * 100) / 100.0);
        return m;
    }

    private static BgrImage defaultFrame() throws Exception {
        String mirror = System.getenv(ModelResolver.ENV_MIRROR);
        Path sample = Path.of(mirror == null ? "../shared/models" : mirror, "samples", "obama.jpg");
        BgrImage full = ImageDecoder.read(sample);
        return full.crop(0, 0, full.width(), full.width() * 3 / 4).resize(640, 480);
    }
}
