package com.clockface.eval;

import com.clockface.liveness.LivenessFusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ISO/IEC 30107-3 style figures over scored PAD rows: BPCER at the pass threshold (failures to
 * acquire count as rejections), APCER per species and the worst, EER and the rates at 5 %.
 */
public final class PadMetrics {
    private PadMetrics() {}

    /** A row and its score (NEGATIVE_INFINITY when no face was acquired). */
    public record Scored(PadDataset.Row row, double score) { }

    public static Map<String, Object> summary(List<Scored> rows, double pass) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Double> live = scores(rows, PadDataset.LIVE);
        Map<String, List<Double>> species = new TreeMap<>();
        for (Scored s : rows) if (!s.row().live()) species.computeIfAbsent(s.row().label(), k -> new ArrayList<>()).add(s.score());
        List<Double> allAttacks = new ArrayList<>();
        species.values().forEach(allAttacks::addAll);
        m.put("bona_fide", live.size());
        Map<String, Integer> attacks = new LinkedHashMap<>();
        species.forEach((k, v) -> attacks.put(k, v.size()));
        m.put("attacks", attacks);
        Map<String, Integer> fta = new LinkedHashMap<>();
        fta.put(PadDataset.LIVE, (int) live.stream().filter(d -> d == Double.NEGATIVE_INFINITY).count());
        species.forEach((k, v) -> fta.put(k, (int) v.stream().filter(d -> d == Double.NEGATIVE_INFINITY).count()));
        m.put("failures_to_acquire", fta);
        m.put("pass_threshold", pass);
        if (live.isEmpty() || allAttacks.isEmpty()) return m;
        ErrorRates pooled = ErrorRates.of(live, allAttacks);
        m.put("bpcer", pooled.falseReject(pass));
        Map<String, Double> apcer = new LinkedHashMap<>();
        double max = 0;
        for (Map.Entry<String, List<Double>> e : species.entrySet()) {
            double a = ErrorRates.of(live, e.getValue()).falseAccept(pass);
            apcer.put(e.getKey(), a);
            max = Math.max(max, a);
        }
        m.put("apcer", apcer);
        m.put("apcer_max", max);
        m.put("eer", pooled.eer());
        m.put("eer_threshold", pooled.eerThreshold());
        m.put("bpcer_at_apcer_0.05", pooled.falseRejectAtFalseAccept(0.05));
        m.put("apcer_at_bpcer_0.05", pooled.falseAcceptAtFalseReject(0.05));
        m.put("bpcer_at_0.5", pooled.falseReject(0.5));
        m.put("calibration_error", calibrationError(rows));
        Map<String, Object> per = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : species.entrySet()) {
            ErrorRates r = ErrorRates.of(live, e.getValue());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("eer", r.eer());
            s.put("bpcer_at_apcer_0.05", r.falseRejectAtFalseAccept(0.05));
            s.put("apcer_at_bpcer_0.05", r.falseAcceptAtFalseReject(0.05));
            per.put(e.getKey(), s);
        }
        m.put("per_species", per);
        return m;
    }

    /** One bin of a reliability diagram: the mean score in it, the share of live faces, and its share of the weight. */
    public record Bin(double meanScore, double liveShare, double weight) { }

    /**
     * Ten score bins, live and attack faces weighted to half the total each (the equal priors a fitted fusion
     * assumes); a failure to acquire has no score and is left out. Empty bins are skipped.
     */
    public static List<Bin> reliability(List<Scored> rows) {
        int bins = 10;
        double nLive = rows.stream().filter(r -> r.row().live() && r.score() > Double.NEGATIVE_INFINITY).count();
        double nAtt = rows.stream().filter(r -> !r.row().live() && r.score() > Double.NEGATIVE_INFINITY).count();
        double[] wl = new double[bins], wa = new double[bins], sum = new double[bins];
        for (Scored r : rows) {
            if (r.score() == Double.NEGATIVE_INFINITY) continue;
            int b = Math.min(bins - 1, (int) (r.score() * bins));
            double w = r.row().live() ? 0.5 / nLive : 0.5 / nAtt;
            if (r.row().live()) wl[b] += w; else wa[b] += w;
            sum[b] += w * r.score();
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double tot = wl[b] + wa[b];
            if (tot > 0) out.add(new Bin(sum[b] / tot, wl[b] / tot, tot));
        }
        return out;
    }

    /** Expected calibration error over {@link #reliability} bins: how far, on average, a score is from P(live). */
    public static double calibrationError(List<Scored> rows) {
        double e = 0;
        for (Bin b : reliability(rows)) e += b.weight() * Math.abs(b.meanScore() - b.liveShare());
        return e;
    }

    public static List<Double> scores(List<Scored> rows, String label) {
        List<Double> out = new ArrayList<>();
        for (Scored s : rows) if (s.row().label().equals(label)) out.add(s.score());
        return out;
    }

    /** Per species: EER with a subject-bootstrap 95 % interval, and the EER over per-subject mean scores. */
    public static Map<String, Object> subjectLevel(List<Scored> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<ErrorRates.Scored> live = new ArrayList<>();
        Map<String, List<ErrorRates.Scored>> species = new TreeMap<>();
        for (Scored s : rows) {
            ErrorRates.Scored x = new ErrorRates.Scored(s.score(), s.row().subject());
            if (s.row().live()) live.add(x); else species.computeIfAbsent(s.row().label(), k -> new ArrayList<>()).add(x);
        }
        for (Map.Entry<String, List<ErrorRates.Scored>> e : species.entrySet()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("eer_subject_bootstrap_95", ErrorRates.subjectBootstrap(live, e.getValue(), ErrorRates::eer, 500, 7).toMap());
            List<Double> lm = subjectMeans(live), am = subjectMeans(e.getValue());
            s.put("subjects_live", lm.size());
            s.put("subjects_attack", am.size());
            s.put("eer_of_subject_means", ErrorRates.of(lm, am).eer());
            m.put(e.getKey(), s);
        }
        return m;
    }

    /**
     * Check-in-sized groups: each subject's images of one label in recording order, cut into runs of {@code window}
     * consecutive frames, each run scored as a check-in scores its frames ({@link LivenessFusion#passive}: the median
     * of the best three). A run with a failure to acquire keeps only the frames that have a face.
     */
    public static List<Scored> checkinWindows(List<Scored> rows, int window) {
        Map<String, List<Scored>> groups = new TreeMap<>();
        for (Scored s : rows) groups.computeIfAbsent(s.row().subject() + "\u0000" + s.row().label(), k -> new ArrayList<>()).add(s);
        List<Scored> out = new ArrayList<>();
        for (List<Scored> g : groups.values()) {
            g.sort(java.util.Comparator.comparing((Scored s) -> s.row().order()));
            for (int i = 0; i + window <= g.size(); i += window) {
                List<Scored> run = g.subList(i, i + window);
                double[] scores = run.stream().mapToDouble(Scored::score).filter(d -> d != Double.NEGATIVE_INFINITY).toArray();
                PadDataset.Row first = run.get(0).row();
                double score = scores.length == 0 ? Double.NEGATIVE_INFINITY : LivenessFusion.passive(scores);
                out.add(new Scored(new PadDataset.Row(first.label(), first.file() + "+" + (window - 1), first.subject(), first.source(),
                        first.order(), first.features()), score));
            }
        }
        return out;
    }

    /** Mean score of each subject (a failure to acquire counts as score 0). */
    static List<Double> subjectMeans(List<ErrorRates.Scored> xs) {
        Map<String, double[]> sum = new LinkedHashMap<>();
        for (ErrorRates.Scored x : xs) {
            double[] a = sum.computeIfAbsent(x.subject(), k -> new double[2]);
            a[0] += x.score() == Double.NEGATIVE_INFINITY ? 0 : x.score();
            a[1]++;
        }
        List<Double> out = new ArrayList<>();
        for (double[] a : sum.values()) out.add(a[0] / a[1]);
        return out;
    }
}
