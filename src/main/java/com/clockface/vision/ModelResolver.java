package com.clockface.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.clockface.vision.ir.OpenVinoIrConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds each model of models/models.json as a file whose sha256 has been checked.
 *
 * <p>Lookup: the model directory ({@code CLOCKFACE_MODELS}, else {@code models/} under the working
 * directory), then the {@code models/} directory beside the application jar (where an installed kiosk
 * keeps its bundled models). A missing model is fetched into the model directory from
 * {@code CLOCKFACE_MODEL_MIRROR} (a directory or an http(s) URL base) or else its upstream URL. Every
 * file is checked against its sha256 before it is handed out; an altered file is refused, never loaded.
 * Fetches go to {@code <file>.part} and are moved into place only once verified, so a half-written
 * model is never in place.
 *
 * <p>Thread-safe; resolving the same model twice hashes it once per (size, mtime).
 */
public final class ModelResolver {

    private static final Logger log = LoggerFactory.getLogger(ModelResolver.class);
    public static final String ENV_MODELS = "CLOCKFACE_MODELS";
    public static final String ENV_MIRROR = "CLOCKFACE_MODEL_MIRROR";
    public static final String CATALOG_RESOURCE = "/models/models.json";
    private static final long MAX_DOWNLOAD = 1L << 30; // nothing we ship is near 1 GiB; stops a runaway server

    /** Download / copy progress; total is -1 when the server does not say. */
    @FunctionalInterface
    public interface Progress {
        void update(String modelId, String source, long done, long total);

        Progress NONE = (id, source, done, total) -> { };
    }

    /** Turns an upstream format into the ONNX file models.json describes (OpenVINO IR for face-reid-0095). */
    @FunctionalInterface
    public interface Converter {
        /** @param inputs the downloaded upstream files (for OpenVINO IR: xml, bin); writes {@code onnx}. */
        void convert(ModelSpec spec, List<Path> inputs, Path onnx) throws IOException;
    }

    public enum Status { VERIFIED, MISSING, MISMATCH, UNREADABLE }

    /** What {@link #check} found for one model, without fetching anything. */
    public record Check(ModelSpec spec, Path path, Status status, String actualSha256, String message) {
        public boolean ok() { return status == Status.VERIFIED; }
    }

    private record Verified(long size, long mtime, String sha256) { }

    private static final Map<Path, Verified> VERIFIED = new ConcurrentHashMap<>();

    private final Map<String, ModelSpec> specs;
    private final Path modelDir;
    private final List<Path> bundledDirs;
    private final String mirror;
    private final Progress progress;
    private final Map<String, Converter> converters;
    private final int attempts;
    private final Duration retryDelay;
    private final Duration timeout;
    private volatile HttpClient http;

