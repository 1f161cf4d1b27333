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
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.moevoprune.onnx.images.RasterImage;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files with {@code javax.imageio} into {@link RasterImage}s: gray images (of any bit depth, with or
 * without alpha, or with an all-gray palette) stay gray, everything else becomes 8-bit RGB; alpha is dropped and
 * samples deeper than 8 bits are rounded to 8 bits. Gray samples are read from the raster, not through
 * {@link BufferedImage#getRGB}, which would apply a gamma conversion to linear gray images. Images of more than
 * {@value #MAX_PIXELS} pixels are refused from their header, before any pixel is allocated. Stateless, thread-safe.
 */
final class ImageFiles {

    /**
     * The largest image decoded, in pixels: a damaged header can declare billions, and the pixels are allocated
     * before the data is read, so larger images are refused from their header.
     */
    static final long MAX_PIXELS = 1L << 26;

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
        try (ImageInputStream in = decoding(file, () -> ImageIO.createImageInputStream(file.toFile()))) {
            ImageReader reader = in == null ? null : decoding(file, () -> firstReader(in));
            if (reader == null) {
                throw new IOException("cannot decode image " + file + ": javax.imageio knows no format matching its"
                        + " content (readable: " + suffixes() + "); replace it or remove it");
            }
            try {
                long width = decoding(file, () -> {
                    reader.setInput(in, true, true);
                    return (long) reader.getWidth(0);
                });
                long height = decoding(file, () -> (long) reader.getHeight(0));
                if (width * height > MAX_PIXELS) {
                    throw new IOException("image " + file + " declares " + width + " × " + height + " = "
                            + width * height + " pixels, more than the " + MAX_PIXELS + " (8192 × 8192) this reader "
                            + "decodes: the file is damaged, or scale the image down before reading it");
                }
                return decoding(file, () -> convert(reader.read(0)));
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader firstReader(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }

    /** A step of javax.imageio that damaged data can make fail. */
    private interface Decoding<T> {
        T run() throws IOException;
    }

    /**
     * Runs one step of decoding; javax.imageio reports damaged data with IIOException and, for some formats, with
     * runtime exceptions: both become an IOException naming the file.
     */
    private static <T> T decoding(Path file, Decoding<T> step) throws IOException {
        try {
            return step.run();
        } catch (IOException | RuntimeException e) {
            String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException("cannot decode image " + file + ": " + detail
                    + "; the file is damaged or in an unsupported variant: replace it or remove it", e);
        }
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
