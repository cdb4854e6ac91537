package com.clockface.gallery;

import java.util.Arrays;
import java.util.Random;

/**
 * Prints the median 1:N search time for galleries of 1k, 10k and 100k templates of dimension 256
 * (3 templates per person), FAST and ACCURATE, after warm-up. A main, not a test:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.clockface.gallery.GalleryBenchmark</pre>
 */
public final class GalleryBenchmark {

    public static void main(String[] args) {
        int dim = 256;
        Random r = new Random(1);
        System.out.printf("Gallery search, dim %d, 3 templates/person, k=5, median of 200 runs after warm-up%n", dim);
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            Gallery g = new Gallery("bench", dim, n);
            for (int i = 0; i < n; i++) g.add(i / 3, i, vector(r, dim));
            float[] probe = vector(r, dim);
            float[] flipped = vector(r, dim);
            for (SearchMode mode : SearchMode.values()) {
                double sink = 0;
                for (int i = 0; i < 300; i++) sink += g.search(probe, flipped, mode, 5).get(0).score(); // warm-up
                int runs = 200;
                long[] t = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    sink += g.search(probe, flipped, mode, 5).get(0).score();
                    t[i] = System.nanoTime() - t0;
                }
                Arrays.sort(t);
                System.out.printf("%7d templates %-8s median %8.3f ms  p90 %8.3f ms  (%s)%n", n, mode,
                        t[runs / 2] / 1e6, t[runs * 9 / 10] / 1e6, sink > 0 ? "ok" : "ok.");
            }
        }
    }

    private static float[] vector(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
