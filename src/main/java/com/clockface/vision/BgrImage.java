package com.clockface.vision;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Objects;

/**
 * An 8-bit colour image, channels interleaved in B,G,R order: the order every model we use expects,
 * and the order OpenCV/FFmpeg hand us frames in. Immutable by convention: methods return new images.
 */
public final class BgrImage {
    private final int width;
    private final int height;
    private final byte[] data;

    public BgrImage(int width, int height, byte[] data) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        Objects.requireNonNull(data, "data");
        if (data.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + (width * height * 3) + " bytes for " + width + "x" + height + ", got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    public static BgrImage filled(int width, int height, int b, int g, int r) {
        byte[] d = new byte[width * height * 3];
        for (int i = 0; i < d.length; i += 3) {
            d[i] = (byte) b;
            d[i + 1] = (byte) g;
            d[i + 2] = (byte) r;
        }
        return new BgrImage(width, height, d);
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The raw interleaved BGR bytes; callers must not modify them. */
    public byte[] data() { return data; }

    /** Channel value 0..255 at (x, y); c = 0 blue, 1 green, 2 red. */
    public int at(int x, int y, int c) {
        return data[(y * width + x) * 3 + c] & 0xFF;
    }

    /** Luma (BT.601) at (x, y), 0..255. */
    public double luma(int x, int y) {
        int i = (y * width + x) * 3;
        return 0.114 * (data[i] & 0xFF) + 0.587 * (data[i + 1] & 0xFF) + 0.299 * (data[i + 2] & 0xFF);
    }

    public static BgrImage fromBufferedImage(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        byte[] out = new byte[w * h * 3];
        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] px = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
            if (px.length == out.length) {
                System.arraycopy(px, 0, out, 0, out.length);
                return new BgrImage(w, h, out);
            }
        }
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // getRGB would push grey samples through a linear-to-sRGB conversion and brighten them.
            byte[] px = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
            if (px.length == w * h) {
                for (int i = 0, o = 0; i < px.length; i++) {
                    out[o++] = px[i];
                    out[o++] = px[i];
                    out[o++] = px[i];
                }
                return new BgrImage(w, h, out);
            }
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[o++] = (byte) p;          // B
                out[o++] = (byte) (p >> 8);   // G
                out[o++] = (byte) (p >> 16);  // R
            }
        }
        return new BgrImage(w, h, out);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(data, 0, px, 0, data.length);
        return img;
    }

    /** The sub-image [x, x+w) x [y, y+h), clipped to the image. */
    public BgrImage crop(int x, int y, int w, int h) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w), y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) throw new IllegalArgumentException("crop outside the image");
        int cw = x1 - x0, ch = y1 - y0;
        byte[] out = new byte[cw * ch * 3];
        for (int r = 0; r < ch; r++) {
            System.arraycopy(data, ((y0 + r) * width + x0) * 3, out, r * cw * 3, cw * 3);
        }
        return new BgrImage(cw, ch, out);
    }

    /**
     * The face box widened by {@code margin} of its size on every side, clipped to the image (photos for a card or
     * a thumbnail); null when less than 8 px would remain.
     */
    public BgrImage cropAround(Face f, double margin) {
        int x = (int) Math.max(0, f.x() - f.width() * margin);
        int y = (int) Math.max(0, f.y() - f.height() * margin);
        int x2 = (int) Math.min(width, f.x() + f.width() * (1 + margin));
        int y2 = (int) Math.min(height, f.y() + f.height() * (1 + margin));
        return x2 - x < 8 || y2 - y < 8 ? null : crop(x, y, x2 - x, y2 - y);
    }

    public BgrImage flipHorizontal() {
        byte[] out = new byte[data.length];
        for (int y = 0; y < height; y++) {
            int row = y * width * 3;
            for (int x = 0; x < width; x++) {
                int s = row + x * 3, d = row + (width - 1 - x) * 3;
                out[d] = data[s];
                out[d + 1] = data[s + 1];
                out[d + 2] = data[s + 2];
            }
        }
        return new BgrImage(width, height, out);
    }

    /** Bilinear resize with pixel-centre alignment (the cv2.resize INTER_LINEAR convention). */
    public BgrImage resize(int newWidth, int newHeight) {
        byte[] out = new byte[newWidth * newHeight * 3];
        double sx = (double) width / newWidth, sy = (double) height / newHeight;
        for (int y = 0; y < newHeight; y++) {
            double fy = (y + 0.5) * sy - 0.5;
            int y0 = (int) Math.floor(fy);
            double wy = fy - y0;
            if (y0 < 0) { y0 = 0; wy = 0; }
            int y1 = Math.min(y0 + 1, height - 1);
            if (y0 >= height - 1) { y0 = height - 1; y1 = y0; wy = 0; }
            for (int x = 0; x < newWidth; x++) {
                double fx = (x + 0.5) * sx - 0.5;
                int x0 = (int) Math.floor(fx);
                double wx = fx - x0;
                if (x0 < 0) { x0 = 0; wx = 0; }
                int x1 = Math.min(x0 + 1, width - 1);
                if (x0 >= width - 1) { x0 = width - 1; x1 = x0; wx = 0; }
                int o = (y * newWidth + x) * 3;
                int p00 = (y0 * width + x0) * 3, p01 = (y0 * width + x1) * 3;
                int p10 = (y1 * width + x0) * 3, p11 = (y1 * width + x1) * 3;
                for (int c = 0; c < 3; c++) {
                    double top = (data[p00 + c] & 0xFF) * (1 - wx) + (data[p01 + c] & 0xFF) * wx;
                    double bot = (data[p10 + c] & 0xFF) * (1 - wx) + (data[p11 + c] & 0xFF) * wx;
                    out[o + c] = (byte) Math.min(255, (int) Math.round(top * (1 - wy) + bot * wy));
                }
            }
        }
        return new BgrImage(newWidth, newHeight, out);
    }
}
