package com.clockface.liveness.flash;

import com.clockface.liveness.flash.FlashSimulator.Attack;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Measures the flash analyser on simulated sessions: per presentation class, how many reach FOLLOWS
 * (score >= 0.5), and the score quartiles. Run from the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> com.clockface.liveness.flash.FlashSimulationRates [perClass] [mode] [seed]}.
 */
public final class FlashSimulationRates {

    record Outcome(Attack attack, String variant, String file, FlashResult result, int trueDelayMs) {}

    static List<Outcome> run(int perClass, FlashMode mode, long seed, List<Attack> attacks) throws IOException {
        List<FlashSimulator.Scene> scenes = FlashSimulator.scenes();
        Random rnd = new Random(seed);
        ChallengeGenerator gen = new ChallengeGenerator(FlashSimulator.seeded(rnd)); // reproducible runs
        FlashResponseAnalyzer analyzer = new FlashResponseAnalyzer();
        List<Outcome> out = new ArrayList<>();
        for (Attack a : attacks) {
            for (int i = 0; i < perClass; i++) {
                FlashSimulator.Scene scene = scenes.get(i % scenes.size());
                ColourTimeline shown = FlashSimulator.displayed(gen.generate(mode), 3_000_000_000L + rnd.nextInt(1_000_000_000), rnd);
                FlashSimulator.Session s = FlashSimulator.simulate(scene, shown, a, rnd);
                FlashResult r = analyzer.analyze(shown, s.frames(), s.faces());
                out.add(new Outcome(a, s.variant(), scene.file(), r, s.trueDelayMs()));
            }
        }
        return out;
    }

    static String report(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byClass = new TreeMap<>();
        for (Outcome o : outcomes) {
            byClass.computeIfAbsent(o.attack().name(), x -> new ArrayList<>()).add(o);
            if (!o.variant().isEmpty() && o.attack() == Attack.PRINT) {
                byClass.computeIfAbsent(o.attack().name() + "/" + o.variant(), x -> new ArrayList<>()).add(o);
            }
        }
        StringBuilder sb = new StringBuilder(String.format("%-18s %5s %8s %8s  %-24s %s%n", "class", "n", "FOLLOWS", "INCONCL", "score q10/q50/q90", "faceCorr q50, delay err q50/q90 ms"));
        for (var e : byClass.entrySet()) {
            List<Outcome> l = e.getValue();
            long follows = l.stream().filter(o -> o.result().outcome() == FlashResult.Outcome.FOLLOWS).count();
            long inconc = l.stream().filter(o -> o.result().outcome() == FlashResult.Outcome.INCONCLUSIVE).count();
            double[] sc = l.stream().mapToDouble(o -> o.result().score()).sorted().toArray();
            double[] corr = l.stream().mapToDouble(o -> o.result().faceCorrelation()).filter(d -> !Double.isNaN(d)).sorted().toArray();
            double[] derr = l.stream().filter(o -> o.result().delayMs() >= 0)
                    .mapToDouble(o -> Math.abs(o.result().delayMs() - o.trueDelayMs())).sorted().toArray();
            sb.append(String.format("%-18s %5d %7.1f%% %7.1f%%  %.2f/%.2f/%.2f          %.2f, %s%n", e.getKey(), l.size(),
                    100.0 * follows / l.size(), 100.0 * inconc / l.size(), q(sc, 0.1), q(sc, 0.5), q(sc, 0.9), q(corr, 0.5),
                    e.getKey().equals("LIVE") ? String.format("%.0f/%.0f", q(derr, 0.5), q(derr, 0.9)) : "-"));
        }
        return sb.toString();
    }

    static double q(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        FlashMode mode = args.length > 1 ? FlashMode.valueOf(args[1]) : FlashMode.STANDARD;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long t0 = System.nanoTime();
        List<Outcome> o = run(n, mode, seed, Arrays.asList(Attack.values()));
        System.out.println("mode " + mode + ", " + n + " simulated sessions per class, seed " + seed);
        System.out.print(report(o));
        if (args.length > 3) {
            for (Outcome x : o) System.out.println(x.attack() + " " + x.variant() + " " + x.file() + " " + x.result().outcome() + " " + x.result().signals());
        }
        System.out.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
