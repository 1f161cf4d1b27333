package org.moevoprune.onnx.images;

import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit image, gray (1 channel) or RGB (3 channels), stored row-major with interleaved channels
 * ({@code (y · width + x) · channels + c}). The common currency between data-set readers and backbones.
 *
 * <p>Immutable and thread-safe: pixels are copied on the way in and out (except {@link #wrap}).
 */
public final class RasterImage {

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] pixels;

    private RasterImage(int width, int height, int channels, byte[] pixels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    /**
     * An image over a copy of {@code pixels}.
     *
     * @param width pixels per row, ≥ 1
     * @param height rows, ≥ 1
     * @param channels 1 (gray) or 3 (RGB)
     * @param pixels {@code width · height · channels} unsigned bytes, row-major, channels interleaved
     * @return the image
     * @throws IllegalArgumentException if a size is invalid or the pixel count does not match
     */
    public static RasterImage of(int width, int height, int channels, byte[] pixels) {
        return wrap(width, height, channels, Objects.requireNonNull(pixels, "pixels").clone());
    }

    /**
     * An image over {@code pixels} itself, without copying: the caller hands the array over and must not modify it
     * again (readers of large data sets use it to avoid a copy per image).
     *
     * @param width pixels per row, ≥ 1
     * @param height rows, ≥ 1
     * @param channels 1 (gray) or 3 (RGB)
     * @param pixels {@code width · height · channels} unsigned bytes
     * @return the image
     * @throws IllegalArgumentException if a size is invalid or the pixel count does not match
     */
    public static RasterImage wrap(int width, int height, int channels, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1 × 1, got " + width + " × " + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images have 1 (gray) or 3 (RGB) channels, got " + channels);
        }
        if ((long) width * height * channels != pixels.length) {
            throw new IllegalArgumentException("a " + width + " × " + height + " × " + channels + " image needs "
                    + ((long) width * height * channels) + " bytes, got " + pixels.length);
        }
        return new RasterImage(width, height, channels, pixels);
    }

    /** @return pixels per row */
    public int width() {
        return width;
    }

    /** @return rows */
    public int height() {
        return height;
    }

    /** @return 1 for gray, 3 for RGB */
    public int channels() {
        return channels;
    }

    /**
     * @param x column
     * @param y row
     * @param c channel
     * @return the unsigned value, 0–255
     * @throws IndexOutOfBoundsException if a coordinate is out of range
     */
    public int pixel(int x, int y, int c) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        Objects.checkIndex(c, channels);
        return pixels[(y * width + x) * channels + c] & 0xFF;
    }

    /** @return a copy of the pixels, row-major, channels interleaved */
    public byte[] pixels() {
        return pixels.clone();
    }

    /**
     * Copies the pixels into {@code destination} without allocating.
     *
     * @param destination receives {@code width · height · channels} bytes from index {@code offset}
     * @param offset the first index written
     */
    public void copyPixels(byte[] destination, int offset) {
        System.arraycopy(pixels, 0, destination, offset, pixels.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RasterImage r && width == r.width && height == r.height && channels == r.channels
                && Arrays.equals(pixels, r.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "RasterImage[" + width + " × " + height + (channels == 1 ? " gray" : " RGB") + "]";
    }
}
