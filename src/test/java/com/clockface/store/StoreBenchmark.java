package com.clockface.store;

import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import com.clockface.timeclock.PunchSource;
import com.clockface.timeclock.PunchStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints store timings on this machine's disk: the median time of one committed punch (what the
 * kiosk waits before it says "done"), open with migrations, and loading + decrypting 10k templates.
 * A main, not a test; argument: a folder on the disk to measure (default: a temp dir).
 */
public final class StoreBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createTempDirectory(Path.of(args[0]), "cf-bench") : Files.createTempDirectory("cf-bench");
        AppHome home = AppHome.at(dir);
        long t0 = System.nanoTime();
        Database db = Database.open(home);
        System.out.printf("first open (create, migrate, new key): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        db = Database.open(home);
        System.out.printf("re-open (up to date): %.1f ms%n", (System.nanoTime() - t0) / 1e6);

        PersonRepository persons = new PersonRepository(db);
        TemplateRepository templates = new TemplateRepository(db);
        PunchRepository punches = new PunchRepository(db);
        Person p = persons.create(Person.newPerson("B1", "Bench", null), "bench");
        int runs = 200;
        long[] t = new long[runs];
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        for (int i = 0; i < runs; i++) {
            Punch punch = new Punch(0, p.id(), i % 2 == 0 ? PunchKind.IN : PunchKind.OUT, at.plusSeconds(60L * i),
                    ZoneId.of("UTC"), "bench", PunchSource.FACE, PunchStatus.CONFIRMED, null, null);
            long s = System.nanoTime();
            punches.insert(punch);
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("punch insert (own transaction, synchronous=FULL): median %.2f ms, p90 %.2f ms%n",
                t[runs / 2] / 1e6, t[runs * 9 / 10] / 1e6);
        t0 = System.nanoTime();
        System.out.printf("verify chain of %d punches: %s in %.1f ms%n", runs, punches.verifyChain().intact(),
                (System.nanoTime() - t0) / 1e6);

        Random r = new Random(1);
        t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) templates.add(p.id(), "single", vector(r), null, TemplateSource.LIVE);
        System.out.printf("add 1 template (own transaction): %.2f ms each%n", (System.nanoTime() - t0) / 1e6 / 50);
        int n = 10_000;
        java.util.List<TemplateRepository.NewTemplate> batch = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) batch.add(new TemplateRepository.NewTemplate(p.id(), "bench", vector(r), null, TemplateSource.IMPORT));
        t0 = System.nanoTime();
        templates.addBatch(batch, "bench");
        System.out.printf("addBatch %d templates (one transaction): %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
        for (int i = 0; i < 3; i++) templates.loadAll("bench"); // warm-up
        long[] lt = new long[5];
        for (int i = 0; i < lt.length; i++) {
            long s = System.nanoTime();
            templates.loadAll("bench");
            lt[i] = System.nanoTime() - s;
        }
        Arrays.sort(lt);
        System.out.printf("loadAll %d x 256-d (read + AES-GCM decrypt): median %.1f ms%n", n, lt[lt.length / 2] / 1e6);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static float[] vector(Random r) {
        float[] v = new float[256];
        for (int j = 0; j < v.length; j++) v[j] = (float) r.nextGaussian();
        return v;
    }
}
