package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.eval.PadDataset;
import com.clockface.eval.PadMetrics;
import com.clockface.eval.PadReport;
import com.clockface.eval.ErrorRates;
import com.clockface.liveness.PadFusion;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.PassiveLivenessScorer;
import com.clockface.vision.ModelResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * {@code clockface eval pad DIR}: presentation-attack detection figures on a labelled folder
 * ({@code live/} + one folder per attack species). Tight face crops are padded by border
 * replication before detection. {@code --by-source} runs the leave-one-source-out protocol:
 * the fusion is fitted on every other source and tested on the one left out.
 */
@Command(name = "pad", mixinStandardHelpOptions = true,
        description = "Evaluate passive liveness (PAD) on DIR: live/ plus one folder per attack species.")
public final class EvalPadCommand implements Callable<Integer> {

    public enum Scorer { plain, fused }

    @Parameters(paramLabel = "DIR", description = "Folder with live/ and attack species folders (print/, replay/, ...).")
    Path dir;

    @Option(names = "--profile", defaultValue = "work-hours", description = "Threshold profile: work-hours or high-security.")
    String profile;

    @Option(names = "--scorer", defaultValue = "fused",
            description = "plain = mean of the MiniFASNet pair as published; fused = the shipped fusion (default) or --fusion FILE.")
    Scorer scorer;

    @Option(names = "--fusion", paramLabel = "FILE", description = "Fusion coefficients to use instead of the shipped ones.")
    Path fusionFile;

    @Option(names = "--by-source", paramLabel = "MANIFEST",
            description = "Data manifest (path, subject columns): leave-one-source-out protocol and subject-level figures.")
    Path manifest;

    @Option(names = "--fit", paramLabel = "OUT.json", description = "Fit the fusion on all of DIR and write its coefficients.")
    Path fitOut;

    @Option(names = "--features", paramLabel = "CSV", description = "Cache of per-image features (read if present, written after computing).")
    Path cache;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report: score histograms, DET curve, reliability diagram.")
    Path report;

    @Option(names = "--padding", defaultValue = "BLACK",
            description = "How tight face crops are padded before scoring: BLACK (default) or REPLICATE (edge pixels repeated).")
    PadDataset.CropPadding padding;

