package org.moevoprune.onnx.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.moevoprune.onnx.ModelConventions;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Tiny ONNX models with hand-computable features: a 1×1 convolution {@code y_o = Σ_c W[c][o]·x_c} (no bias, no
 * activation) followed by global average pooling, so each feature is a weighted sum of the preprocessed image's
 * channel means. The model file {@value #CHANNEL_MIXER} is the converter's output for that Keras model (NHWC input,
 * outputs {@code features} and {@code activations}, the {@link ModelConventions} metadata); the test
 * {@code ChannelMixerFixtureTest} of {@code moevoprune-tools} checks that the converter still makes exactly these
 * bytes, and its {@code main} writes them.
 */
public final class TinyModels {

    /** W[c][o] for 3 input channels and 2 features. */
    public static final float[][] W = {{1, 0.5f}, {2, -1}, {-1, 0.25f}};

    /** The class-path resource of the channel-mixer model. */
    public static final String CHANNEL_MIXER = "/org/moevoprune/onnx/testing/channel-mixer.onnx";

    private TinyModels() {
    }

    /** @return the bytes of the channel-mixer ONNX model */
    public static byte[] channelMixer() {
        try (InputStream in = TinyModels.class.getResourceAsStream(CHANNEL_MIXER)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + CHANNEL_MIXER + " is missing: write it with "
                        + "moevoprune-tools' ChannelMixerFixtureTest.main");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected features of an image already at the preprocessing size: W applied to the channel means / 255. */
    public static float[] expected(RasterImage image) {
        double[] mean = new double[3];
        int n = image.width() * image.height();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += image.pixel(x, y, image.channels() == 3 ? c : 0) / 255.0 / n;
                }
            }
        }
        float[] f = new float[2];
        for (int o = 0; o < 2; o++) {
            f[o] = (float) (W[0][o] * mean[0] + W[1][o] * mean[1] + W[2][o] * mean[2]);
        }
        return f;
    }

    /** A deterministic pseudo-random image. */
    public static RasterImage image(int size, int channels, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] pixels = new byte[size * size * channels];
        r.nextBytes(pixels);
        return RasterImage.of(size, size, channels, pixels);
    }
}
