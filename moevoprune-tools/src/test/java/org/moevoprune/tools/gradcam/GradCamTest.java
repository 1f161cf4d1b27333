package org.moevoprune.tools.gradcam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moevoprune.onnx.OnnxFeatureExtractor;
import org.moevoprune.onnx.Preprocessing;
import org.moevoprune.onnx.images.RasterImage;
import org.moevoprune.onnx.testing.TinyModels;

class GradCamTest {

    @TempDir
    Path dir;

    /** An 8×8 RGB image whose left half is white, right half black. */
    private static RasterImage halves() {
        byte[] p = new byte[8 * 8 * 3];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < 3; c++) {
                    p[(y * 8 + x) * 3 + c] = (byte) 255;
                }
            }
        }
        return RasterImage.of(8, 8, 3, p);
    }

    private static OnnxFeatureExtractor extractor() throws IOException {
        return OnnxFeatureExtractor.builder(TinyModels.channelMixer()).preprocessing(Preprocessing.scaled(8))
                .build();
    }

    @Test
    void aPooledFeaturesMapIsItsChannelsActivationMap() throws IOException {
        try (OnnxFeatureExtractor ex = extractor()) {
            GradCam cam = GradCam.of(ex);
            List<HeatMap> maps = cam.heatMaps(halves(), 0, 1);
            // Channel 0 = 1·R + 2·G − 1·B = 2 on white, 0 on black; channel 1 = 0.5 − 1 + 0.25 = −0.25 on white.
            HeatMap m0 = maps.get(0);
            assertEquals(8, m0.width());
            assertEquals(8, m0.height());
            float[] expected = new float[64];
            for (int y = 0; y < 8; y++) {
                java.util.Arrays.fill(expected, y * 8, y * 8 + 4, 2f);
            }
            assertArrayEquals(expected, m0.values(), 1e-5f);
            assertEquals(2f, m0.get(3, 7), 1e-5f);
            assertEquals(0f, maps.get(1).get(0, 0), 0f, "Grad-CAM keeps only positive evidence");
            float[] features = ex.extract(List.of(halves())).row(0);
            assertEquals(features[0], m0.mean(), 1e-5, "the map's mean is the pooled feature");
            assertEquals(features[1], maps.get(1).mean(), 1e-5);
            float[] up = m0.normalized(16, 2);
            assertEquals(1f, up[0], 1e-6f);
            assertEquals(0.75f, up[7], 1e-6f); // centre 3.25 of the map: between 2 and 0 at a quarter
            assertEquals(0f, up[15], 1e-6f);
            assertArrayEquals(new float[16], maps.get(1).normalized(4, 4), 0f);
        }
    }

    @Test
    void rendersAGridPng() throws IOException {
        try (OnnxFeatureExtractor ex = extractor()) {
            GradCam cam = GradCam.of(ex);
            BufferedImage grid = cam.render(List.of(halves(), halves()), new int[] {0, 1}, 16, 0.5);
            assertEquals(48, grid.getWidth());
            assertEquals(32, grid.getHeight());
            assertEquals(0xFFFFFF, grid.getRGB(0, 0) & 0xFFFFFF, "first tile is the image");
            // Feature 0 is hot (jet red 128,0,0) on the white half: blended half and half with white.
            assertEquals(0xC08080, grid.getRGB(16, 0) & 0xFFFFFF);
            // Feature 1 is cold everywhere (jet blue 0,0,128) over black on the right.
            assertEquals(0x000040, grid.getRGB(47, 31) & 0xFFFFFF);
            Path png = dir.resolve("cam.png");
            cam.writePng(List.of(halves()), new int[] {0}, 16, png);
            BufferedImage read = ImageIO.read(png.toFile());
            assertEquals(32, read.getWidth());
            assertEquals(16, read.getHeight());
        }
    }

    @Test
    void topFeaturesAndJetColours() {
        assertArrayEquals(new int[] {2, 0, 3}, GradCam.topFeatures(new double[] {0.5, 0.1, 0.9, 0.5}, 3));
        assertEquals(0x000080, Colours.jet(0));
        assertEquals(0x80FF80, Colours.jet(0.5f));
        assertEquals(0x800000, Colours.jet(1));
    }

    @Test
    void aModelWithoutActivationsIsExplained() throws IOException {
        try (OnnxFeatureExtractor ex = extractor()) {
            String message = assertThrows(IllegalArgumentException.class, () -> GradCam.of(ex, "conv"))
                    .getMessage();
            assertTrue(message.contains("'conv'") && message.contains("activations(true)"), message);
        }
    }
}
