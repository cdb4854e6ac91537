package com.clockface.camera;

import com.clockface.vision.CameraInfo;
import com.clockface.vision.BgrImage;
import com.clockface.vision.Frame;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The image files of one folder (sorted by file name) played as a camera at a fixed frame rate.
 * Frame i is stamped {@code i / fps} seconds; with {@link #realTime(boolean) realTime(true)} the
 * source waits until each frame is due and stamps it on the {@code System.nanoTime()} clock.
 * Every frame has the size of the first image (others are resized), as a camera's frames do.
 */
public final class ImageFolderSource implements FrameSource {

    /** File endings ImageIO reads without plug-ins (plus JPEG 2000 through jai-imageio in the pom). */
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif", ".jp2");

    private final Path folder;
    private final double fps;
    private boolean realTime;
    private boolean loop;

    private List<Path> files;
    private int index;
    private long served;
    private final RealTimePacer pacer = new RealTimePacer();
    private CameraInfo info;

    public ImageFolderSource(Path folder, double fps) {
        if (!(fps > 0)) throw new IllegalArgumentException("fps must be positive: " + fps);
        this.folder = folder;
        this.fps = fps;
        this.info = new CameraInfo(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(),
                "image folder", 0, 0, fps, true);
    }

    public ImageFolderSource realTime(boolean on) { this.realTime = on; return this; }

    public ImageFolderSource loop(boolean on) { this.loop = on; return this; }

    /** The image files this source plays, in order (after {@link #open()}). */
    public List<Path> files() { return files == null ? List.of() : files; }

    static boolean isImageFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    @Override
    public void open() throws CameraException {
        if (files != null) return;
        if (!Files.isDirectory(folder)) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The image folder " + folder + " does not exist. Check the path.");
        }
        List<Path> found;
        try (Stream<Path> s = Files.list(folder)) {
            found = s.filter(Files::isRegularFile).filter(ImageFolderSource::isImageFile).sorted().toList();
        } catch (IOException e) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The image folder " + folder + " cannot be listed (" + e.getMessage() + "). Check its permissions.", e);
        }
        if (found.isEmpty()) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The folder " + folder + " holds no images (" + String.join(", ", EXTENSIONS) + ").");
        }
        BufferedImage first = read(found.get(0));
        files = found;
        index = 0;
        served = 0;
        pacer.reset();
        info = info.withSize(first.getWidth(), first.getHeight(), fps);
    }

    @Override
    public Frame next() throws CameraException {
        if (files == null) throw new IllegalStateException("open() the source first");
        if (index >= files.size()) {
            if (!loop) return null;
            index = 0;
        }
        BgrImage img = BgrImage.fromBufferedImage(read(files.get(index++)));
        if (img.width() != info.width() || img.height() != info.height()) {
            img = img.resize(info.width(), info.height());
        }
        long rel = Math.round(served * 1e9 / fps);
        served++;
        if (!realTime) return new Frame(img, rel);
        long due = pacer.await(rel);
        return due < 0 ? null : new Frame(img, due);
    }

    private static BufferedImage read(Path p) throws CameraException {
        try {
            BufferedImage b = ImageIO.read(p.toFile());
            if (b == null) {
                throw new CameraException(CameraException.Reason.UNREADABLE,
                        "The image " + p + " is not in a readable image format. Remove it from the folder or convert it to JPEG/PNG.");
            }
            return b;
        } catch (IOException e) {
            throw new CameraException(CameraException.Reason.UNREADABLE,
                    "The image " + p + " could not be read (" + e.getMessage() + "). The file may be damaged.", e);
        }
    }

    @Override
    public CameraInfo info() { return info; }

    @Override
    public void close() {
        files = null;
    }
}
