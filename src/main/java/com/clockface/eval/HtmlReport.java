package com.clockface.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML evaluation report: the summary table, overlaid score histograms of the
 * positive and negative classes, and a DET curve on log axes, drawn as inline SVG (opens anywhere,
 * no libraries).
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport summary(Map<String, Object> summary) {
        body.append("<table>");
        summary.forEach((k, v) -> body.append("<tr><th>").append(esc(k)).append("</th><td>")
                .append(esc(v instanceof Double d ? String.format(Locale.ROOT, "%.5f", d) : String.valueOf(v)))
                .append("</td></tr>"));
        body.append("</table>");
        return this;
    }

    /** Overlaid histograms of two score sets over [lo, hi]. */
    public HtmlReport histogram(String heading, String posLabel, double[] pos, String negLabel, double[] neg, double lo, double hi) {
        int bins = 40, w = 640, h = 220;
        double[] hp = bin(pos, bins, lo, hi), hn = bin(neg, bins, lo, hi);
        double max = 1e-9;
        for (int i = 0; i < bins; i++) max = Math.max(max, Math.max(hp[i], hn[i]));
        body.append("<h2>").append(esc(heading)).append("</h2><svg width='").append(w + 40).append("' height='").append(h + 40).append("'>");
        for (int i = 0; i < bins; i++) {
            double x = 30 + i * (double) w / bins, bw = (double) w / bins - 1;
            bar(x, h, bw, hn[i] / max * h, "#d9534f");
            bar(x, h, bw, hp[i] / max * h, "#2a7ae2");
        }
        body.append(String.format(Locale.ROOT, "<line x1='30' y1='%d' x2='%d' y2='%d' stroke='#333'/>", h, 30 + w, h));
        body.append(String.format(Locale.ROOT, "<text x='30' y='%d'>%.2f</text><text x='%d' y='%d' text-anchor='end'>%.2f</text>", h + 16, lo, 30 + w, h + 16, hi));
        body.append(String.format(Locale.ROOT, "<text x='40' y='14' fill='#2a7ae2'>%s (%d)</text><text x='40' y='30' fill='#d9534f'>%s (%d)</text>",
                esc(posLabel), pos.length, esc(negLabel), neg.length));
        body.append("</svg>");
        return this;
    }

    /** DET curve: false acceptance (x) against false rejection (y), both on log axes from 1e-4 to 1. */
    public HtmlReport det(String heading, double[] positives, double[] negatives) {
        int w = 400, h = 400;
        body.append("<h2>").append(esc(heading)).append("</h2><svg width='").append(w + 60).append("' height='").append(h + 50).append("'>");
        body.append(String.format(Locale.ROOT, "<rect x='40' y='0' width='%d' height='%d' fill='none' stroke='#333'/>", w, h));
        for (int e = -4; e <= 0; e++) {
            double p = (e + 4) / 4.0;
            body.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='0' x2='%.1f' y2='%d' stroke='#ddd'/><text x='%.1f' y='%d' font-size='11' text-anchor='middle'>1e%d</text>",
                    40 + p * w, 40 + p * w, h, 40 + p * w, h + 14, e));
            body.append(String.format(Locale.ROOT, "<line x1='40' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/><text x='36' y='%.1f' font-size='11' text-anchor='end'>1e%d</text>",
                    h - p * h, 40 + w, h - p * h, h - p * h + 4, e));
        }
        StringBuilder pts = new StringBuilder();
        for (double[] pt : ErrorRates.det(positives, negatives)) {
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", 40 + logPos(pt[0]) * w, h - logPos(pt[1]) * h));
        }
        body.append("<polyline fill='none' stroke='#2a7ae2' stroke-width='2' points='").append(pts).append("'/>");
        body.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>false acceptance</text>", 40 + w / 2, h + 32));
        body.append("<text x='0' y='12' font-size='11'>false rejection</text></svg>");
        return this;
    }

    /** Reliability diagram: mean predicted score against the observed positive rate per bin. */
    public HtmlReport reliability(String heading, double[] positives, double[] negatives) {
        int bins = 10, w = 300, h = 300;
        double[] sum = new double[bins], pos = new double[bins], n = new double[bins];
        for (double s : positives) { int b = Math.min(bins - 1, Math.max(0, (int) (s * bins))); sum[b] += s; pos[b]++; n[b]++; }
        for (double s : negatives) { int b = Math.min(bins - 1, Math.max(0, (int) (s * bins))); sum[b] += s; n[b]++; }
        body.append("<h2>").append(esc(heading)).append("</h2><svg width='").append(w + 50).append("' height='").append(h + 40).append("'>");
        body.append(String.format(Locale.ROOT, "<rect x='40' y='0' width='%d' height='%d' fill='none' stroke='#333'/><line x1='40' y1='%d' x2='%d' y2='0' stroke='#bbb' stroke-dasharray='4'/>", w, h, h, 40 + w));
        for (int b = 0; b < bins; b++) {
            if (n[b] == 0) continue;
            double x = 40 + sum[b] / n[b] * w, y = h - pos[b] / n[b] * h;
            body.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='%.1f' fill='#2a7ae2'/>", x, y, 2 + Math.min(8, Math.sqrt(n[b]) / 2)));
        }
        body.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>mean score</text><text x='0' y='12' font-size='11'>observed live rate</text></svg>", 40 + w / 2, h + 30));
        return this;
    }

    public void write(Path file) throws IOException {
        String html = "<!doctype html><html><head><meta charset='utf-8'><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse}"
                + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f4f4f4}</style></head><body><h1>"
                + esc(title) + "</h1>" + body + "</body></html>";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private void bar(double x, int base, double w, double hgt, String colour) {
        body.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' fill-opacity='0.55'/>",
                x, base - hgt, w, hgt, colour));
    }

    private static double[] bin(double[] v, int bins, double lo, double hi) {
        double[] h = new double[bins];
        for (double s : v) {
            if (Double.isInfinite(s) || Double.isNaN(s)) continue;
            int b = (int) ((s - lo) / (hi - lo) * bins);
            h[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return h;
    }

    private static double logPos(double rate) {
        double r = Math.max(1e-4, Math.min(1, rate));
        return (Math.log10(r) + 4) / 4;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
