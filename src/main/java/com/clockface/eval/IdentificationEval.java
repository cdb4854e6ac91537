package com.clockface.eval;

import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Candidate;
import com.clockface.gallery.Gallery;
import com.clockface.gallery.SearchMode;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ImageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 1:N identification on a folder of identities (one sub-folder each). Protocol: identities sorted
 * by name, every fifth one (20 %, deterministic) is left un-enrolled and only probes; the others
 * enrol their first image (sorted by file name) and probe with the rest. Reports closed-set rank-1,
 * open-set FNIR at FPIR 1 %, and 1:1 verification rates over all probe-template pairs.
 */
public final class IdentificationEval {

    /** Every n-th identity (sorted) stays out of the gallery as a source of non-mated probes. */
    static final int UNENROLLED_EVERY = 5;

    private final FaceEngine engine;
    private final SearchMode mode;

    public IdentificationEval(FaceEngine engine, SearchMode mode) {
        this.engine = engine;
        this.mode = mode;
    }

    /** Scores kept for the report's histograms and DET curve. */
    public record Scores(double[] genuine, double[] impostor, double[] matedTop, double[] nonMatedTop) { }

    public record Result(Map<String, Object> summary, Scores scores) { }

    public Result run(Path dir) throws IOException {
        List<Path> identities;
        try (Stream<Path> s = Files.list(dir)) {
            identities = s.filter(Files::isDirectory).sorted().toList();
        }
        if (identities.isEmpty()) throw new IllegalArgumentException(dir + " holds no identity sub-folders.");
        Gallery gallery = new Gallery(engine.modelId(), engine.embedder().dimension());
        List<Probe> probes = new ArrayList<>();
        int fta = 0, enrolled = 0, enrolFailures = 0;
        for (int i = 0; i < identities.size(); i++) {
            List<Path> images = imagesOf(identities.get(i));
            if (images.isEmpty()) continue;
            boolean enrol = (i % UNENROLLED_EVERY) != UNENROLLED_EVERY - 1;
            int first = 0;
            if (enrol) {
                float[] e = embed(images.get(0));
                if (e == null) {
                    enrolFailures++;
                    enrol = false; // an identity that could not enrol only contributes non-mated probes
                } else {
                    gallery.add(i, i, e);
                    enrolled++;
                }
                first = 1;
            }
            for (Path p : images.subList(first, images.size())) {
                float[] e = embed(p);
                float[] m = e != null && mode == SearchMode.ACCURATE ? embedMirroredOf(p) : null;
                if (e == null) fta++;
                probes.add(new Probe(i, enrol, e, m));
            }
        }
        return score(identities.size(), enrolled, enrolFailures, fta, gallery, probes);
    }

    private record Probe(long identity, boolean mated, float[] embedding, float[] mirrored) { }