    @Option(names = "--window", defaultValue = "7", paramLabel = "N",
            description = "With --by-source: also score runs of N consecutive frames of one recording as a check-in does "
                    + "(median of the best 3); default ${DEFAULT-VALUE}, the frames a check-in scores.")
    int window;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        LivenessProfile prof;
        try {
            prof = LivenessProfile.named(profile);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<PadDataset.Row> rows;
        Map<String, String[]> man = null;
        try {
            if (manifest != null) man = PadDataset.manifest(manifest);
            PadDataset.list(dir); // clear error before loading models
            try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment())) {
                rows = PadDataset.load(dir, engine, man, padding, cache, err);
            }
        } catch (IOException e) {
            err.println("eval pad: " + e.getMessage());
            return 2;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dir", dir.toString());
        result.put("profile", prof.name());
        result.put("scorer", scorer.name());
        result.put("padding", "tight crops (no face, or face wider than half the image) padded by half their size per side, "
                + (padding == PadDataset.CropPadding.BLACK ? "black" : "border replication"));

        if (fitOut != null) {
            PadFusion f = fit(rows, PassiveLivenessScorer.GATE_CUE, "fitted on " + dir.getFileName());
            f.write(fitOut);
            result.put("fit", Map.of("file", fitOut.toString(), "cue", f.cue(), "threshold", f.threshold(), "slope", f.slope()));
        }

        PadFusion fusion = scorer == Scorer.fused
                ? (fusionFile != null ? PadFusion.read(fusionFile) : PadFusion.shipped()) : null;
        ToDoubleFunction<Map<String, Double>> score = fusion == null ? PassiveLivenessScorer::plain : fusion::probability;
        List<PadMetrics.Scored> scored = score(rows, score);
        result.putAll(PadMetrics.summary(scored, prof.pass()));
        if (man != null) result.put("subject_level", PadMetrics.subjectLevel(scored));

        List<PadMetrics.Scored> oof = null;
        if (man != null) {
            Map<String, Object> bySource = new LinkedHashMap<>();
            oof = leaveOneSourceOut(rows, fusion);
            bySource.put("protocol", fusion != null && fusion.fitted()
                    ? "leave-one-source-out: fusion refitted on the other sources, scored on the left-out one"
                    : "per source; this scorer has no coefficients fitted on the data, so every source is unseen");
            bySource.put("pooled", PadMetrics.summary(oof, prof.pass()));
            bySource.put("subject_level", PadMetrics.subjectLevel(oof));
            bySource.put("sources", perSource(rows, oof, prof));
            if (window > 1) {
                List<PadMetrics.Scored> runs = PadMetrics.checkinWindows(oof, window);
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("protocol", "the same out-of-source scores, " + window + " consecutive frames of one recording per check-in, "
                        + "median of the best 3 (LivenessFusion.passive)");
                w.put("pooled", PadMetrics.summary(runs, prof.pass()));
                w.put("sources", perSource(rows, runs, prof));
                bySource.put("checkin_windows", w);
            }
            result.put("by_source", bySource);
        }
        if (report != null) {
            PadReport.write(report, result, oof != null ? oof : scored, prof);
            result.put("report", report.toString());
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            printHuman(result);
        }
        return 0;
    }

    /** Figures of each source on its own, with the bona fide rejection at the pass threshold and at 0.5. */
    static Map<String, Object> perSource(List<PadDataset.Row> rows, List<PadMetrics.Scored> scored, LivenessProfile prof) {
        Map<String, Object> perSource = new TreeMap<>();
        for (String src : new TreeSet<>(rows.stream().map(PadDataset.Row::source).toList())) {
            List<PadMetrics.Scored> part = scored.stream().filter(s -> s.row().source().equals(src)).toList();
            Map<String, Object> s = PadMetrics.summary(part, prof.pass());
            List<Double> live = PadMetrics.scores(part, PadDataset.LIVE);
            if (!live.isEmpty()) {
                s.put("bpcer", (double) live.stream().filter(d -> d < prof.pass()).count() / live.size());
                s.put("bpcer_at_0.5", (double) live.stream().filter(d -> d < 0.5).count() / live.size());
            }
            perSource.put(src, s);
        }
        return perSource;
    }

    static List<PadMetrics.Scored> score(List<PadDataset.Row> rows, ToDoubleFunction<Map<String, Double>> f) {
        List<PadMetrics.Scored> out = new ArrayList<>();
        for (PadDataset.Row r : rows) out.add(new PadMetrics.Scored(r, r.acquired() ? f.applyAsDouble(r.features()) : Double.NEGATIVE_INFINITY));
        return out;
    }

    /** Out-of-source scores: for each source, the fusion fitted on all the others (the plain pair needs no fit). */
    List<PadMetrics.Scored> leaveOneSourceOut(List<PadDataset.Row> rows, PadFusion shipped) {
        if (shipped == null) return score(rows, PassiveLivenessScorer::plain);
        if (!shipped.fitted()) return score(rows, shipped::probability); // set by hand: nothing tuned on any source
        List<PadMetrics.Scored> out = new ArrayList<>();
        for (String src : new TreeSet<>(rows.stream().map(PadDataset.Row::source).toList())) {
            List<PadDataset.Row> train = rows.stream().filter(r -> !r.source().equals(src)).toList();
            PadFusion f = fit(train, shipped.cue(), "without " + src);
            out.addAll(score(rows.stream().filter(r -> r.source().equals(src)).toList(), f::probability));
        }
        return out;
    }

    /** The gate's threshold from the live faces of {@code rows} (attacks are only counted). */
    static PadFusion fit(List<PadDataset.Row> rows, String cue, String description) {
        List<Double> live = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (PadDataset.Row r : rows) {
            if (!r.acquired()) continue;
            if (r.live()) live.add(r.features().get(cue));
            counts.merge(r.label(), 1, Integer::sum);
        }
        Map<String, Object> on = new LinkedHashMap<>();
        on.put("description", description);
        on.put("faces", counts);
        return PadFusion.fit(cue, live, "MiniFASNet pair times a gate on " + cue + " (eval pad --fit). See README, Passive liveness.", on);
    }

    @SuppressWarnings("unchecked")
    private void printHuman(Map<String, Object> r) {
        out.printf("PAD evaluation of %s (scorer %s, profile %s, pass %.2f; %s)%n", r.get("dir"), r.get("scorer"), r.get("profile"),
                r.get("pass_threshold"), r.get("padding"));
        out.printf("bona fide %s, attacks %s, failures to acquire %s%n", r.get("bona_fide"), r.get("attacks"), r.get("failures_to_acquire"));
        printFigures("all images", r);
        Map<String, Object> by = (Map<String, Object>) r.get("by_source");
        if (by != null) {
            out.println(by.get("protocol") + ":");
            printFigures("pooled out-of-source", (Map<String, Object>) by.get("pooled"));
            ((Map<String, Object>) by.get("sources")).forEach((src, v) -> printFigures("  " + src, (Map<String, Object>) v));
            Map<String, Object> w = (Map<String, Object>) by.get("checkin_windows");
            if (w != null) {
                out.println(w.get("protocol") + ":");
                printFigures("pooled check-ins", (Map<String, Object>) w.get("pooled"));
            }
        }
        if (r.containsKey("report")) out.println("report: " + r.get("report"));
    }

    @SuppressWarnings("unchecked")
    private void printFigures(String title, Map<String, Object> m) {
        StringBuilder s = new StringBuilder(title).append(':');
        if (m.get("eer") != null) s.append(String.format(java.util.Locale.ROOT, " EER %.3f", (Double) m.get("eer")));
        Map<String, Object> per = (Map<String, Object>) m.get("per_species");
        if (per != null) per.forEach((k, v) -> s.append(String.format(java.util.Locale.ROOT, ", %s EER %.3f", k, ((Map<String, Object>) v).get("eer"))));
        if (m.get("bpcer") != null) s.append(String.format(java.util.Locale.ROOT, ", BPCER %.3f", (Double) m.get("bpcer")));
        if (m.get("apcer") != null) s.append(", APCER ").append(m.get("apcer"));
        if (m.get("calibration_error") != null) s.append(String.format(java.util.Locale.ROOT, ", calibration error %.3f", (Double) m.get("calibration_error")));
        out.println(s);
    }

    static double eer(List<Double> live, List<Double> attack) {
        return ErrorRates.of(live, attack).eer();
    }
}
