package org.moevoprune.onnx;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.moevoprune.onnx.images.RasterImage;

/**
 * How an image becomes the network's input: resized to a square of {@link #size()} pixels (antialiased bilinear:
 * see {@link ImageResampler}), converted to the model's channel count (gray replicated to RGB; RGB to gray by
 * ITU-R BT.601 luma), then each value mapped to {@code (byte/255 − mean[c]) / std[c]}. The defaults (mean 0,
 * std 1, so plain {@code x/255} in [0, 1]) are those the nsfwjs MobileNetV2 and InceptionV3 were trained with;
 * ImageNet models exported from PyTorch usually want {@link #imagenet}-style mean and std.
 *
 * <p>Immutable and thread-safe.
 */
public final class Preprocessing {

    private final int size;
    private final float[] mean;
    private final float[] std;

    private Preprocessing(int size, float[] mean, float[] std) {
        this.size = size;
        this.mean = mean;
        this.std = std;
    }

    /**
     * Scaling to [0, 1] (x/255) at the given size.
     *
     * @param size the side of the square input, 8–2048 pixels (64–224 is sensible on a CPU)
     * @return the preprocessing
     * @throws IllegalArgumentException if the size is out of range
     */
    public static Preprocessing scaled(int size) {
        return of(size, new float[] {0, 0, 0}, new float[] {1, 1, 1});
    }

    /**
     * Scaling to [0, 1], then the usual ImageNet normalisation (mean 0.485, 0.456, 0.406; std 0.229, 0.224,
     * 0.225), as torchvision models expect.
     *
     * @param size the side of the square input, 8–2048 pixels
     * @return the preprocessing
     */
    public static Preprocessing imagenet(int size) {
        return of(size, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    }

    /**
     * @param size the side of the square input, 8–2048 pixels
     * @param mean per-channel mean subtracted after scaling to [0, 1]: 3 values (RGB; gray models use the first)
     * @param std per-channel divisor: 3 positive values
     * @return the preprocessing
     * @throws IllegalArgumentException if the size is out of range, an array does not hold 3 finite values or a
     *                                  std is not positive
     */
    public static Preprocessing of(int size, float[] mean, float[] std) {
        if (size < 8 || size > 2048) {
            throw new IllegalArgumentException("input size " + size + " is outside 8–2048 pixels: use 64–224 for "
                    + "CNN backbones on a CPU");
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (R, G, B), got " + mean.length + " and "
                    + std.length);
        }
        for (int c = 0; c < 3; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("mean " + Arrays.toString(mean) + " / std " + Arrays.toString(std)
                        + " must be finite with std > 0");
            }
        }
        return new Preprocessing(size, mean.clone(), std.clone());
    }

    /** @return the side of the square input in pixels */
    public int size() {
        return size;
    }

    /** @return a copy of the per-channel means subtracted after scaling to [0, 1] (R, G, B) */
    public float[] mean() {
        return mean.clone();
    }

    /** @return a copy of the per-channel divisors (R, G, B) */
    public float[] std() {
        return std.clone();
    }

    /**
     * @param newSize the side of the square input, 8–2048 pixels
     * @return the same preprocessing at another size
     */
    public Preprocessing withSize(int newSize) {
        return of(newSize, mean, std);
    }

    /**
     * A canonical description of every setting, part of the backbone fingerprint: equal keys mean equal inputs.
     *
     * @return e.g. {@code "resize=bilinear-aa;size=96;mean=0,0,0;std=1,1,1"}
     */
    public String key() {
        return String.format(Locale.ROOT, "resize=bilinear-aa;size=%d;mean=%s,%s,%s;std=%s,%s,%s", size,
                mean[0], mean[1], mean[2], std[0], std[1], std[2]);
    }

    /**
     * Writes one image's input values.
     *
     * @param image the image, any size, gray or RGB
     * @param channels the model's input channels, 1 or 3
     * @param channelsLast true for NHWC ({@code (y·size + x)·channels + c}), false for NCHW
     *                     ({@code (c·size + y)·size + x})
     * @param destination receives {@code size² · channels} values from {@code offset}
     * @param offset the first index written
     * @throws IllegalArgumentException if {@code channels} is not 1 or 3
     */
    public void fill(RasterImage image, int channels, boolean channelsLast, float[] destination, int offset) {
        Objects.requireNonNull(image, "image");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("models take 1 or 3 input channels, this one " + channels);
        }
        float[] rgb = ImageResampler.resize(image, size, size);
        int inC = image.channels();
        int pixels = size * size;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                float v = value(rgb, p, inC, channels, c);
                float x = (v / 255f - mean[c]) / std[c];
                destination[offset + (channelsLast ? p * channels + c : c * pixels + p)] = x;
            }
        }
    }

    private static float value(float[] resized, int p, int inChannels, int outChannels, int c) {
        if (inChannels == outChannels) {
            return resized[p * inChannels + c];
        }
        if (inChannels == 1) {
            return resized[p];
        }
        return 0.299f * resized[p * 3] + 0.587f * resized[p * 3 + 1] + 0.114f * resized[p * 3 + 2];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return "Preprocessing[" + key() + "]";
    }
}
