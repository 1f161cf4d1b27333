package org.moevoprune.tools.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Decodes image files with {@code javax.imageio} into {@link RasterImage}s: gray images (of any bit depth, with or
 * without alpha, or with an all-gray palette) stay gray, everything else becomes 8-bit RGB; alpha is dropped and
 * samples deeper than 8 bits are rounded to 8 bits. Gray samples are read from the raster, not through
 * {@link BufferedImage#getRGB}, which would apply a gamma conversion to linear gray images. Stateless, thread-safe.
 */
final class ImageFiles {

    private ImageFiles() {
    }

    /** @return the lower-case file suffixes javax.imageio can decode in this JVM ({@code png}, {@code jpg}, …) */
    static Set<String> suffixes() {
        Set<String> suffixes = new TreeSet<>();
        for (String s : ImageIO.getReaderFileSuffixes()) {
            suffixes.add(s.toLowerCase(Locale.ROOT));
        }
        return suffixes;
    }

    /** @return whether {@code file}'s name ends in a suffix javax.imageio can decode, and it is not hidden */
    static boolean isImageName(Path file, Set<String> suffixes) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && suffixes.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static RasterImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such image file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // javax.imageio reports damaged data with IIOException and, for some formats, runtime exceptions.
            throw new IOException("cannot decode image " + file + ": " + e.getMessage()
                    + "; the file is damaged or in an unsupported variant: replace it or remove it", e);
        }
        if (image == null) {
            throw new IOException("cannot decode image " + file + ": javax.imageio knows no format matching its"
                    + " content (readable: " + suffixes() + "); replace it or remove it");
        }
        return convert(image);
    }

    static RasterImage convert(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return gray(image.getRaster(), model.getComponentSize(0));
        }
        if (model instanceof IndexColorModel palette && grayPalette(palette)) {
            return grayFromRgb(image);
        }
        return rgb(image);
    }

    private static RasterImage gray(Raster raster, int bits) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY(), width, height, 0,
                new int[width * height]);
        byte[] pixels = new byte[samples.length];
        long max = (1L << bits) - 1;
        for (int i = 0; i < samples.length; i++) {
            pixels[i] = (byte) (bits == 8 ? samples[i] : (samples[i] * 255L + max / 2) / max);
        }
        return RasterImage.wrap(width, height, 1, pixels);
    }

    private static boolean grayPalette(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static RasterImage grayFromRgb(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] pixels = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            pixels[i] = (byte) argb[i];
        }
        return RasterImage.wrap(image.getWidth(), image.getHeight(), 1, pixels);
    }

    private static RasterImage rgb(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] pixels = new byte[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            pixels[3 * i] = (byte) (argb[i] >> 16);
            pixels[3 * i + 1] = (byte) (argb[i] >> 8);
            pixels[3 * i + 2] = (byte) argb[i];
        }
        return RasterImage.wrap(image.getWidth(), image.getHeight(), 3, pixels);
    }
}
