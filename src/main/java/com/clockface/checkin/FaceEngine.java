package com.clockface.checkin;

import com.clockface.gallery.Candidate;
import com.clockface.gallery.Gallery;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.PadFusion;
import com.clockface.liveness.LivenessProfile;
import com.clockface.liveness.LivenessResult;
import com.clockface.liveness.PassiveLiveness;
import com.clockface.liveness.PassiveLivenessScorer;
import com.clockface.store.Database;
import com.clockface.store.Template;
import com.clockface.store.TemplateEmbedding;
import com.clockface.store.TemplateRepository;
import com.clockface.store.TemplateSource;
import com.clockface.vision.BgrImage;
import com.clockface.vision.EmbedderConfig;
import com.clockface.vision.Face;
import com.clockface.vision.FaceDetector;
import com.clockface.vision.FaceEmbedder;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.ModelException;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The loaded face models and the gallery: one instance per process, shared by the kiosk, the
 * admin screens and the command line. Loading the ONNX sessions is the expensive part, so it
 * happens once here.
 */
public final class FaceEngine implements AutoCloseable {

    /**
     * Default minimum cosine for a 1:N match with face-reid-0095. Chosen from `clockface eval identify`
     * on the developer data: see README ("Thresholds").
     */
    public static final double DEFAULT_MATCH_THRESHOLD = 0.5;
    /** Best and second-best persons closer than this are ambiguous: a human decides. */
    public static final double AMBIGUITY_MARGIN = 0.03;

    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final PassiveLiveness passive;
    private final PassiveLivenessScorer scorer;
    private final Gallery gallery;
    private final TemplateRepository templates; // null when running without a database

    private FaceEngine(FaceDetector detector, FaceEmbedder embedder, PassiveLiveness passive, TemplateRepository templates) {
        this.detector = detector;
        this.embedder = embedder;
        this.passive = passive;
        this.scorer = new PassiveLivenessScorer(passive, PadFusion.shipped());
        this.templates = templates;
        this.gallery = new Gallery(embedder.modelId(), embedder.dimension());
        if (templates != null) {
            for (TemplateEmbedding t : templates.loadAll(embedder.modelId())) {
                gallery.add(t.personId(), t.templateId(), t.embedding());
            }
        }
    }

    /** Models only, with an empty in-memory gallery (compare, liveness, evaluations). */
    public static FaceEngine load(ModelResolver resolver) throws ModelException {
        return load(resolver, null, null);
    }

    /**
     * Models plus the gallery of every active template of the embedder's model in the database.
     *
     * @param embedderId a model id of role "embedder" in models.json, or null for the default one
     */
    public static FaceEngine load(ModelResolver resolver, Database db, String embedderId) throws ModelException {
        ModelSpec emb = embedderId == null ? resolver.defaultModel("embedder") : resolver.spec(embedderId);
        if (!"embedder".equals(emb.role())) throw new ModelException("model " + emb.id() + " is not an embedder");
        EmbedderConfig cfg = EmbedderConfig.of(emb);
        FaceDetector det = new FaceDetector(resolver.resolve("yunet-2023mar"));
        FaceEmbedder fe = new FaceEmbedder(cfg, resolver.resolve(emb));
        PassiveLiveness pl = new PassiveLiveness(resolver.resolve("minifasnet-v2-80"), resolver.resolve("minifasnet-v1se-80"));
        return new FaceEngine(det, fe, pl, db == null ? null : new TemplateRepository(db));
    }

    public FaceDetector detector() { return detector; }
    public FaceEmbedder embedder() { return embedder; }
    public PassiveLiveness passive() { return passive; }
    /** The passive liveness scorer (the shipped fusion: MiniFASNet pair on the crop and its mirror). */
    public PassiveLivenessScorer scorer() { return scorer; }
    public Gallery gallery() { return gallery; }
    public String modelId() { return embedder.modelId(); }

    public List<Face> detect(BgrImage image) { return detector.detect(image); }

    public float[] embed(BgrImage image, Face face) { return embedder.embed(image, face); }

    /** Embedding of the mirrored face: the image flipped, landmarks mirrored and left/right swapped. */
    public float[] embedMirrored(BgrImage image, Face face) {
        BgrImage flipped = image.flipHorizontal();
        int w = image.width();
        float[] l = face.landmarks();
        int[] swap = {1, 0, 2, 4, 3}; // right eye <-> left eye, right mouth <-> left mouth
        float[] m = new float[10];
        for (int i = 0; i < 5; i++) {
            m[2 * i] = w - 1 - l[2 * swap[i]];
            m[2 * i + 1] = l[2 * swap[i] + 1];
        }
        Face mf = new Face(w - face.x() - face.width(), face.y(), face.width(), face.height(), face.score(), m);
        return embedder.embed(flipped, mf);
    }

