package com.clockface.gallery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory template index of ONE embedder model: all templates in a single contiguous,
 * row-major {@code float[]} matrix (each row L2-normalised, so a dot product is the cosine), with
 * parallel arrays that say which person and template each row belongs to.
 *
 * <p>Templates of different models are never comparable, so a gallery holds one {@link #modelId()}
 * and one dimension; the caller keeps one gallery per model.
 *
 * <p>Thread safety: one writer and any number of concurrent readers. {@link #add},
 * {@link #removePerson} and {@link #removeTemplate} take the write lock; searches share the read
 * lock. Removal swaps the last row into the hole, so the matrix stays dense without a reload.
 */
public final class Gallery {

    /** Weight of the person's best template in the ACCURATE fusion; the rest goes to the mean. */
    static final double ACCURATE_BEST_WEIGHT = 0.75;

    private final String modelId;
    private final int dim;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private float[] matrix;          // rows * dim, row-major, rows L2-normalised
    private long[] templateIds;      // per row
    private int[] rowSlot;           // per row: index into the person slot arrays
    private int rows;

    // Persons live in dense "slots" so a search can score them in plain arrays, not a hash map.
    private long[] slotPerson = new long[16];
    private int[] slotRows = new int[16];    // templates per slot; 0 = free slot
    private int slotCount;                   // high-water mark of used slots
    private int persons;
    private final Map<Long, Integer> slotOfPerson = new HashMap<>();
    private final Map<Long, Integer> rowOfTemplate = new HashMap<>();
    private final ArrayList<Integer> freeSlots = new ArrayList<>();

    public Gallery(String modelId, int dim) {
        this(modelId, dim, 64);
    }

    /** @param expectedTemplates initial capacity, so loading a large gallery does not re-copy the matrix */
    public Gallery(String modelId, int dim, int expectedTemplates) {
        if (dim <= 0) throw new IllegalArgumentException("The embedding dimension must be positive, got " + dim + ".");
        this.modelId = modelId;
        this.dim = dim;
        int cap = Math.max(16, expectedTemplates);
        matrix = new float[cap * dim];
        templateIds = new long[cap];
        rowSlot = new int[cap];
    }

    public String modelId() { return modelId; }

    public int dim() { return dim; }

    /** Number of templates (rows). */
    public int size() {
        lock.readLock().lock();
        try { return rows; } finally { lock.readLock().unlock(); }
    }

    /** Number of distinct persons with at least one template. */
    public int personCount() {
        lock.readLock().lock();
        try { return persons; } finally { lock.readLock().unlock(); }
    }

    /**
     * Adds one template. The embedding is copied and L2-normalised; the caller's array is untouched.
     *
     * @throws IllegalArgumentException wrong dimension, a zero/NaN vector, or a template id already present
     */
    public void add(long personId, long templateId, float[] embedding) {
        float[] row = normalisedCopy(embedding, "template " + templateId);
        lock.writeLock().lock();
        try {
            if (rowOfTemplate.containsKey(templateId)) {
                throw new IllegalArgumentException("Template " + templateId + " is already in the gallery.");
            }
            if (rows == templateIds.length) grow();
            Integer slot = slotOfPerson.get(personId);
            if (slot == null) slot = newSlot(personId);
            System.arraycopy(row, 0, matrix, rows * dim, dim);
            templateIds[rows] = templateId;
            rowSlot[rows] = slot;
            slotRows[slot]++;
            rowOfTemplate.put(templateId, rows);
            rows++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether the template is in the gallery. */
    public boolean contains(long templateId) {
        lock.readLock().lock();
        try { return rowOfTemplate.containsKey(templateId); } finally { lock.readLock().unlock(); }
    }

    /** The template ids held now, each with its person (a snapshot). */
    public Map<Long, Long> templateIds() {
        lock.readLock().lock();
        try {
            Map<Long, Long> out = new HashMap<>(rows * 2);
            for (int r = 0; r < rows; r++) out.put(templateIds[r], slotPerson[rowSlot[r]]);
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes every template of a person; returns how many were removed (0 if the person is unknown). */
    public int removePerson(long personId) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOfPerson.get(personId);
            if (slot == null) return 0;
            int removed = 0;
            // Walk backwards: swap-remove only moves rows from the end, which we have already seen.
            for (int r = rows - 1; r >= 0; r--) {
                if (rowSlot[r] == slot) {
                    removeRow(r);
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes one template; returns false if it was not in the gallery. */
    public boolean removeTemplate(long templateId) {
        lock.writeLock().lock();
        try {
            Integer row = rowOfTemplate.get(templateId);
            if (row == null) return false;
            removeRow(row);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * 1:N search: the top {@code k} persons by cosine similarity, best first, one entry per person.
     * Returns fewer than {@code k} when the gallery has fewer persons.
     *
     * <p>{@link SearchMode#FAST}: a person's score is the cosine between the probe and their best
     * template; {@code flippedProbe} is ignored.
     *
     * <p>{@link SearchMode#ACCURATE}: for each template t of the person,
     * {@code s(t) = (cos(probe, t) + cos(flippedProbe, t)) / 2} (just {@code cos(probe, t)} when
     * {@code flippedProbe} is null — the mirrored face averages out pose and lighting asymmetry).
     * The person's score is {@code 0.75 * max_t s(t) + 0.25 * mean_t s(t)}: the best template leads,
     * the mean rewards persons whose templates agree and damps a single lucky template. With one
     * template per person the score equals {@code s(t)}. The reported template is the one with the best
     * {@code s(t)}. (For unit vectors the average of the two cosines equals the dot product with the
     * averaged probe, so ACCURATE still makes a single pass over the matrix.)
     *
     * @param probe        the probe embedding (any length-{@link #dim()} non-zero vector; normalised here)
     * @param flippedProbe the embedding of the horizontally mirrored probe face, or null
     * @throws IllegalArgumentException wrong dimension, zero/NaN vector, or k &lt; 1
     */
    public List<Candidate> search(float[] probe, float[] flippedProbe, SearchMode mode, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k + ".");
        float[] p = normalisedCopy(probe, "probe");
        if (mode == SearchMode.ACCURATE && flippedProbe != null) {
            // (cos(p, t) + cos(f, t)) / 2 = ((p + f) / 2) . t for unit p, f, t: one pass over the matrix.
            float[] f = normalisedCopy(flippedProbe, "flipped probe");
            for (int i = 0; i < dim; i++) p[i] = (p[i] + f[i]) * 0.5f;
        }
        lock.readLock().lock();
        try {
            if (rows == 0) return List.of();
            int n = slotCount;
            double[] best = new double[n];
            long[] bestTemplate = new long[n];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            double[] sum = mode == SearchMode.ACCURATE ? new double[n] : null;
            final float[] m = matrix;
            for (int r = 0, off = 0; r < rows; r++, off += dim) {
                double s = dot(p, m, off, dim);
                int slot = rowSlot[r];
                if (s > best[slot]) {
                    best[slot] = s;
                    bestTemplate[slot] = templateIds[r];
                }
                if (sum != null) sum[slot] += s;
            }
            // Min-heap of the k best persons so far.
            PriorityQueue<Candidate> heap = new PriorityQueue<>(Math.min(k, persons) + 1,
                    (a, b) -> Double.compare(a.score(), b.score()));
            for (int slot = 0; slot < n; slot++) {
                int count = slotRows[slot];
                if (count == 0) continue;
                double score = best[slot];
                if (sum != null) {
                    score = ACCURATE_BEST_WEIGHT * best[slot] + (1 - ACCURATE_BEST_WEIGHT) * (sum[slot] / count);
                }
                if (heap.size() < k) {
                    heap.add(new Candidate(slotPerson[slot], score, bestTemplate[slot]));
                } else if (score > heap.peek().score()) {
                    heap.poll();
                    heap.add(new Candidate(slotPerson[slot], score, bestTemplate[slot]));
                }
            }
            List<Candidate> out = new ArrayList<>(heap);
            out.sort((a, b) -> Double.compare(b.score(), a.score()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** 1:1 cosine similarity of two embeddings of the same length, in [-1, 1]. */
    public static double compare(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Cannot compare embeddings of different lengths ("
                    + a.length + " and " + b.length + "); they come from different models.");
        }
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        if (!(aa > 0) || !(bb > 0) || Double.isNaN(ab)) {
            throw new IllegalArgumentException("Cannot compare an all-zero or NaN embedding.");
        }
        return ab / Math.sqrt(aa * bb);
    }

    // Eight independent accumulators break the add dependency chain so the CPU can keep both of its
    // floating-point units busy (HotSpot does not vectorise a float reduction by itself).
    private static double dot(float[] q, float[] m, int off, int dim) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < dim; i += 8) {
            int o = off + i;
            s0 += q[i] * m[o];
            s1 += q[i + 1] * m[o + 1];
            s2 += q[i + 2] * m[o + 2];
            s3 += q[i + 3] * m[o + 3];
            s4 += q[i + 4] * m[o + 4];
            s5 += q[i + 5] * m[o + 5];
            s6 += q[i + 6] * m[o + 6];
            s7 += q[i + 7] * m[o + 7];
        }
        for (; i < dim; i++) s0 += q[i] * m[off + i];
        return (double) ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private float[] normalisedCopy(float[] v, String what) {
        if (v == null) throw new IllegalArgumentException("The " + what + " embedding is missing.");
        if (v.length != dim) {
            throw new IllegalArgumentException("The " + what + " embedding has " + v.length
                    + " values but this gallery (model " + modelId + ") holds " + dim + ".");
        }
        double ss = 0;
        for (float x : v) ss += (double) x * x;
        if (!(ss > 0) || Double.isInfinite(ss)) {
            throw new IllegalArgumentException("The " + what + " embedding is all zeros or not a number.");
        }
        float inv = (float) (1.0 / Math.sqrt(ss));
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) out[i] = v[i] * inv;
        return out;
    }

    private void removeRow(int r) {
        int last = rows - 1;
        int slot = rowSlot[r];
        rowOfTemplate.remove(templateIds[r]);
        if (r != last) {
            System.arraycopy(matrix, last * dim, matrix, r * dim, dim);
            templateIds[r] = templateIds[last];
            rowSlot[r] = rowSlot[last];
            rowOfTemplate.put(templateIds[r], r);
        }
        rows = last;
        if (--slotRows[slot] == 0) {
            slotOfPerson.remove(slotPerson[slot]);
            freeSlots.add(slot);
            persons--;
        }
    }

    private int newSlot(long personId) {
        int slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.remove(freeSlots.size() - 1);
        } else {
            if (slotCount == slotPerson.length) {
                slotPerson = Arrays.copyOf(slotPerson, slotCount * 2);
                slotRows = Arrays.copyOf(slotRows, slotCount * 2);
            }
            slot = slotCount++;
        }
        slotPerson[slot] = personId;
        slotRows[slot] = 0;
        slotOfPerson.put(personId, slot);
        persons++;
        return slot;
    }

    private void grow() {
        int cap = templateIds.length * 2;
        if ((long) cap * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("The gallery is full: " + rows + " templates of " + dim + " values.");
        }
        matrix = Arrays.copyOf(matrix, cap * dim);
        templateIds = Arrays.copyOf(templateIds, cap);
        rowSlot = Arrays.copyOf(rowSlot, cap);
    }
}
