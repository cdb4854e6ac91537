package com.clockface.vision;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes image files (JPEG, PNG, BMP, JPEG 2000 through the jai-imageio plugin) into upright
 * {@link BgrImage}s: EXIF orientation is applied because phone photos are stored sideways.
 * Refuses huge inputs before decoding them, so a hostile file cannot exhaust memory.
 */
public final class ImageDecoder {

    /** Files above this size are refused before reading (camera frames and photos are far smaller). */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** Pixel count above which decoding is refused (about 8k x 6k). */
    public static final long MAX_PIXELS = 50_000_000L;

    private ImageDecoder() {}

    public static BgrImage read(Path file) throws ImageException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ImageException(file.getFileName() + " is " + (size >> 20) + " MB; images above "
                        + (MAX_FILE_BYTES >> 20) + " MB are refused.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageException("Image file not found: " + file);
        } catch (IOException e) {
            throw new ImageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.getFileName().toString());
    }

    public static BgrImage decode(byte[] bytes, String name) throws ImageException {
        if (bytes.length == 0) throw new ImageException(name + " is empty (0 bytes).");
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageException(name + " is not an image in a supported format (JPEG, PNG, JPEG 2000, BMP).");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageException(name + " is " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels; images above " + (MAX_PIXELS / 1_000_000) + " megapixels are refused.");
                }
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (ImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageException(name + " is corrupt or truncated and cannot be decoded.", e);
        }
        if (img == null) throw new ImageException(name + " could not be decoded.");
        BgrImage bgr = BgrImage.fromBufferedImage(img);
        return applyOrientation(bgr, exifOrientation(bytes));
    }

    /** EXIF orientation tag 1..8, or 1 when absent or unreadable. */
    static int exifOrientation(byte[] bytes) {
        try {
            Metadata md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory dir = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (dir != null && dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // No or broken metadata: the pixels are still usable as stored.
        }
        return 1;
    }

    /** Turns the stored pixels upright for EXIF orientations 1..8. */
    static BgrImage applyOrientation(BgrImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) return src;
        int w = src.width(), h = src.height();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w, oh = swap ? w : h;
        byte[] s = src.data();
        byte[] d = new byte[s.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx, dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; } // 8
                }
                int si = (y * w + x) * 3, di = (dy * ow + dx) * 3;
                d[di] = s[si];
                d[di + 1] = s[si + 1];
                d[di + 2] = s[si + 2];
            }
        }
        return new BgrImage(ow, oh, d);
    }
}
