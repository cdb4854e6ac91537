package com.clockface.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GalleryTest {

    static final int DIM = 64;

    static float[] random(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    /** base + noise * N(0,1), i.e. a "same person" sample. */
    static float[] near(float[] base, double noise, Random r) {
        float[] v = base.clone();
        for (int i = 0; i < DIM; i++) v[i] += (float) (noise * r.nextGaussian());
        return v;
    }

    static double bruteBest(List<float[]> rows, float[] q) {
        double best = -2;
        for (float[] row : rows) best = Math.max(best, Gallery.compare(row, q));
        return best;
    }

    @Test
    void findsTheKnownNearestPersonWithExactScores() {
        Random r = new Random(11);
        Gallery g = new Gallery("m", DIM);
        List<float[]> centres = new ArrayList<>();
        List<List<float[]>> perPerson = new ArrayList<>();
        long tid = 100;
        for (int p = 0; p < 50; p++) {
            float[] c = random(r);
            centres.add(c);
            List<float[]> mine = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                float[] e = near(c, 0.3, r);
                mine.add(e);
                g.add(p, tid++, e);
            }
            perPerson.add(mine);
        }
        assertEquals(150, g.size());
        assertEquals(50, g.personCount());
        for (int p = 0; p < 50; p++) {
            float[] probe = near(centres.get(p), 0.3, r);
            List<Candidate> top = g.search(probe, null, SearchMode.FAST, 5);
            assertEquals(5, top.size());
            assertEquals(p, top.get(0).personId());
            assertEquals(bruteBest(perPerson.get(p), probe), top.get(0).score(), 1e-5);
            for (int i = 1; i < top.size(); i++) assertTrue(top.get(i - 1).score() >= top.get(i).score());
            Set<Long> distinct = new HashSet<>();
            top.forEach(c -> distinct.add(c.personId()));
            assertEquals(5, distinct.size(), "one entry per person");
            // the reported template is the person's best one
            long best = top.get(0).templateId();
            assertTrue(best >= 100 + 3L * p && best < 100 + 3L * p + 3);
        }
    }

    @Test
    void accurateFusesTemplatesAndFlippedProbeByTheDocumentedRule() {
        Gallery g = new Gallery("m", 2);
        // person 1: two templates; person 2: one
        g.add(1, 10, new float[] {1, 0});
        g.add(1, 11, new float[] {0, 1});
        g.add(2, 20, new float[] {1, 1});
        float[] probe = {1, 0};
        float[] flipped = {0, 1};
        // FAST ignores the flipped probe: person 1 best = 1.0
        List<Candidate> fast = g.search(probe, flipped, SearchMode.FAST, 2);
        assertEquals(1, fast.get(0).personId());
        assertEquals(1.0, fast.get(0).score(), 1e-6);
        assertEquals(10, fast.get(0).templateId());
        // ACCURATE: s(t) = mean of probe and flipped cosines = 0.5 for both of person 1's templates;
        // person 2: (cos45 + cos45)/2 = 0.7071. Person score = 0.75*max + 0.25*mean.
        List<Candidate> acc = g.search(probe, flipped, SearchMode.ACCURATE, 2);
        assertEquals(2, acc.get(0).personId());
        assertEquals(Math.sqrt(0.5), acc.get(0).score(), 1e-6);
        assertEquals(0.5, acc.get(1).score(), 1e-6);
        // ACCURATE without flipped probe: person 1 = 0.75*1 + 0.25*0.5 = 0.875 > person 2 0.7071
        List<Candidate> accNoFlip = g.search(probe, null, SearchMode.ACCURATE, 2);
        assertEquals(1, accNoFlip.get(0).personId());
        assertEquals(0.875, accNoFlip.get(0).score(), 1e-6);
    }

    @Test
    void accurateDampsASingleLuckyTemplate() {
        Random r = new Random(5);
        Gallery g = new Gallery("m", DIM);
        float[] truth = random(r);
        // the true person: three templates all close to the probe
        for (int t = 0; t < 3; t++) g.add(1, t, near(truth, 0.35, r));
        // an impostor with one template very close to the probe and two far ones
        float[] probe = near(truth, 0.35, r);
        g.add(2, 10, near(probe, 0.05, r));
        g.add(2, 11, random(r));
        g.add(2, 12, random(r));
        assertEquals(2, g.search(probe, null, SearchMode.FAST, 1).get(0).personId());
        assertEquals(1, g.search(probe, null, SearchMode.ACCURATE, 1).get(0).personId());
    }

    @Test
    void addAndRemoveWithoutReload() {
        Random r = new Random(3);
        Gallery g = new Gallery("m", DIM);
        float[] a = random(r), b = random(r), c = random(r);
        g.add(1, 1, a);
        g.add(1, 2, near(a, 0.1, r));
        g.add(2, 3, b);
        g.add(3, 4, c);
        assertEquals(3, g.search(c, null, SearchMode.FAST, 1).get(0).personId());
        assertEquals(1, g.removePerson(3));
        assertEquals(3, g.size());
        assertEquals(2, g.personCount());
        assertFalse(g.search(c, null, SearchMode.FAST, 10).stream().anyMatch(x -> x.personId() == 3));
        // remove one template of person 1: the other still finds them
        assertTrue(g.removeTemplate(1));
        assertFalse(g.removeTemplate(1));
        Candidate best = g.search(a, null, SearchMode.FAST, 1).get(0);
        assertEquals(1, best.personId());
        assertEquals(2, best.templateId());
        assertEquals(2, g.personCount());
        // slot reuse: a new person after removals
        g.add(4, 5, c);
        assertEquals(4, g.search(c, null, SearchMode.FAST, 1).get(0).personId());
        assertEquals(1.0, g.search(c, null, SearchMode.FAST, 1).get(0).score(), 1e-5);
        assertEquals(0, g.removePerson(99));
        assertThrows(IllegalArgumentException.class, () -> g.add(9, 5, a), "duplicate template id");
    }

    @Test
    void removalsKeepTheMatrixConsistentUnderManyOperations() {
        Random r = new Random(17);
        Gallery g = new Gallery("m", DIM);
        java.util.Map<Long, float[]> live = new java.util.HashMap<>();
        java.util.Map<Long, Long> owner = new java.util.HashMap<>();
        long next = 0;
        for (int step = 0; step < 2000; step++) {
            if (live.isEmpty() || r.nextDouble() < 0.6) {
                float[] v = random(r);
                long person = r.nextInt(40);
                g.add(person, next, v);
                live.put(next, v);
                owner.put(next, person);
                next++;
            } else if (r.nextDouble() < 0.9) {
                Long t = new ArrayList<>(live.keySet()).get(r.nextInt(live.size()));
                assertTrue(g.removeTemplate(t));
                live.remove(t);
                owner.remove(t);
            } else {
                long person = r.nextInt(40);
                int expected = (int) owner.values().stream().filter(x -> x == person).count();
                assertEquals(expected, g.removePerson(person));
                live.keySet().removeIf(t -> owner.get(t) == person);
                owner.values().removeIf(x -> x == person);
            }
        }
        assertEquals(live.size(), g.size());
        assertEquals(new HashSet<>(owner.values()).size(), g.personCount());
        // every live template is found exactly by its own vector
        for (var e : live.entrySet()) {
            Candidate c = g.search(e.getValue(), null, SearchMode.FAST, 1).get(0);
            assertEquals(owner.get(e.getKey()), c.personId());
            assertEquals(1.0, c.score(), 1e-5);
        }
    }

    @Test
    void kLargerThanPersonsReturnsEveryPersonOnce() {
        Random r = new Random(1);
        Gallery g = new Gallery("m", DIM);
        for (int p = 0; p < 3; p++) for (int t = 0; t < 4; t++) g.add(p, p * 10L + t, random(r));
        List<Candidate> all = g.search(random(r), random(r), SearchMode.ACCURATE, 50);
        assertEquals(3, all.size());
        assertEquals(List.of(), new Gallery("m", DIM).search(random(r), null, SearchMode.FAST, 5));
    }

    @Test
    void badInputsAreRefusedClearly() {
        Gallery g = new Gallery("face-reid-0095", 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.add(1, 1, new float[3]));
        assertTrue(e.getMessage().contains("has 3 values but this gallery (model face-reid-0095) holds 4"));
        assertThrows(IllegalArgumentException.class, () -> g.add(1, 1, new float[4]));
        assertThrows(IllegalArgumentException.class, () -> g.add(1, 1, new float[] {Float.NaN, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> g.search(new float[] {1, 0, 0, 0}, null, SearchMode.FAST, 0));
        assertThrows(IllegalArgumentException.class, () -> Gallery.compare(new float[2], new float[3]));
        assertEquals(0, g.size());
    }

    @Test
    void compareIsCosineAndScaleFree() {
        assertEquals(1.0, Gallery.compare(new float[] {1, 2, 3}, new float[] {2, 4, 6}), 1e-9);
        assertEquals(0.0, Gallery.compare(new float[] {1, 0}, new float[] {0, 5}), 1e-9);
        assertEquals(-1.0, Gallery.compare(new float[] {1, 1}, new float[] {-1, -1}), 1e-9);
    }

    @Test
    void searchesRunConcurrentlyWithOneWriter() throws Exception {
        Random r = new Random(2);
        Gallery g = new Gallery("m", DIM);
        float[] anchor = random(r);
        g.add(0, 0, anchor);
        for (int i = 1; i < 500; i++) g.add(i, i, random(r));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Random w = new Random(8);
            try {
                for (int i = 500; i < 3000; i++) {
                    g.add(i, i, random(w));
                    if (i % 3 == 0) g.removeTemplate(i - 400);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            Candidate c = g.search(anchor, null, SearchMode.FAST, 3).get(0);
            // person 0 is never removed, so it must always be found with score 1
            assertEquals(0, c.personId());
            assertEquals(1.0, c.score(), 1e-5);
        }
        writer.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
    }
}
