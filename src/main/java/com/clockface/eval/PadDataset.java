package com.clockface.eval;

import com.clockface.checkin.FaceEngine;
import com.clockface.liveness.PadFeatures;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Face;
import com.clockface.vision.FaceQuality;
import com.clockface.vision.ImageDecoder;
import com.clockface.vision.ImageException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A PAD folder ({@code live/} plus one folder per attack species) turned into per-image feature rows:
 * decode, pad tight crops ({@link CropPadding}), detect, measure every {@link PadFeatures#ALL} on the largest
 * face. Rows can be cached in a CSV so that fusion experiments do not rerun the models.
 */
public final class PadDataset {
    public static final String LIVE = "live";

    /**
     * One image: its folder (live or species), file, subject/source if a manifest names them, its place in the
     * recording it was cut from (the manifest's source path; else the file name) and features (null = no face).
     */
    public record Row(String label, String file, String subject, String source, String order, Map<String, Double> features) {
        public boolean live() { return LIVE.equals(label); }
        public boolean acquired() { return features != null; }
        public String key() { return label + "/" + file; }
    }

    private PadDataset() {}

    /** Image files of DIR by folder, sorted; refuses a DIR without live/ or without any attack folder. */
    public static Map<String, List<Path>> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("not a directory: " + dir);
        Map<String, List<Path>> out = new java.util.TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path sub : ds) {
                List<Path> files = new ArrayList<>();
                try (DirectoryStream<Path> fs = Files.newDirectoryStream(sub, PadDataset::isImage)) {
                    fs.forEach(files::add);
                }
                files.sort(null);
                if (!files.isEmpty()) out.put(sub.getFileName().toString(), files);
            }
        }
        if (!out.containsKey(LIVE)) throw new IOException(dir + " has no live/ folder with images (bona fide presentations)");
        if (out.size() < 2) throw new IOException(dir + " has no attack folder with images (e.g. print/, replay/)");
        return out;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png")
                || n.endsWith(".bmp") || n.endsWith(".jp2"));
    }

    /**
     * Subject, source and original path of each "folder/file" from a data manifest (columns path, subject, optional
     * source_path); source = subject, all nuaa-* as one.
     */
    public static Map<String, String[]> manifest(Path csv) throws IOException {
        Map<String, String[]> m = new HashMap<>();
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!p.getHeaderMap().containsKey("path") || !p.getHeaderMap().containsKey("subject")) {
                throw new IOException(csv + " lacks the columns path and subject");
            }
            for (CSVRecord rec : p) {
                String[] parts = rec.get("path").split("/");
                if (parts.length < 2) continue;
                String subject = rec.get("subject");
                if (subject.isBlank()) continue;
                String source = subject.startsWith("nuaa-") ? "nuaa" : subject;
                String order = rec.isMapped("source_path") ? rec.get("source_path") : rec.get("path");
                m.put(parts[parts.length - 2] + "/" + parts[parts.length - 1], new String[] {subject, source, order});
            }
        }
        return m;
    }

    /**
     * Features for every image, from the cache when it holds this DIR's files with the same feature
     * list, else computed (and the cache rewritten). Progress goes to {@code log}.
     */
    public static List<Row> load(Path dir, FaceEngine engine, Map<String, String[]> manifest, CropPadding padding, Path cache,
                                 PrintStream log) throws IOException {
        Map<String, List<Path>> files = list(dir);
        Map<String, Map<String, Double>> cached = cache != null && Files.exists(cache) ? readCache(cache, padding) : Map.of();
        List<Row> rows = new ArrayList<>();
        int total = files.values().stream().mapToInt(List::size).sum(), done = 0, computed = 0;
        for (Map.Entry<String, List<Path>> e : files.entrySet()) {
            for (Path f : e.getValue()) {
                String key = e.getKey() + "/" + f.getFileName();
                Map<String, Double> feats;
                if (cached.containsKey(key)) {
                    feats = cached.get(key);
                } else {
                    feats = measure(engine, f, padding);
                    computed++;
                }
                String[] ss = manifest == null ? null : manifest.get(key);
                rows.add(new Row(e.getKey(), f.getFileName().toString(), ss == null ? "unknown" : ss[0],
                        ss == null ? "unknown" : ss[1], ss == null ? key : ss[2], feats));
                if (++done % 100 == 0 && log != null) log.printf("eval pad: %d/%d images%n", done, total);
            }
        }
        if (cache != null && computed > 0) writeCache(cache, rows, padding);
        return rows;
    }

    /** Features of the largest face, or null when no face is found (a failure to acquire). */
    static Map<String, Double> measure(FaceEngine engine, Path file, CropPadding padding) {
        BgrImage img;
        try {
            img = ImageDecoder.read(file);
        } catch (ImageException e) {
            return null;
        }
        Prepared p = prepare(engine, img, padding);
        return p == null ? null : PadFeatures.compute(engine.passive(), p.image(), p.face(), PadFeatures.ALL);
    }

    /**
     * How a tight face crop gets the room around it that detection and MiniFASNet's 2.7x/4.0x context crops
     * need. A kiosk frame always has a real surround, so either is a stand-in: BLACK (the default) adds a surround
     * that carries no texture; REPLICATE repeats the edge pixels outward, and MiniFASNet reads those streaks as
     * the texture of a live scene (measured: replay EER 36 % with it against 6 % with black, same models).
     */
    public enum CropPadding { BLACK, REPLICATE }

    /** An image ready for scoring: padded if it was a tight crop, and its largest face. */
    public record Prepared(BgrImage image, Face face) { }

    /** Detects the largest face, padding a tight crop first; null when there is no face even then. */
    public static Prepared prepare(FaceEngine engine, BgrImage img, CropPadding padding) {
        List<Face> faces = engine.detect(img);
        if (faces.isEmpty() || tight(img, FaceQuality.largest(faces))) {
            img = pad(img, padding);
            faces = engine.detect(img);
        }
        return faces.isEmpty() ? null : new Prepared(img, FaceQuality.largest(faces));
    }

    /** A tight face crop (as in the self-recorded spoof folders): the face fills most of the width. */
    static boolean tight(BgrImage img, Face f) {
        return f.width() > 0.5 * img.width();
    }

    /** Pads a tight crop by half its size on every side, so the detector sees a whole head and the context crops have room. */
    public static BgrImage pad(BgrImage img, CropPadding padding) {
        int px = img.width() / 2, py = img.height() / 2;
        return padding == CropPadding.BLACK ? Padding.black(img, px, py) : Padding.replicate(img, px, py);
    }

    /** Cached rows measured with the same padding and feature list; empty for a stale cache. */
    static Map<String, Map<String, Double>> readCache(Path cache, CropPadding padding) throws IOException {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(cache);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            if (header.size() < 3 || !header.subList(3, header.size()).equals(PadFeatures.ALL)) return Map.of();
            for (CSVRecord rec : p) {
                if (!rec.get("padding").equals(padding.name())) return Map.of();
                if (rec.get("acquired").equals("0")) { m.put(rec.get("key"), null); continue; }
                Map<String, Double> f = new LinkedHashMap<>();
                for (String n : PadFeatures.ALL) f.put(n, Double.parseDouble(rec.get(n)));
                m.put(rec.get("key"), f);
            }
        }
        return m;
    }

    static void writeCache(Path cache, List<Row> rows, CropPadding padding) throws IOException {
        if (cache.getParent() != null) Files.createDirectories(cache.getParent());
        List<String> header = new ArrayList<>(List.of("key", "acquired", "padding"));
        header.addAll(PadFeatures.ALL);
        try (Writer w = Files.newBufferedWriter(cache);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(w)) {
            for (Row r : rows) {
                List<Object> rec = new ArrayList<>(List.of(r.key(), r.acquired() ? "1" : "0", padding.name()));
                for (String n : PadFeatures.ALL) rec.add(r.acquired() ? r.features().get(n) : "");
                p.printRecord(rec);
            }
        }
    }
}