    private ModelResolver(Builder b) {
        Map<String, ModelSpec> m = new LinkedHashMap<>();
        for (ModelSpec s : b.catalog) m.put(s.id(), s);
        this.specs = Map.copyOf(m);
        this.modelDir = b.modelDir.toAbsolutePath().normalize();
        this.bundledDirs = b.bundledDirs.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> !p.equals(modelDir)).distinct().toList();
        this.mirror = b.mirror == null || b.mirror.isBlank() ? null : b.mirror.trim();
        this.progress = b.progress;
        this.converters = Map.copyOf(b.converters);
        this.attempts = b.attempts;
        this.retryDelay = b.retryDelay;
        this.timeout = b.timeout;
        this.catalogOrder = List.copyOf(m.values());
    }

    private final List<ModelSpec> catalogOrder;

    /**
     * The resolver the application uses: catalog from the classpath, model directory and mirror from the
     * environment, the bundled directory beside the jar, OpenVINO IR conversion when available.
     */
    public static ModelResolver fromEnvironment() throws ModelException {
        return builder().build();
    }

    public static Builder builder() { return new Builder(); }

    // ---------------------------------------------------------------- catalog

    /** The catalog shipped in the jar ({@value #CATALOG_RESOURCE}). */
    public static List<ModelSpec> loadCatalog() throws ModelException {
        try (InputStream in = ModelResolver.class.getResourceAsStream(CATALOG_RESOURCE)) {
            if (in == null) {
                throw new ModelException("The model list " + CATALOG_RESOURCE + " is missing from the application; "
                        + "rebuild it with 'mvn package' or re-install ClockFace.");
            }
            return parseCatalog(in, CATALOG_RESOURCE);
        } catch (IOException e) {
            throw new ModelException("Cannot read the model list " + CATALOG_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static List<ModelSpec> loadCatalog(Path json) throws ModelException {
        try (InputStream in = Files.newInputStream(json)) {
            return parseCatalog(in, json.toString());
        } catch (IOException e) {
            throw new ModelException("Cannot read the model list " + json + ": " + e.getMessage(), e);
        }
    }

    private static List<ModelSpec> parseCatalog(InputStream in, String where) throws ModelException {
        ObjectMapper om = new ObjectMapper();
        try {
            JsonNode root = om.readTree(in);
            JsonNode models = root == null ? null : root.get("models");
            if (models == null || !models.isArray()) {
                throw new ModelException("The model list " + where + " has no \"models\" array.");
            }
            List<ModelSpec> out = new ArrayList<>();
            for (JsonNode n : models) {
                String id = text(n, "id");
                if (id == null || text(n, "file") == null || text(n, "sha256") == null) {
                    throw new ModelException("An entry of the model list " + where
                            + " lacks id, file or sha256: " + n);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> params = n.has("params") ? om.convertValue(n.get("params"), Map.class) : Map.of();
                @SuppressWarnings("unchecked")
                Map<String, String> conversion = n.has("conversion")
                        ? om.convertValue(n.get("conversion"), Map.class) : Map.of();
                out.add(new ModelSpec(id, text(n, "file"), text(n, "role"), text(n, "sha256"),
                        n.path("bytes").asLong(-1), text(n, "license"), text(n, "url"),
                        text(n, "upstreamFormat"), n.path("default").asBoolean(false), params, conversion));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelException("The model list " + where + " is not valid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    // ---------------------------------------------------------------- queries

    public List<ModelSpec> models() { return catalogOrder; }

    public ModelSpec spec(String id) throws ModelException {
        ModelSpec s = specs.get(id);
        if (s == null) {
            throw new ModelException("Unknown model id '" + id + "'. Known models: " + specs.keySet()
                    + " (see models/models.json).");
        }
        return s;
    }

    /** The model of {@code role} marked "default", else the only/first one of that role. */
    public ModelSpec defaultModel(String role) throws ModelException {
        ModelSpec first = null;
        for (ModelSpec s : catalogOrder) {
            if (!Objects.equals(role, s.role())) continue;
            if (s.isDefault()) return s;
            if (first == null) first = s;
        }
        if (first == null) throw new ModelException("No model with role '" + role + "' in models/models.json.");
        return first;
    }

    /** Where missing models are fetched to. */
    public Path modelDir() { return modelDir; }

    /** Read-only directories searched after {@link #modelDir()} (models bundled with an installation). */
    public List<Path> bundledDirs() { return bundledDirs; }

    /** The mirror (directory or URL base), or null. */
    public String mirror() { return mirror; }

    // ---------------------------------------------------------------- resolve

    public Path resolve(String id) throws ModelException { return resolve(spec(id)); }

    /**
     * The verified model file, fetched first if missing.
     *
     * @throws ModelException if the file is altered (sha256 differs) or cannot be fetched; the message says
     *                        what to do
     */
    public Path resolve(ModelSpec spec) throws ModelException {
        Check local = check(spec);
        switch (local.status()) {
            case VERIFIED: return local.path();
            case MISMATCH:
            case UNREADABLE: throw new ModelException(local.message());
            default: break;
        }
        synchronized (lockFor(spec)) {
            Path target = modelDir.resolve(spec.file());
            if (Files.isRegularFile(target)) {            // another thread fetched it meanwhile
                Check again = checkFile(spec, target);
                if (again.ok()) return target;
                throw new ModelException(again.message());
            }
            fetch(spec, target);
            return target;
        }
    }

    /** Resolves every model in the catalog; returns id → verified path. */
    public Map<String, Path> resolveAll() throws ModelException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (ModelSpec s : catalogOrder) out.put(s.id(), resolve(s));
        return out;
    }

    /** Looks for the model in the model directory and bundled directories and checks it; never fetches. */
    public Check check(ModelSpec spec) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(modelDir);
        dirs.addAll(bundledDirs);
        for (Path dir : dirs) {
            Path p = dir.resolve(spec.file());
            if (Files.isRegularFile(p)) return checkFile(spec, p);
        }
        return new Check(spec, modelDir.resolve(spec.file()), Status.MISSING, null,
                "Model " + spec.id() + " is not in " + modelDir
                        + (bundledDirs.isEmpty() ? "" : " nor " + bundledDirs) + ".");
    }

    public Check check(String id) throws ModelException { return check(spec(id)); }

    private Check checkFile(ModelSpec spec, Path p) {
        try {
            long size = Files.size(p);
            long mtime = Files.getLastModifiedTime(p).toMillis();
            Verified v = VERIFIED.get(p);
            String actual;
            if (v != null && v.size == size && v.mtime == mtime) {
                actual = v.sha256;
            } else if (spec.bytes() >= 0 && size != spec.bytes()) {
                actual = sha256(p); // still report the real hash: doctor shows it
            } else {
                actual = sha256(p);
                VERIFIED.put(p, new Verified(size, mtime, actual));
            }
            if (actual.equals(spec.sha256())) return new Check(spec, p, Status.VERIFIED, actual, "verified");
            return new Check(spec, p, Status.MISMATCH, actual, mismatchMessage(spec, p, actual));
        } catch (IOException e) {
            return new Check(spec, p, Status.UNREADABLE, null, "Model " + spec.id() + " at " + p
                    + " cannot be read (" + e.getMessage() + "). Check its permissions, or delete it so it is "
                    + "fetched again.");
        }
    }

    private String mismatchMessage(ModelSpec spec, Path p, String actual) {
        return "Model " + spec.id() + " at " + p + " is altered or damaged: its sha256 is " + actual
                + " but models.json expects " + spec.sha256() + ". It will not be loaded. To fix: delete "
                + p + " so it is fetched again (from " + ENV_MIRROR + " or its upstream URL), or point "
                + ENV_MIRROR + " at a directory or URL holding a good copy, or re-install ClockFace.";
    }

    // ---------------------------------------------------------------- fetching

    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private Object lockFor(ModelSpec spec) {
        return LOCKS.computeIfAbsent(modelDir.resolve(spec.file()).toString(), k -> new Object());
    }

    private void fetch(ModelSpec spec, Path target) throws ModelException {
        List<String> failures = new ArrayList<>();
        try {
            Files.createDirectories(modelDir);
        } catch (IOException e) {
            throw new ModelException("Model " + spec.id() + " is missing and the model directory " + modelDir
                    + " cannot be created (" + e.getMessage() + "). Set " + ENV_MODELS
                    + " to a writable directory.", e);
        }
        if (mirror != null) {
            try {
                fetchFromMirror(spec, target);
                return;
            } catch (ChecksumException e) {
                throw new ModelException(e.getMessage(), e);
            } catch (IOException e) {
                failures.add("mirror " + mirror + ": " + describe(e));
            }
        }
        if (spec.url() != null && !spec.url().isBlank()) {
            try {
                fetchFromUpstream(spec, target);
                return;
            } catch (ChecksumException e) {
                throw new ModelException(e.getMessage(), e);
            } catch (IOException e) {
                failures.add("upstream " + spec.url() + ": " + describe(e));
            }
        }
        throw new ModelException("Model " + spec.id() + " (" + spec.file() + ") is missing from " + modelDir
                + " and could not be fetched"
                + (failures.isEmpty() ? " (no mirror and no upstream URL)" : ": " + String.join("; ", failures))
                + ". To fix: copy " + spec.file() + " into " + modelDir + ", or set " + ENV_MIRROR
                + " to a directory or http(s) URL that holds it, or connect this machine to the internet.");
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException && e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host (no network or DNS)";
        }
        if (e instanceof ConnectException) {
            return "cannot connect" + (e.getMessage() == null ? " (refused or no network)" : " (" + e.getMessage() + ")");
        }
        if (e instanceof java.net.http.HttpTimeoutException) return "timed out";
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host (no network or DNS)";
        }
        if (e instanceof NoSuchFileException) return "no such file " + e.getMessage();
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m);
    }

    /** A fetched file whose sha256 is wrong: never retried from another source silently. */
    private static final class ChecksumException extends IOException {
        ChecksumException(String m) { super(m); }
    }

    private void fetchFromMirror(ModelSpec spec, Path target) throws IOException {
        Path part = partFile(target);
        try {
            if (isHttp(mirror)) {
                String base = mirror.endsWith("/") ? mirror : mirror + "/";
                download(spec.id(), uri(base + spec.file()), part);
            } else {
                Path src = Path.of(mirror).resolve(spec.file());
                if (!Files.isRegularFile(src)) throw new NoSuchFileException(src.toString());
                copyWithProgress(spec.id(), src, part);
            }
            verifyAndMove(spec, part, target, "the mirror " + mirror);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void fetchFromUpstream(ModelSpec spec, Path target) throws IOException {
        Path part = partFile(target);
        try {
            if (spec.isOpenVinoIr()) {
                fetchOpenVinoIr(spec, part);
            } else {
                download(spec.id(), uri(spec.url()), part);
            }
            verifyAndMove(spec, part, target, "the upstream URL " + spec.url());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void fetchOpenVinoIr(ModelSpec spec, Path onnxPart) throws IOException {
        Converter conv = converters.get(ModelSpec.OPENVINO_IR);
        if (conv == null) {
            throw new IOException("it is OpenVINO IR and no converter is available");
        }
        String xmlUrl = spec.url();
        if (!xmlUrl.endsWith(".xml")) throw new IOException("an OpenVINO IR URL must end in .xml: " + xmlUrl);
        String binUrl = xmlUrl.substring(0, xmlUrl.length() - 4) + ".bin";
        // keep the upstream file names: the converter names the graph after the .xml
        Path work = modelDir.resolve(spec.file() + ".ir.part");
        String base = Path.of(URI.create(xmlUrl).getPath()).getFileName().toString();
        base = base.substring(0, base.length() - 4);
        Path xml = work.resolve(base + ".xml");
        Path bin = work.resolve(base + ".bin");
        try {
            Files.createDirectories(work);
            download(spec.id(), uri(xmlUrl), xml);
            download(spec.id(), uri(binUrl), bin);
            conv.convert(spec, List.of(xml, bin), onnxPart);
        } finally {
            Files.deleteIfExists(xml);
            Files.deleteIfExists(bin);
            Files.deleteIfExists(work);
        }
    }

    private void verifyAndMove(ModelSpec spec, Path part, Path target, String source) throws IOException {
        String actual = sha256(part);
        if (!actual.equals(spec.sha256())) {
            throw new ChecksumException("Model " + spec.id() + " fetched from " + source + " has sha256 " + actual
                    + " but models.json expects " + spec.sha256() + "; it was discarded and nothing was installed. "
                    + "To fix: point " + ENV_MIRROR + " at a directory or URL holding a good copy, or copy a good "
                    + spec.file() + " into " + modelDir + ", or re-install ClockFace.");
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        VERIFIED.put(target, new Verified(Files.size(target), Files.getLastModifiedTime(target).toMillis(), actual));
        log.info("Model {} installed in {} from {}", spec.id(), target, source);
    }

    private static Path partFile(Path target) { return target.resolveSibling(target.getFileName() + ".part"); }

    private static boolean isHttp(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    private static URI uri(String s) throws IOException {
        try {
            URI u = new URI(s);
            if (!isHttp(s)) throw new IOException("not an http(s) URL: " + s);
            return u;
        } catch (URISyntaxException e) {
            throw new IOException("bad URL " + s + ": " + e.getMessage(), e);
        }
    }

    private void copyWithProgress(String id, Path src, Path part) throws IOException {
        long total = Files.size(src);
        try (InputStream in = Files.newInputStream(src);
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            pump(id, src.toString(), in, out, 0, total);
        }
    }

    private long pump(String id, String source, InputStream in, OutputStream out, long done, long total)
            throws IOException {
        byte[] buf = new byte[64 * 1024];
        long lastReport = -1;
        progress.update(id, source, done, total);
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            done += n;
            if (done > MAX_DOWNLOAD) throw new IOException("more than " + MAX_DOWNLOAD + " bytes; refusing");
            if (done - lastReport >= 256 * 1024) {
                progress.update(id, source, done, total);
                lastReport = done;
            }
        }
        progress.update(id, source, done, total);
        return done;
    }

    private HttpClient http() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NORMAL).build();
                }
                c = http;
            }
        }
        return c;
    }

    /**
     * Downloads {@code uri} into {@code part}, retrying and resuming with an HTTP Range request from what
     * an earlier attempt already wrote. The caller verifies and moves (or deletes) the part file.
     */
    void download(String id, URI uri, Path part) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                downloadOnce(id, uri, part);
                return;
            } catch (PermanentHttpException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                log.warn("Download of {} from {} failed (attempt {}/{}): {}", id, uri, attempt, attempts, e.toString());
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(retryDelay.toMillis() * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
        throw last;
    }

    private static final class PermanentHttpException extends IOException {
        PermanentHttpException(String m) { super(m); }
    }

    private void downloadOnce(String id, URI uri, Path part) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "ClockFace-model-resolver");
        if (have > 0) rb.header("Range", "bytes=" + have + "-");
        HttpResponse<InputStream> resp;
        try {
            resp = http().send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int code = resp.statusCode();
        try (InputStream body = resp.body()) {
            boolean append;
            if (code == 206 && have > 0 && contentRangeStart(resp) == have) {
                append = true;
            } else if (code == 200) {
                append = false;
                have = 0;
            } else if (code == 416) {
                Files.deleteIfExists(part); // our partial file is not a prefix the server knows: start over
                throw new IOException("HTTP 416 on resume; restarting");
            } else if (code == 404 || code == 410 || code == 401 || code == 403) {
                throw new PermanentHttpException("HTTP " + code);
            } else {
                throw new IOException("HTTP " + code);
            }
            long len = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = len < 0 ? -1 : have + len;
            try (OutputStream out = append
                    ? Files.newOutputStream(part, StandardOpenOption.APPEND)
                    : Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                long done = pump(id, uri.toString(), body, out, have, total);
                if (total >= 0 && done != total) {
                    throw new IOException("connection closed after " + done + " of " + total + " bytes");
                }
            }
        }
    }

    private static long contentRangeStart(HttpResponse<?> resp) {
        // "bytes 100-999/1000"
        String cr = resp.headers().firstValue("Content-Range").orElse("");
        try {
            int sp = cr.indexOf(' ');
            int dash = cr.indexOf('-');
            return Long.parseLong(cr.substring(sp + 1, dash).trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- hashing

    public static String sha256(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    // ---------------------------------------------------------------- configuration

    /** The model directory the environment asks for: CLOCKFACE_MODELS, else models/ under the working dir. */
    public static Path defaultModelDir() {
        String env = System.getenv(ENV_MODELS);
        return env != null && !env.isBlank() ? Path.of(env.trim()) : Path.of("models");
    }

    /** models/ beside the application jar (an installed app-image keeps its bundled models there), if any. */
    public static List<Path> defaultBundledDirs() {
        try {
            var src = ModelResolver.class.getProtectionDomain().getCodeSource();
            if (src == null) return List.of();
            Path jar = Path.of(src.getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.getParent() != null) return List.of(jar.getParent().resolve("models"));
        } catch (URISyntaxException | RuntimeException e) {
            log.debug("cannot locate the application jar", e);
        }
        return List.of();
    }

    public static final class Builder {
        private List<ModelSpec> catalog;
        private Path modelDir = defaultModelDir();
        private List<Path> bundledDirs = defaultBundledDirs();
        private String mirror = System.getenv(ENV_MIRROR);
        private Progress progress = Progress.NONE;
        private final Map<String, Converter> converters = new LinkedHashMap<>();
        private int attempts = 3;
        private Duration retryDelay = Duration.ofSeconds(2);
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
            Converter ir = defaultIrConverter();
            if (ir != null) converters.put(ModelSpec.OPENVINO_IR, ir);
        }

        public Builder catalog(List<ModelSpec> c) { this.catalog = List.copyOf(c); return this; }
        public Builder modelDir(Path d) { this.modelDir = Objects.requireNonNull(d); return this; }
        public Builder bundledDirs(List<Path> d) { this.bundledDirs = List.copyOf(d); return this; }
        /** A directory path or an http(s) URL base; null for none. */
        public Builder mirror(String m) { this.mirror = m; return this; }
        public Builder progress(Progress p) { this.progress = Objects.requireNonNull(p); return this; }
        public Builder converter(String upstreamFormat, Converter c) {
            if (c == null) converters.remove(upstreamFormat); else converters.put(upstreamFormat, c);
            return this;
        }
        public Builder attempts(int n) { this.attempts = Math.max(1, n); return this; }
        public Builder retryDelay(Duration d) { this.retryDelay = Objects.requireNonNull(d); return this; }
        public Builder timeout(Duration d) { this.timeout = Objects.requireNonNull(d); return this; }

        public ModelResolver build() throws ModelException {
            if (catalog == null) catalog = loadCatalog();
            return new ModelResolver(this);
        }
    }

    private static Converter defaultIrConverter() {
        return (spec, inputs, onnx) -> {
            String xmlName = inputs.get(0).getFileName().toString().replaceFirst("\\.xml$", "");
            OpenVinoIrConverter.Options o = OpenVinoIrConverter.Options.of(spec.conversion(),
                    xmlName.replaceAll("[^A-Za-z0-9]", "_"));
            OpenVinoIrConverter.convert(inputs.get(0), inputs.get(1), onnx, o);
        };
    }
}