    /**
     * Single-image passive liveness of the largest face: the score of {@link PassiveLivenessScorer},
     * the per-model parts as signals; ERROR (score 0) when there is no face.
     */
    public LivenessResult passiveLiveness(BgrImage image, List<Face> faces, LivenessProfile profile) {
        if (faces.isEmpty()) return LivenessResult.error("No face was found in the image.");
        Face face = FaceQuality.largest(faces);
        PassiveLivenessScorer.Score s = scorer.score(image, face);
        return LivenessResult.of(s.probability(), profile, s.signals());
    }

    /** What compare-with-liveness decided. */
    public enum Decision { MATCH, NO_MATCH, REVIEW, LIVENESS_FAILED, ERROR }

    /**
     * The answer to "who is this, and are they live?": both scores and a decision. A REVIEW or an
     * unknown face never becomes somebody's punch without a human.
     */
    public record Identification(Decision decision, String reason, int faces, Face face, LivenessResult liveness,
                                 Candidate match, List<Candidate> candidates, double threshold) { }

    /**
     * Compare-with-liveness on one image: passive liveness on the probe, then 1:N search.
     * Liveness ERROR → ERROR; FAIL → LIVENESS_FAILED; best score below the threshold → NO_MATCH;
     * liveness REVIEW or an ambiguous top-2 → REVIEW; otherwise MATCH.
     */
    public Identification identify(BgrImage image, SearchMode mode, LivenessProfile profile, double threshold) {
        List<Face> faces = detect(image);
        LivenessResult live = passiveLiveness(image, faces, profile);
        if (faces.isEmpty()) {
            return new Identification(Decision.ERROR, live.reason(), 0, null, live, null, List.of(), threshold);
        }
        Face face = FaceQuality.largest(faces);
        List<Candidate> candidates = search(image, face, mode, 5);
        Candidate best = candidates.isEmpty() ? null : candidates.get(0);
        Candidate match = best != null && best.score() >= threshold ? best : null;
        Decision d;
        String reason;
        switch (live.outcome()) {
            case FAIL -> { d = Decision.LIVENESS_FAILED; reason = "Liveness check failed: this does not look like a live person."; }
            case ERROR -> { d = Decision.ERROR; reason = live.reason(); }
            default -> {
                if (match == null) {
                    d = Decision.NO_MATCH;
                    reason = gallery.size() == 0 ? "Nobody is enrolled yet." : "The face does not match anyone enrolled.";
                } else if (live.outcome() == com.clockface.liveness.Outcome.REVIEW) {
                    d = Decision.REVIEW;
                    reason = "Liveness is uncertain; an administrator must confirm.";
                } else if (candidates.size() > 1 && best.score() - candidates.get(1).score() < AMBIGUITY_MARGIN) {
                    d = Decision.REVIEW;
                    reason = "Two enrolled people match almost equally; an administrator must confirm.";
                } else {
                    d = Decision.MATCH;
                    reason = "Matched.";
                }
            }
        }
        return new Identification(d, reason, faces.size(), face, live, match, candidates, threshold);
    }

    /** Top-k persons for a face; ACCURATE also embeds the mirrored face. */
    public List<Candidate> search(BgrImage image, Face face, SearchMode mode, int k) {
        if (gallery.size() == 0) return List.of();
        float[] probe = embed(image, face);
        float[] mirrored = mode == SearchMode.ACCURATE ? embedMirrored(image, face) : null;
        return gallery.search(probe, mirrored, mode, k);
    }

    /** One image ready to become a template, with what the duplicate check found. */
    public record PreparedTemplate(float[] embedding, FaceQuality.Report quality, List<Candidate> lookalikes) { }

    /**
     * Checks and embeds an enrolment image. Throws {@link EnrolmentException} with the quality
     * sentence when the face is not good enough; reports enrolled lookalikes (other persons above the
     * match threshold) so the admin is warned of a duplicate before saving.
     */
    public PreparedTemplate prepareTemplate(BgrImage image, FaceQuality.Rules rules, long enrollingPersonId) throws EnrolmentException {
        List<Face> faces = detect(image);
        FaceQuality.Report q = FaceQuality.assess(image, faces, rules);
        if (!q.ok()) throw new EnrolmentException(q.problems());
        float[] e = embed(image, q.face());
        List<Candidate> lookalikes = new ArrayList<>();
        if (gallery.size() > 0) {
            for (Candidate c : gallery.search(e, null, SearchMode.FAST, 3)) {
                if (c.personId() != enrollingPersonId && c.score() >= DEFAULT_MATCH_THRESHOLD) lookalikes.add(c);
            }
        }
        return new PreparedTemplate(e, q, lookalikes);
    }

