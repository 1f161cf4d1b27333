package org.moevoprune.tools.gradcam;

/** The jet colour map and alpha blending of heat maps over images. */
final class Colours {

    private Colours() {
    }

    /** @return the jet colour of {@code v ∈ [0, 1]} (blue → cyan → yellow → red) as packed RGB */
    static int jet(float v) {
        double t = Math.min(1, Math.max(0, v));
        int r = channel(1.5 - Math.abs(4 * t - 3));
        int g = channel(1.5 - Math.abs(4 * t - 2));
        int b = channel(1.5 - Math.abs(4 * t - 1));
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(double x) {
        return (int) Math.round(255 * Math.min(1, Math.max(0, x)));
    }

    /** @return {@code (1 − alpha)·image + alpha·jet(heat)} per pixel, packed RGB */
    static int[] blend(int[] image, float[] heat, double alpha) {
        int[] out = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            int colour = jet(heat[i]);
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int a = (image[i] >> shift) & 0xFF;
                int b = (colour >> shift) & 0xFF;
                rgb |= (int) Math.round((1 - alpha) * a + alpha * b) << shift;
            }
            out[i] = rgb;
        }
        return out;
    }
}
