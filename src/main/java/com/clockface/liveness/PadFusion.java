package com.clockface.liveness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Logistic fusion of a few {@link PadFeatures}: P(live) = sigmoid(bias + sum w_i * (t(x_i) - mean_i) / scale_i),
 * where t is the logit for model probabilities and the identity for texture cues. A fit by
 * {@code clockface eval pad --fit} uses class-balanced weights, so on data like its training data the
 * output reads as P(live) with equal priors. Stored as a small JSON file; the shipped one, the resource
 * {@value #RESOURCE}, has equal weights set by hand (fitted ones did not transfer between sources,
 * see README "Passive liveness").
 */
public record PadFusion(String description, List<String> features, List<String> transforms,
                             double[] mean, double[] scale, double[] weights, double bias, double l2,
                             Map<String, Object> fittedOn) {

    public static final String RESOURCE = "/liveness/pad-fusion.json";
    private static final double CLIP = 1e-4;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PadFusion {
        int n = features.size();
        if (transforms.size() != n || mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("fusion arrays must all have " + n + " entries");
        }
    }

    /** True when the coefficients were fitted from data by {@link #fit}; false for set-by-hand ones. */
    @JsonIgnore
    public boolean fitted() {
        return fittedOn != null && fittedOn.containsKey("faces");
    }

    public static PadFusion shipped() {
        try (InputStream in = PadFusion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("liveness fusion resource " + RESOURCE + " is missing from the build");
            return JSON.readValue(in, PadFusion.class);
        } catch (IOException e) {
            throw new IllegalStateException("liveness fusion resource " + RESOURCE + " is unreadable: " + e.getMessage(), e);
        }
    }

    public static PadFusion read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), PadFusion.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    public double probability(Map<String, Double> values) {
        double z = bias;
        for (int i = 0; i < features.size(); i++) {
            Double v = values.get(features.get(i));
            if (v == null) throw new IllegalArgumentException("fusion needs feature " + features.get(i));
            z += weights[i] * (transform(transforms.get(i), v) - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    static double transform(String t, double v) {
        if ("logit".equals(t)) {
            double p = Math.min(1 - CLIP, Math.max(CLIP, v));
            return Math.log(p / (1 - p));
        }
        return v;
    }

    /** Model probabilities get the logit; texture cues stay as they are. */
    public static String defaultTransform(String feature) {
        return feature.startsWith("v2") || feature.startsWith("v1se") ? "logit" : "raw";
    }

    /**
     * Fits the fusion by Newton's method (a fixed number of iterations, no randomness, so the same
     * data gives the same coefficients). Live and attack rows are weighted so each class carries half
     * of the total weight; a small L2 penalty keeps the few weights stable when features correlate.
     *
     * @param rows   one map of feature values per face
     * @param live   true for a bona fide presentation
     */
    public static PadFusion fit(List<String> features, List<Map<String, Double>> rows, List<Boolean> live,
                                     double l2, String description, Map<String, Object> fittedOn) {
        int n = rows.size(), k = features.size();
        long nLive = live.stream().filter(b -> b).count();
        if (nLive == 0 || nLive == n) throw new IllegalArgumentException("fitting needs both live and attack faces");
        List<String> tr = features.stream().map(PadFusion::defaultTransform).toList();
        double[][] x = new double[n][k];
        double[] mean = new double[k], scale = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = transform(tr.get(j), rows.get(i).get(features.get(j)));
                mean[j] += x[i][j] / n;
            }
        }
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
            scale[j] = Math.max(1e-9, Math.sqrt(s / n));
            for (int i = 0; i < n; i++) x[i][j] = (x[i][j] - mean[j]) / scale[j];
        }
        double wLive = 0.5 * n / nLive, wAttack = 0.5 * n / (n - nLive);
        double[] beta = new double[k + 1]; // [bias, w...]
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[k + 1];
            double[][] hess = new double[k + 1][k + 1];
            for (int i = 0; i < n; i++) {
                double z = beta[0];
                for (int j = 0; j < k; j++) z += beta[j + 1] * x[i][j];
                double p = 1 / (1 + Math.exp(-z));
                double y = live.get(i) ? 1 : 0, w = live.get(i) ? wLive : wAttack;
                double r = w * (p - y), h = w * p * (1 - p);
                for (int a = 0; a <= k; a++) {
                    double xa = a == 0 ? 1 : x[i][a - 1];
                    grad[a] += r * xa;
                    for (int b = 0; b <= k; b++) hess[a][b] += h * xa * (b == 0 ? 1 : x[i][b - 1]);
                }
            }
            for (int a = 1; a <= k; a++) { grad[a] += l2 * n * beta[a]; hess[a][a] += l2 * n; }
            hess[0][0] += 1e-9;
            double[] step = solve(hess, grad);
            double max = 0;
            for (int a = 0; a <= k; a++) { beta[a] -= step[a]; max = Math.max(max, Math.abs(step[a])); }
            if (max < 1e-10) break;
        }
        double[] w = new double[k];
        System.arraycopy(beta, 1, w, 0, k);
        return new PadFusion(description, List.copyOf(features), tr, mean, scale, w, beta[0], l2, fittedOn);
    }

    /** Gaussian elimination with partial pivoting (the system is (k+1)x(k+1), k a handful). */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            double tb = b[c]; b[c] = b[p]; b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