    /**
     * The trusted-photo upload path: file rules (format, 2 MB), then the ISO/IEC 19794-5-style face
     * rules of {@link FaceQuality.Rules#TRUSTED_PHOTO} (85 px between the eyes, frontal, sharp, well lit).
     */
    public PreparedTemplate prepareTrustedPhoto(java.nio.file.Path file, long enrollingPersonId) throws EnrolmentException {
        List<FaceQuality.Problem> fileProblems = FaceQuality.checkTrustedPhotoFile(file);
        if (!fileProblems.isEmpty()) throw new EnrolmentException(fileProblems);
        BgrImage image;
        try {
            image = com.clockface.vision.ImageDecoder.read(file);
        } catch (com.clockface.vision.ImageException e) {
            throw new EnrolmentException(List.of(new FaceQuality.Problem(com.clockface.vision.QualityIssue.UNREADABLE, e.getMessage())));
        }
        return prepareTemplate(image, FaceQuality.Rules.TRUSTED_PHOTO, enrollingPersonId);
    }

    /** Stores the template encrypted and adds it to the in-memory gallery without a reload. */
    public Template saveTemplate(long personId, PreparedTemplate t, TemplateSource source, String actor) {
        if (templates == null) throw new IllegalStateException("this engine was loaded without a database");
        Template saved = templates.add(personId, modelId(), t.embedding(), t.quality().score(), source, actor);
        addOnce(personId, saved.id(), t.embedding());
        return saved;
    }

    /**
     * Stores several templates of one person in ONE transaction (all or none; live capture, bulk import)
     * and adds them to the in-memory gallery.
     */
    public List<Template> saveTemplates(long personId, List<PreparedTemplate> batch, TemplateSource source, String actor) {
        if (templates == null) throw new IllegalStateException("this engine was loaded without a database");
        List<TemplateRepository.NewTemplate> rows = new ArrayList<>();
        for (PreparedTemplate t : batch) {
            rows.add(new TemplateRepository.NewTemplate(personId, modelId(), t.embedding(), t.quality().score(), source));
        }
        List<Template> saved = templates.addBatch(rows, actor);
        for (int i = 0; i < saved.size(); i++) addOnce(personId, saved.get(i).id(), batch.get(i).embedding());
        return saved;
    }

    /** Adds to the gallery unless a {@link #syncGallery} on another thread got there first. */
    private synchronized boolean addOnce(long personId, long templateId, float[] embedding) {
        if (gallery.contains(templateId)) return false;
        gallery.add(personId, templateId, embedding);
        return true;
    }

    /** Drops a person's templates from the in-memory gallery (after an erase or deactivation). */
    public void forgetPerson(long personId) {
        gallery.removePerson(personId);
    }

    /**
     * The inverse of {@link #forgetPerson}: after an activation, puts the person's stored templates back
     * into the in-memory gallery. Makes the gallery agree with the store for this person (an inactive or
     * erased person ends up with none), so calling it after any change of the person is safe.
     *
     * @return templates of the person in the gallery now
     */
    public int rememberPerson(long personId) {
        if (templates == null) throw new IllegalStateException("this engine was loaded without a database");
        List<Long> ids = new ArrayList<>();
        templates.activeTemplateIds(modelId()).forEach((t, p) -> { if (p == personId) ids.add(t); });
        List<TemplateEmbedding> stored = templates.loadByIds(ids);
        gallery.removePerson(personId);
        for (TemplateEmbedding t : stored) addOnce(t.personId(), t.templateId(), t.embedding());
        return stored.size();
    }

    /** What {@link #syncGallery} changed. */
    public record GallerySync(int added, int removed) { }

    /**
     * Brings the in-memory gallery in line with the database: adds the templates of active persons it
     * lacks (enrolled or activated by another process, e.g. {@code clockface admin} on a desk PC) and drops
     * those of persons deactivated or erased since. Reads only ids unless something changed.
     */
    public GallerySync syncGallery() {
        if (templates == null) return new GallerySync(0, 0);
        java.util.Map<Long, Long> stored = templates.activeTemplateIds(modelId());
        java.util.Map<Long, Long> held = gallery.templateIds();
        int removed = 0;
        for (Long t : held.keySet()) {
            if (!stored.containsKey(t) && gallery.removeTemplate(t)) removed++;
        }
        List<Long> missing = new ArrayList<>();
        for (Long t : stored.keySet()) if (!held.containsKey(t)) missing.add(t);
        int added = 0;
        for (TemplateEmbedding t : templates.loadByIds(missing)) {
            if (addOnce(t.personId(), t.templateId(), t.embedding())) added++;
        }
        return new GallerySync(added, removed);
    }

    @Override
    public void close() {
        detector.close();
        embedder.close();
        passive.close();
    }
}