    private Result score(int identities, int enrolled, int enrolFailures, int fta, Gallery gallery, List<Probe> probes) {
        List<Double> genuine = new ArrayList<>(), impostor = new ArrayList<>(), matedTop = new ArrayList<>(), nonMatedTop = new ArrayList<>();
        int mated = 0, nonMated = 0, rank1 = 0;
        List<double[]> matedRank = new ArrayList<>(); // {score of the correct identity if it is rank 1 else -inf}
        for (Probe p : probes) {
            if (p.mated) mated++; else nonMated++;
            if (p.embedding == null) {
                if (p.mated) matedRank.add(new double[] {Double.NEGATIVE_INFINITY});
                else nonMatedTop.add(Double.NEGATIVE_INFINITY); // FTA never produces a false positive
                continue;
            }
            List<Candidate> all = gallery.search(p.embedding, p.mirrored, mode, gallery.personCount());
            for (Candidate c : all) {
                if (c.personId() == p.identity) genuine.add(c.score()); else impostor.add(c.score());
            }
            Candidate top = all.get(0);
            if (p.mated) {
                boolean hit = top.personId() == p.identity;
                if (hit) rank1++;
                matedTop.add(top.score());
                matedRank.add(new double[] {hit ? top.score() : Double.NEGATIVE_INFINITY});
            } else {
                nonMatedTop.add(top.score());
            }
        }
        double[] g = toArray(genuine), im = toArray(impostor), nm = toArray(nonMatedTop);
        double[] mr = matedRank.stream().mapToDouble(a -> a[0]).toArray();
        double t1e3 = ErrorRates.thresholdAtFalseRate(im, 1e-3), t1e4 = ErrorRates.thresholdAtFalseRate(im, 1e-4);
        double tFpir = ErrorRates.thresholdAtFalseRate(nm, 0.01);
        ErrorRates.Eer eer = ErrorRates.eer(g, im);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", engine.modelId());
        s.put("mode", mode);
        s.put("identities", identities);
        s.put("enrolled", enrolled);
        s.put("enrolment_failures", enrolFailures);
        s.put("probes", probes.size());
        s.put("mated_probes", mated);
        s.put("non_mated_probes", nonMated);
        s.put("failures_to_acquire", fta);
        s.put("rank1", mated == 0 ? null : (double) rank1 / mated);
        s.put("tar_at_far_1e-3", ErrorRates.rateAtOrAbove(g, t1e3));
        s.put("threshold_at_far_1e-3", t1e3);
        s.put("tar_at_far_1e-4", ErrorRates.rateAtOrAbove(g, t1e4));
        s.put("threshold_at_far_1e-4", t1e4);
        s.put("fnir_at_fpir_0.01", 1 - ErrorRates.rateAtOrAbove(mr, tFpir));
        s.put("threshold_at_fpir_0.01", tFpir);
        s.put("eer", eer.rate());
        s.put("threshold_at_eer", eer.threshold());
        s.put("genuine_pairs", g.length);
        s.put("impostor_pairs", im.length);
        s.put("note", "rank1 and fnir count failures to acquire as misses; verification rates use probe-vs-person scores");
        return new Result(s, new Scores(g, im, toArray(matedTop), nm));
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<Path> imagesOf(Path identity) throws IOException {
        try (Stream<Path> s = Files.list(identity)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png|bmp|jp2)$"))
                    .sorted().toList();
        }
    }

    private float[] embed(Path file) {
        Located l = locate(file);
        return l == null ? null : engine.embed(l.image, l.face);
    }

    private float[] embedMirroredOf(Path file) {
        Located l = locate(file);
        return l == null ? null : engine.embedMirrored(l.image, l.face);
    }

    private record Located(BgrImage image, Face face) { }

    /**
     * The subject's face: the most central of the large faces (web photos often show other people
     * at the border). Tightly cropped faces are padded by edge replication and detected again.
     */
    private Located locate(Path file) {
        BgrImage img;
        try {
            img = ImageDecoder.read(file);
        } catch (ImageException e) {
            return null;
        }
        Face f = central(img, engine.detect(img));
        if (f != null) return new Located(img, f);
        BgrImage padded = Padding.replicate(img, Math.max(img.width(), img.height()) / 2);
        f = central(padded, engine.detect(padded));
        return f == null ? null : new Located(padded, f);
    }

    static Face central(BgrImage img, List<Face> faces) {
        if (faces.isEmpty()) return null;
        double maxArea = faces.stream().mapToDouble(f -> f.width() * f.height()).max().orElse(0);
        Face best = null;
        double bestDist = Double.MAX_VALUE;
        for (Face f : faces) {
            if (f.width() * f.height() < 0.3 * maxArea) continue;
            double d = Math.hypot(f.centerX() - img.width() / 2.0, f.centerY() - img.height() / 2.0);
            if (d < bestDist) { bestDist = d; best = f; }
        }
        return best;
    }

    /** Used by tests: the deterministic enrolment split. */
    static boolean enrolled(int sortedIndex) {
        return (sortedIndex % UNENROLLED_EVERY) != UNENROLLED_EVERY - 1;
    }

    @SuppressWarnings("unused")
    private static String describe(double[] a) { return Arrays.toString(a); }
}
