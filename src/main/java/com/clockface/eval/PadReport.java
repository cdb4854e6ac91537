package com.clockface.eval;

import com.clockface.liveness.LivenessProfile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML report (inline SVG, no scripts): score histograms per class, the DET curve
 * per attack species, a reliability diagram (does a score of 0.8 mean 80 % live?), and the JSON.
 */
public final class PadReport {
    private static final String[] COLOURS = {"#2a7d2a", "#c0392b", "#2c5fa8", "#8e44ad", "#d35400"};

    private PadReport() {}

    public static void write(Path file, Map<String, Object> result, List<PadMetrics.Scored> rows, LivenessProfile profile)
            throws IOException {
        Map<String, List<Double>> byLabel = new TreeMap<>((a, b) -> a.equals(PadDataset.LIVE) ? -1 : b.equals(PadDataset.LIVE) ? 1 : a.compareTo(b));
        for (PadMetrics.Scored s : rows) byLabel.computeIfAbsent(s.row().label(), k -> new ArrayList<>()).add(s.score());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ClockFace PAD evaluation</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}svg{background:#fff;border:1px solid #ccc;margin:0.5em}"
                        + "pre{background:#f5f5f5;padding:1em;font-size:12px}</style></head><body>");
        h.append("<h1>PAD evaluation</h1><p>").append(esc(String.valueOf(result.get("dir")))).append(", scorer ")
                .append(esc(String.valueOf(result.get("scorer")))).append(", profile ").append(profile.name())
                .append(" (pass ").append(profile.pass()).append(", review ").append(profile.review()).append(")")
                .append(result.containsKey("by_source") ? ". Scores shown are leave-one-source-out." : ".").append("</p>");
        h.append("<h2>Score histograms</h2>").append(histogram(byLabel, profile));
        h.append("<h2>DET curve (per attack species)</h2>").append(det(byLabel));
        h.append("<h2>Reliability diagram</h2><p>Bins of the score against the share of live faces in the bin "
                + "(with equal weight for live and attacks). On the diagonal the score reads as P(live).</p>").append(reliability(rows));
        h.append("<h2>Figures</h2><pre>").append(esc(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result)))
                .append("</pre></body></html>\n");
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, h.toString());
    }

    private static String histogram(Map<String, List<Double>> byLabel, LivenessProfile profile) {
        int W = 640, H = 260, bins = 20, L = 40, B = 30;
        StringBuilder s = new StringBuilder(svgOpen(W, H));
        int c = 0;
        for (Map.Entry<String, List<Double>> e : byLabel.entrySet()) {
            int[] n = new int[bins];
            for (double v : e.getValue()) n[Math.min(bins - 1, (int) (Math.max(0, v) * bins))]++;
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < bins; i++) {
                double frac = (double) n[i] / e.getValue().size();
                double x0 = L + (W - L - 10) * i / (double) bins, x1 = L + (W - L - 10) * (i + 1) / (double) bins;
                double y = H - B - (H - B - 10) * frac;
                pts.append(f(x0)).append(',').append(f(y)).append(' ').append(f(x1)).append(',').append(f(y)).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[c % COLOURS.length]).append("\" points=\"").append(pts).append("\"/>");
            s.append(text(W - 150, 20 + 16 * c, e.getKey() + " (" + e.getValue().size() + ")", COLOURS[c % COLOURS.length]));
            c++;
        }
        for (double t : new double[] {profile.review(), profile.pass()}) {
            double x = L + (W - L - 10) * t;
            s.append("<line x1=\"").append(f(x)).append("\" y1=\"10\" x2=\"").append(f(x)).append("\" y2=\"").append(H - B)
                    .append("\" stroke=\"#999\" stroke-dasharray=\"4\"/>");
        }
        axes(s, W, H, L, B, "score (share of class per bin)");
        return s.append("</svg>").toString();
    }

    private static String det(Map<String, List<Double>> byLabel) {
        int W = 420, H = 420, L = 50, B = 40;
        StringBuilder s = new StringBuilder(svgOpen(W, H));
        List<Double> live = byLabel.get(PadDataset.LIVE);
        int c = 1;
        double lo = -3; // log10 axis from 0.1 % to 100 %
        for (Map.Entry<String, List<Double>> e : byLabel.entrySet()) {
            if (e.getKey().equals(PadDataset.LIVE) || live == null) continue;
            ErrorRates r = ErrorRates.of(live, e.getValue());
            StringBuilder pts = new StringBuilder();
            for (ErrorRates.Point p : r.det(400)) {
                double x = L + (W - L - 10) * (Math.log10(Math.max(1e-3, p.falseAccept())) - lo) / -lo;
                double y = H - B - (H - B - 10) * (Math.log10(Math.max(1e-3, p.falseReject())) - lo) / -lo;
                pts.append(f(x)).append(',').append(f(y)).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[c % COLOURS.length]).append("\" points=\"").append(pts).append("\"/>");
            s.append(text(W - 170, 20 + 16 * c, String.format(Locale.ROOT, "%s EER %.1f%%", e.getKey(), 100 * r.eer()), COLOURS[c % COLOURS.length]));
            c++;
        }
        for (int d = -3; d <= 0; d++) {
            double x = L + (W - L - 10) * (d - lo) / -lo, y = H - B - (H - B - 10) * (d - lo) / -lo;
            String lab = d == 0 ? "100%" : d == -1 ? "10%" : d == -2 ? "1%" : "0.1%";
            s.append(text(x - 10, H - B + 15, lab, "#333")).append(text(5, y + 4, lab, "#333"));
        }
        s.append(text(L + 100, H - 5, "APCER (log)", "#333")).append(text(5, 14, "BPCER (log)", "#333"));
        s.append("<rect x=\"").append(L).append("\" y=\"10\" width=\"").append(W - L - 10).append("\" height=\"").append(H - B - 10)
                .append("\" fill=\"none\" stroke=\"#333\"/>");
        return s.append("</svg>").toString();
    }

    private static String reliability(List<PadMetrics.Scored> rows) {
        int W = 360, H = 360, L = 40, B = 30;
        StringBuilder s = new StringBuilder(svgOpen(W, H));
        s.append("<line x1=\"").append(L).append("\" y1=\"").append(H - B).append("\" x2=\"").append(W - 10)
                .append("\" y2=\"10\" stroke=\"#aaa\" stroke-dasharray=\"4\"/>");
        StringBuilder pts = new StringBuilder();
        for (PadMetrics.Bin b : PadMetrics.reliability(rows)) {
            double x = L + (W - L - 10) * b.meanScore(), y = H - B - (H - B - 10) * b.liveShare();
            pts.append(f(x)).append(',').append(f(y)).append(' ');
            s.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"4\" fill=\"#2c5fa8\"/>");
        }
        s.append("<polyline fill=\"none\" stroke=\"#2c5fa8\" points=\"").append(pts).append("\"/>");
        axes(s, W, H, L, B, "mean score in bin vs live share");
        return s.append("</svg>").toString();
    }

    private static void axes(StringBuilder s, int W, int H, int L, int B, String label) {
        s.append("<rect x=\"").append(L).append("\" y=\"10\" width=\"").append(W - L - 10).append("\" height=\"").append(H - B - 10)
                .append("\" fill=\"none\" stroke=\"#333\"/>");
        for (int i = 0; i <= 4; i++) {
            double x = L + (W - L - 10) * i / 4.0;
            s.append(text(x - 8, H - B + 15, String.format(Locale.ROOT, "%.2f", i / 4.0), "#333"));
        }
        s.append(text(L + 60, H - 3, label, "#333"));
    }

    private static String svgOpen(int w, int h) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" font-size=\"11\">";
    }

    private static String text(double x, double y, String t, String colour) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" fill=\"" + colour + "\">" + esc(t) + "</text>";
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
