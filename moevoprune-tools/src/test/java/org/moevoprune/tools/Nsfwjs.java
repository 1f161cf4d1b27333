package org.moevoprune.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Where tests find the real pretrained models (npm package {@code nsfwjs@4.4.0}, unpacked under the cache root
 * {@code $MOEVOPRUNE_CACHE}, else {@code ~/.cache/moevoprune}) and a real photo, and the synthetic image of the
 * golden feature files. Tests that need them are skipped, with the reason, when they are absent.
 */
public final class Nsfwjs {

    private Nsfwjs() {
    }

    /** @return the cache root */
    public static Path cacheRoot() {
        String env = System.getenv("MOEVOPRUNE_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "moevoprune");
    }

    /**
     * @param model {@code "mobilenet_v2"} or {@code "inception_v3"}
     * @return the model's folder; the calling test is skipped if it is absent
     */
    public static Path modelFolder(String model) {
        Path folder = cacheRoot().resolve("packages/npm/nsfwjs-4.4.0/package/dist/models").resolve(model);
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve("model.min.js")), () -> "skipped: the pretrained "
                + "model " + folder + " is absent; fetch the npm package nsfwjs@4.4.0 into the moevoprune cache "
                + "(npm pack nsfwjs@4.4.0, unpacked under packages/npm/nsfwjs-4.4.0)");
        return folder;
    }

    /**
     * The photo {@code china.jpg} of Debian's python3-sklearn package: {@code $MOEVOPRUNE_TEST_PHOTO}, or the first
     * {@code china.jpg} under the cache's {@code packages} folder; the calling test is skipped if there is none.
     *
     * @return the photo as an RGB image
     * @throws IOException if it cannot be read
     */
    public static RasterImage photo() throws IOException {
        Path found = null;
        String env = System.getenv("MOEVOPRUNE_TEST_PHOTO");
        if (env != null && Files.isRegularFile(Path.of(env))) {
            found = Path.of(env);
        } else if (Files.isDirectory(cacheRoot().resolve("packages"))) {
            try (Stream<Path> files = Files.find(cacheRoot().resolve("packages"), 12,
                    (p, a) -> p.getFileName().toString().equals("china.jpg") && a.isRegularFile())) {
                found = files.findFirst().orElse(null);
            }
        }
        Assumptions.assumeTrue(found != null, "skipped: no real photo; set MOEVOPRUNE_TEST_PHOTO to china.jpg from "
                + "Debian's python3-sklearn (apt-get download python3-sklearn; dpkg-deb -x; "
                + "usr/lib/python3/dist-packages/sklearn/datasets/images/china.jpg)");
        BufferedImage image = ImageIO.read(found.toFile());
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int i = (y * image.getWidth() + x) * 3;
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return RasterImage.wrap(image.getWidth(), image.getHeight(), 3, rgb);
    }

    /**
     * The synthetic input of the golden feature files: red = round(255·x/(size−1)), green = round(255·y/(size−1)),
     * blue = (7x + 3y) mod 256.
     *
     * @param size the side in pixels
     * @return the image
     */
    public static RasterImage gradient(int size) {
        byte[] p = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 3;
                p[i] = (byte) Math.round(255.0 * x / (size - 1));
                p[i + 1] = (byte) Math.round(255.0 * y / (size - 1));
                p[i + 2] = (byte) ((7 * x + 3 * y) % 256);
            }
        }
        return RasterImage.wrap(size, size, 3, p);
    }
}
