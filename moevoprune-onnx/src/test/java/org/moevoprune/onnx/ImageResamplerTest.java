package org.moevoprune.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

class ImageResamplerTest {

    private static RasterImage row(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return RasterImage.of(values.length, 1, 1, b);
    }

    @Test
    void upscalingInterpolatesBetweenPixelCentres() {
        // 2 → 4: centres at −0.25, 0.25, 0.75, 1.25 of the source; the ends repeat the edge pixels.
        assertArrayEquals(new float[] {0, 25, 75, 100}, ImageResampler.resize(row(0, 100), 4, 1), 1e-4f);
    }

    @Test
    void downscalingAveragesWithAWiderTriangle() {
        // 4 → 2: output 1 is centred at 2.5 with weights 0.25, 0.75, 0.75 on pixels 1, 2, 3 (pixel 4 is outside).
        float[] got = ImageResampler.resize(row(0, 0, 0, 255), 2, 1);
        assertEquals(0f, got[0], 1e-4f);
        assertEquals(255 * 0.75 / 1.75, got[1], 1e-3);
    }

    @Test
    void sameSizeIsExact() {
        RasterImage image = TinyModels.image(5, 3, 1);
        float[] got = ImageResampler.resize(image, 5, 5);
        for (int i = 0; i < got.length; i++) {
            assertEquals(image.pixels()[i] & 0xFF, got[i], 0f);
        }
    }

    @Property(tries = 50)
    void aConstantImageStaysConstant(@ForAll @IntRange(min = 1, max = 40) int inW,
                                     @ForAll @IntRange(min = 1, max = 40) int inH,
                                     @ForAll @IntRange(min = 1, max = 40) int outW,
                                     @ForAll @IntRange(min = 1, max = 40) int outH,
                                     @ForAll @IntRange(min = 0, max = 255) int value) {
        byte[] pixels = new byte[inW * inH * 3];
        java.util.Arrays.fill(pixels, (byte) value);
        for (float v : ImageResampler.resize(RasterImage.of(inW, inH, 3, pixels), outW, outH)) {
            assertEquals(value, v, 1e-3f);
        }
    }

    @Test
    void preprocessingScalesConvertsChannelsAndLaysOut() {
        // A 1×2 image upscaled to 8×8: pixel (0, 0) keeps the first pixel's values.
        RasterImage rgb = RasterImage.of(1, 2, 3, new byte[] {(byte) 255, 0, 51, 102, (byte) 204, 0});
        Preprocessing p = Preprocessing.scaled(8);
        float[] big = new float[8 * 8 * 3];
        p.fill(rgb, 3, true, big, 0);
        assertEquals(1f, big[0], 1e-6f);
        assertEquals(51 / 255f, big[2], 1e-6f);
        float[] nchw = new float[8 * 8 * 3];
        p.fill(rgb, 3, false, nchw, 0);
        assertEquals(big[2], nchw[2 * 64], 0f);
        float[] gray = new float[64];
        p.fill(rgb, 1, true, gray, 0);
        assertEquals((0.299f * 255 + 0.114f * 51) / 255f, gray[0], 1e-5f);
        RasterImage g = RasterImage.of(1, 1, 1, new byte[] {(byte) 128});
        Preprocessing imagenet = Preprocessing.imagenet(8);
        imagenet.fill(g, 3, true, big, 0);
        assertEquals((128 / 255f - 0.485f) / 0.229f, big[0], 1e-5f);
        assertEquals((128 / 255f - 0.406f) / 0.225f, big[2], 1e-5f);
    }

    @Test
    void keysDistinguishEverySetting() {
        assertEquals("resize=bilinear-aa;size=96;mean=0.0,0.0,0.0;std=1.0,1.0,1.0", Preprocessing.scaled(96).key());
        assertEquals(Preprocessing.scaled(96), Preprocessing.scaled(96));
        org.junit.jupiter.api.Assertions.assertNotEquals(Preprocessing.scaled(96).key(),
                Preprocessing.imagenet(96).key());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Preprocessing.scaled(4));
    }
}
