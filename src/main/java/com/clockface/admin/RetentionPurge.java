package com.clockface.admin;

import com.clockface.store.AppHome;
import com.clockface.store.CheckEventRepository;
import com.clockface.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: removes evidence frames older than {@link KioskSettings#evidenceRetentionDays()} and session
 * capsules older than {@link KioskSettings#capsuleRetentionDays()} (both kept while their event waits for
 * review), and deletes the capsule files. The kiosk runs it daily; {@code clockface purge} runs it by hand.
 */
public final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    /** What was removed; {@code problems} lists capsule files that could not be deleted. */
    public record Result(Instant evidenceCutoff, Instant capsuleCutoff, int evidenceDeleted, int capsulesForgotten,
                         int capsuleFilesDeleted, List<String> problems) { }

    private final AppHome home;
    private final Database db;
    private final KioskSettings settings;

    public RetentionPurge(AppHome home, Database db) {
        this.home = home;
        this.db = db;
        this.settings = new KioskSettings(db);
    }

    public Result run(String actor) {
        Corrections.requireActor(actor);
        Instant now = db.now();
        Instant evidenceCutoff = now.minus(Duration.ofDays(settings.evidenceRetentionDays()));
        Instant capsuleCutoff = now.minus(Duration.ofDays(settings.capsuleRetentionDays()));
        CheckEventRepository events = new CheckEventRepository(db);
        List<String> capsules = new ArrayList<>(events.purgeCapsulesBefore(capsuleCutoff, actor));
        CheckEventRepository.Purge p = events.purgeEvidenceBefore(evidenceCutoff, actor);
        capsules.addAll(p.capsulePaths());
        int deleted = 0;
        List<String> problems = new ArrayList<>();
        for (String c : capsules) {
            Path f = resolve(c);
            try {
                if (deleteTree(f)) deleted++;
            } catch (IOException e) {
                problems.add(f + ": " + e.getMessage());
                LOG.warn("Could not delete the session capsule {}: {}", f, e.toString());
            }
        }
        return new Result(evidenceCutoff, capsuleCutoff, p.evidenceDeleted(), capsules.size(), deleted, List.copyOf(problems));
    }

    /** Deletes capsule files (paths as stored: relative to the data folder, or absolute); returns the problems. */
    public List<String> deleteCapsules(List<String> paths) {
        List<String> problems = new ArrayList<>();
        for (String c : paths) {
            Path f = resolve(c);
            try {
                deleteTree(f);
            } catch (IOException e) {
                problems.add(f + ": " + e.getMessage());
                LOG.warn("Could not delete the session capsule {}: {}", f, e.toString());
            }
        }
        return problems;
    }

    private Path resolve(String path) { return home.resolveStored(path); }

    private static boolean deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return false;
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
            }
        } else {
            Files.delete(p);
        }
        return true;
    }
}
